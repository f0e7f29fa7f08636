import type { ApplicationRepository } from '../ports/application-repository.ts';
import type { WorkflowInput } from '../workflows/workflow-input.ts';

/**
 * The last task of every workflow: clears the application's pending-work marker, but only if it is
 * still the marking this run was started for (a newer transition keeps its own).
 */
export async function completePendingWork(
  deps: { applications: ApplicationRepository },
  input: WorkflowInput,
): Promise<{ cleared: boolean }> {
  return { cleared: await deps.applications.clearPendingWork(input.applicationId, input.pendingSince) };
}
