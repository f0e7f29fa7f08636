import type { Application } from '../../domain/application.ts';
import type { ApplicationDocument } from '../../domain/document.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';

/**
 * The application an intake task works on, if this run's work still applies: its intake must still
 * be the pending work marked at `input.pendingSince`. Once the round is finished (the marker is
 * cleared) or superseded (withdrawn, supplemented again: a new marker), a task — say of a redelivered
 * stream record — has nothing left to do and says so with StaleWorkError, which the state machine
 * catches.
 */
export async function applicationInRound(
  applications: Pick<ApplicationRepository, 'get'>,
  input: WorkflowInput,
): Promise<Application> {
  const application = await applications.get(input.applicationId);
  if (!application) throw new StaleWorkError(`application ${input.applicationId} is gone`);
  if (application.pendingWork !== 'intake' || application.pendingSince !== input.pendingSince) {
    throw new StaleWorkError(
      `the intake of application ${application.id} marked at ${input.pendingSince} is finished or superseded`,
    );
  }
  return application;
}

/** The documents that count as received: verified uploads (pending or rejected ones did not arrive). */
export function receivedDocuments(documents: ApplicationDocument[]): ApplicationDocument[] {
  return documents.filter((document) => document.status === 'verified');
}
