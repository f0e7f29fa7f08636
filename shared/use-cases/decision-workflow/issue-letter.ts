import type { OrganisationProfile } from '../../api/schemas/organisation.schema.ts';
import type { Application, ApplicationEvent } from '../../domain/application.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Letter } from '../../domain/decision.ts';
import { ConcurrentChangeError } from '../../domain/errors.ts';
import { letterKindOf, renderBescheid } from '../../letters/bescheid.ts';
import type { LetterFonts } from '../../letters/fonts.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { LetterFiles } from '../../ports/letter-files.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';
import { letterIdFor, letterKey, letterOfDecision } from './decision-letter.ts';

export interface IssueLetterDeps {
  applications: Pick<ApplicationRepository, 'get' | 'save'>;
  calls: Pick<CallRepository, 'get'>;
  organisations: { get(orgId: string): Promise<OrganisationProfile | undefined> };
  letters: Pick<LetterFiles, 'put'>;
  fonts: () => Promise<LetterFonts>;
  clock: Clock;
}

const MAX_ATTEMPTS = 5;

/**
 * Decision task: issues the Bescheid on an approval or a rejection.
 * Primary course:
 * 1. Load the application. A waiting-list place gets no Bescheid (nothing to do); a letter of this
 *    decision already recorded means an earlier run issued it (nothing to do).
 * 2. It must be APPROVED or REJECTED with its decision (else the work is stale: it moved on).
 * 3. Render the Bescheid, dated the day of the decision, so every run renders the same bytes, and put
 *    it under letters/<applicationId>/<letterId>.pdf, the id derived from the decision.
 * 4. Record the letter on the application with a LETTER_ISSUED event in one conditional write (on the
 *    version read). The write keeps the pending marker, so it starts no workflow.
 * Alternative: the write finds the application changed (ConcurrentChangeError) → read again and go on
 * from step 1; a concurrent run that recorded the letter meanwhile ends it there.
 */
export async function issueLetter(
  deps: IssueLetterDeps,
  input: WorkflowInput,
): Promise<{ letter: 'issued' | 'issued-before' | 'none-waitlisted'; letterId?: string; bytes?: number }> {
  // Rendered and stored once per letter id: a retry of the write after a concurrent change needs no new PDF.
  let stored: { letterId: string; pdf: Uint8Array } | undefined;
  for (let attempt = 1; ; attempt++) {
    const application = await deps.applications.get(input.applicationId);
    if (!application) throw new StaleWorkError(`application ${input.applicationId} does not exist`);
    if (application.status === 'WAITLISTED') return { letter: 'none-waitlisted' };
    const issued = letterOfDecision(application);
    if (issued) return { letter: 'issued-before', letterId: issued.id };
    const { decision, reference } = application;
    if ((application.status !== 'APPROVED' && application.status !== 'REJECTED') || !decision) {
      throw new StaleWorkError(`application ${application.id} is ${application.status}, no letter to issue`);
    }
    if (!reference) throw new Error(`decided application ${application.id} has no reference`);

    const letterId = letterIdFor(application.id, decision);
    const key = letterKey(application.id, letterId);
    const kind = letterKindOf(decision);
    if (stored?.letterId !== letterId) {
      const [call, organisation, fonts] = await Promise.all([
        deps.calls.get(application.callId),
        deps.organisations.get(application.orgId),
        deps.fonts(),
      ]);
      if (!call)
        throw new Error(`call ${application.callId} of application ${application.id} does not exist`);
      // A Bescheid needs its addressee: an application cannot be submitted without a profile, so this
      // fails loudly (and is retried by the stream) rather than issuing a letter to nobody.
      if (!organisation) throw new Error(`organisation ${application.orgId} has no profile: no addressee`);
      const pdf = await renderBescheid(
        { application, call, organisation, issuedAt: decision.decidedAt },
        fonts,
      );
      await deps.letters.put(key, pdf, `${kind}-${reference}.pdf`);
      stored = { letterId, pdf };
    }

    const at = deps.clock.now().toISOString();
    const letter: Letter = { id: letterId, kind, key, createdAt: at };
    const next: Application = {
      ...application,
      letters: [...(application.letters ?? []), letter],
      version: application.version + 1,
      updatedAt: at,
      updatedBy: 'system',
    };
    const event: ApplicationEvent = {
      applicationId: application.id,
      version: next.version,
      at,
      actor: 'system',
      type: 'LETTER_ISSUED',
      from: application.status,
      to: application.status,
      reason: `${kind} ${letterId}`,
    };
    try {
      await deps.applications.save(next, event, application.version);
      return { letter: 'issued', letterId, bytes: stored.pdf.length };
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
