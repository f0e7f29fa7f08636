import type { OrganisationProfile } from '../../api/schemas/organisation.schema.ts';
import { intakeRoundOf } from '../../domain/intake.ts';
import { renderApplicationCopy } from '../../letters/application-copy.ts';
import type { LetterFonts } from '../../letters/fonts.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { DocumentReader } from '../../ports/document-repository.ts';
import type { SubmittedCopies } from '../../ports/submitted-copies.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';
import { applicationInRound, receivedDocuments } from './intake-round.ts';

export interface RenderCopyDeps {
  applications: Pick<ApplicationRepository, 'get'>;
  calls: Pick<CallRepository, 'get'>;
  organisations: { get(orgId: string): Promise<OrganisationProfile | undefined> };
  documents: DocumentReader;
  copies: Pick<SubmittedCopies, 'put'>;
  fonts: () => Promise<LetterFonts>;
}

/**
 * Intake task: renders the PDF copy of the application as submitted and stores it for the receipt.
 * Primary course:
 * 1. Load the application; this intake round must still be pending (else the work is stale).
 * 2. While it is SUBMITTED its content cannot change, so render it with the call, the organisation's
 *    profile and the documents received, and store it under the round's key. A retry renders the same
 *    bytes (the renderer is deterministic) and overwrites them.
 * 3. Once this round's completeness check has moved it on (a rerun after a crash), its copy was stored
 *    before the check ran; an INCOMPLETE application may be edited again, so it is not rendered anew.
 */
export async function renderSubmittedCopy(
  deps: RenderCopyDeps,
  input: WorkflowInput,
): Promise<{ copy: 'stored' | 'stored-before'; bytes?: number }> {
  const application = await applicationInRound(deps.applications, input);
  if (application.status === 'IN_REVIEW' || application.status === 'INCOMPLETE')
    return { copy: 'stored-before' };
  if (application.status !== 'SUBMITTED') {
    throw new StaleWorkError(`application ${application.id} is ${application.status}, not SUBMITTED`);
  }
  if (!application.reference) throw new Error(`application ${application.id} has no reference yet`);
  const [call, organisation, documents, fonts] = await Promise.all([
    deps.calls.get(application.callId),
    deps.organisations.get(application.orgId),
    deps.documents.listByApplication(application.id),
    deps.fonts(),
  ]);
  if (!call) throw new Error(`call ${application.callId} of application ${application.id} does not exist`);
  const pdf = await renderApplicationCopy(
    { application, call, organisation, documents: receivedDocuments(documents) },
    fonts,
  );
  await deps.copies.put(application.id, intakeRoundOf(application), pdf);
  return { copy: 'stored', bytes: pdf.length };
}
