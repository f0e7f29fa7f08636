import type { Call } from '../api/schemas/call.schema.ts';
import type { OrganisationProfile } from '../api/schemas/organisation.schema.ts';
import type { Application, ApplicationEvent } from '../domain/application.ts';
import type { Clock } from '../domain/clock.ts';
import type { Letter } from '../domain/decision.ts';
import { ConcurrentChangeError } from '../domain/errors.ts';
import type { LetterFonts } from '../letters/fonts.ts';
import type { ApplicationRepository } from '../ports/application-repository.ts';
import type { CallRepository } from '../ports/call-repository.ts';
import type { LetterFiles } from '../ports/letter-files.ts';
import { StaleWorkError } from '../workflows/workflow-input.ts';
import { letterKey } from './decision-workflow/decision-letter.ts';

export interface IssueLetterDeps {
  applications: Pick<ApplicationRepository, 'get' | 'save'>;
  calls: Pick<CallRepository, 'get'>;
  organisations: { get(orgId: string): Promise<OrganisationProfile | undefined> };
  letters: Pick<LetterFiles, 'put'>;
  fonts: () => Promise<LetterFonts>;
  clock: Clock;
}

/** What every letter renderer gets: the application, its call, the addressee and the letter's date. */
export interface LetterFacts {
  application: Application;
  call: Pick<Call, 'programme' | 'title' | 'financingType' | 'rules'>;
  organisation: OrganisationProfile;
  issuedAt: string;
}

/** The letter a workflow task wants issued on the application as it reads now. */
export interface LetterToIssue {
  /** Derived from the decision the letter is about, so every run of the task names the same letter. */
  letterId: string;
  kind: Letter['kind'];
  /** The day of that decision: every run renders the same bytes. */
  issuedAt: string;
  render: (facts: LetterFacts, fonts: LetterFonts) => Promise<Uint8Array>;
}

/**
 * A task's reading of the application: either it is done without a letter (issued before, nothing to
 * issue) with its answer, or there is a letter to issue. It throws StaleWorkError where the work no
 * longer applies.
 */
export type LetterPlan<Done> = { done: Done } | { issue: LetterToIssue };

const MAX_ATTEMPTS = 5;

/**
 * Issues a letter on an application once, for the decision and objection workflows' letter tasks.
 * Primary course:
 * 1. Load the application and ask the task which letter it wants (`letterFor`); a task that is done
 *    (the letter was issued before, or none is due) ends here with its answer.
 * 2. Render the letter with the call and the organisation's profile (its addressee) and put it under
 *    letters/<applicationId>/<letterId>.pdf, named <kind>-<reference>.pdf.
 * 3. Record the letter on the application with a LETTER_ISSUED event in one conditional write (on the
 *    version read). The write keeps the pending marker, so it starts no workflow.
 * Alternative: the write finds the application changed (ConcurrentChangeError) → read again and go on
 * from step 1; a concurrent run that recorded the letter meanwhile ends it there.
 */
export async function issueLetterOnce<Done>(
  deps: IssueLetterDeps,
  applicationId: string,
  letterFor: (application: Application) => LetterPlan<Done>,
): Promise<Done | { letter: 'issued'; letterId: string; bytes: number }> {
  // Rendered and stored once per letter id: a retry of the write after a concurrent change needs no new PDF.
  let stored: { letterId: string; pdf: Uint8Array } | undefined;
  for (let attempt = 1; ; attempt++) {
    const application = await deps.applications.get(applicationId);
    if (!application) throw new StaleWorkError(`application ${applicationId} does not exist`);
    const plan = letterFor(application);
    if ('done' in plan) return plan.done;
    const { letterId, kind, issuedAt, render } = plan.issue;
    const { reference } = application;
    if (!reference) throw new Error(`application ${application.id} has no reference`);

    const key = letterKey(application.id, letterId);
    if (stored?.letterId !== letterId) {
      const [call, organisation, fonts] = await Promise.all([
        deps.calls.get(application.callId),
        deps.organisations.get(application.orgId),
        deps.fonts(),
      ]);
      if (!call)
        throw new Error(`call ${application.callId} of application ${application.id} does not exist`);
      // A letter needs its addressee: an application cannot be submitted without a profile, so this
      // fails loudly (and is retried by the stream) rather than issuing a letter to nobody.
      if (!organisation) throw new Error(`organisation ${application.orgId} has no profile: no addressee`);
      const pdf = await render({ application, call, organisation, issuedAt }, fonts);
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
