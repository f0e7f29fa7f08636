import { SFNClient, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import type { WorkflowRun, WorkflowStarter } from '../ports/workflow-starter.ts';
import type { WorkflowInput } from '../workflows/workflow-input.ts';

/** The environment variable that holds a workflow's state machine ARN, e.g. INTAKE_WORKFLOW_ARN. */
export const workflowArnVariable = (workflow: string) => `${workflow.toUpperCase()}_WORKFLOW_ARN`;

/** Starts Express workflows with StartSyncExecution and waits for their end. */
export class SfnWorkflowStarter implements WorkflowStarter {
  private readonly client: SFNClient;

  constructor(client?: SFNClient) {
    // StartSyncExecution goes to the sync-states host; an endpoint override (the local stand-in) has no
    // such sibling host, so the prefix is only used against AWS itself.
    this.client = client ?? new SFNClient({ disableHostPrefix: Boolean(process.env.AWS_ENDPOINT_URL_SFN) });
  }

  async run(input: WorkflowInput): Promise<WorkflowRun> {
    const stateMachineArn = process.env[workflowArnVariable(input.workflow)];
    if (!stateMachineArn) throw new Error(`${workflowArnVariable(input.workflow)} is not set`);
    const result = await this.client.send(
      new StartSyncExecutionCommand({
        stateMachineArn,
        name: `${input.workflow}-${input.applicationId}-${input.version}`,
        input: JSON.stringify(input),
      }),
    );
    return {
      status: (result.status ?? 'FAILED') as WorkflowRun['status'],
      ...(result.error ? { error: result.error } : {}),
      ...(result.cause ? { cause: result.cause } : {}),
    };
  }
}
