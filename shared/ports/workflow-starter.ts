import type { WorkflowInput } from '../workflows/workflow-input.ts';

export interface WorkflowRun {
  status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  error?: string;
  cause?: string;
}

/** Runs a workflow to its end and says how it ended (Express workflows, synchronously). */
export interface WorkflowStarter {
  run(input: WorkflowInput): Promise<WorkflowRun>;
}
