import type { Clock } from '../../domain/clock.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';

/**
 * Intake task: gives a submitted application its Aktenzeichen.
 * Primary course:
 * 1. Load the application; it must still be SUBMITTED (else the work is stale).
 * 2. If it already has a reference (a retried task), keep it.
 * 3. Allocate the call's next number atomically with the application update and its event.
 */
export async function allocateReference(
  deps: { applications: ApplicationRepository; calls: CallRepository; clock: Clock },
  input: WorkflowInput,
): Promise<{ reference: string }> {
  const application = await deps.applications.get(input.applicationId);
  if (!application) throw new StaleWorkError(`application ${input.applicationId} is gone`);
  if (application.reference) return { reference: application.reference };
  if (application.status !== 'SUBMITTED') {
    throw new StaleWorkError(`application ${application.id} is ${application.status}, not SUBMITTED`);
  }
  const call = await deps.calls.get(application.callId);
  if (!call) throw new Error(`call ${application.callId} of application ${application.id} does not exist`);
  const reference = await deps.applications.assignReference({
    id: application.id,
    prefix: call.referencePrefix,
    expectedVersion: application.version,
    actor: 'system:intake',
    at: deps.clock.now().toISOString(),
  });
  return { reference };
}
