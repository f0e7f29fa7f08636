import type { OrganisationProfile } from '../../api/schemas/organisation.schema.ts';
import type { Application, ApplicationEvent } from '../../domain/application.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Letter } from '../../domain/decision.ts';
import { ConcurrentChangeError } from '../../domain/errors.ts';
import type { LetterFonts } from '../../letters/fonts.ts';
import { objectionLetterKindOf, renderObjectionLetter } from '../../letters/objection-letter.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { LetterFiles } from '../../ports/letter-files.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';
import { letterKey } from '../decision-workflow/decision-letter.ts';
import { objectionLetterIdFor, objectionLetterOf } from './objection-letter.ts';

export interface IssueObjectionLetterDeps {
  applications: Pick<ApplicationRepository, 'get' | 'save'>;
  calls: Pick<CallRepository, 'get'>;
  organisations: { get(orgId: string): Promise<OrganisationProfile | undefined> };
  letters: Pick<LetterFiles, 'put'>;
  fonts: () => Promise<LetterFonts>;
  clock: Clock;
}

const MAX_ATTEMPTS = 5;

/**
 * Objection task: issues the letter that ends the objection.
 * Primary course:
 * 1. Load the application. A letter on this objection decision already recorded means an earlier run
 *    issued it (nothing to do).
 * 2. It must be FINAL with its objection decided (else the work is stale).
 * 3. Render the Abhilfebescheid (remedied) or the Widerspruchsbescheid (dismissed), dated the day the
 *    objection was decided, so every run renders the same bytes, and put it under
 *    letters/<applicationId>/<letterId>.pdf, the id derived from the objection's decision.
 * 4. Record the letter with a LETTER_ISSUED event in one conditional write (on the version read),
 *    keeping the pending marker. Retrieving it later serves it and changes nothing: the application is
 *    FINAL, so no retrieval notifies it again.
 * Alternative: the write finds the application changed → read again and go on from step 1.
 */
export async function issueObjectionLetter(
  deps: IssueObjectionLetterDeps,
  input: WorkflowInput,
): Promise<{ letter: 'issued' | 'issued-before'; letterId: string; bytes?: number }> {
  let stored: { letterId: string; pdf: Uint8Array } | undefined;
  for (let attempt = 1; ; attempt++) {
    const application = await deps.applications.get(input.applicationId);
    if (!application) throw new StaleWorkError(`application ${input.applicationId} does not exist`);
    const issued = objectionLetterOf(application);
    if (issued) return { letter: 'issued-before', letterId: issued.id };
    const { objection, reference } = application;
    if (application.status !== 'FINAL' || !objection?.outcome || !objection.decidedAt) {
      throw new StaleWorkError(
        `application ${application.id} is ${application.status} without a decided objection: no letter to issue`,
      );
    }
    if (!reference) throw new Error(`application ${application.id} has no reference`);

    const letterId = objectionLetterIdFor(application.id, {
      outcome: objection.outcome,
      decidedAt: objection.decidedAt,
    });
    const key = letterKey(application.id, letterId);
    const kind = objectionLetterKindOf(objection);
    if (stored?.letterId !== letterId) {
      const [call, organisation, fonts] = await Promise.all([
        deps.calls.get(application.callId),
        deps.organisations.get(application.orgId),
        deps.fonts(),
      ]);
      if (!call)
        throw new Error(`call ${application.callId} of application ${application.id} does not exist`);
      if (!organisation) throw new Error(`organisation ${application.orgId} has no profile: no addressee`);
      const pdf = await renderObjectionLetter(
        { application, call, organisation, issuedAt: objection.decidedAt },
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
      // The kind leads: the applicant's timeline tells the objection's letter from a Bescheid by it.
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
