import type { Call } from '../api/schemas/call.schema.ts';
import type { OrganisationProfile } from '../api/schemas/organisation.schema.ts';
import { type Application, draftContentOf } from './application.ts';
import { callPhase } from './call.ts';
import type { ApplicationDocument } from './document.ts';
import type { RuleViolation } from './errors.ts';
import { checkDraft } from './finance-rules.ts';
import { organisationProfileGaps } from './organisation.ts';

export interface SubmissionFacts {
  application: Application;
  call: Call;
  /** The applying organisation's profile; undefined if it has none (then everything about it is missing). */
  organisation: OrganisationProfile | undefined;
  documents: ApplicationDocument[];
  now: Date;
}

/**
 * Every reason an application cannot be submitted (or, in the intake, cannot go to review) — at once,
 * so the applicant fixes all of them in one go. The submit request and the intake's completeness
 * check both call this, so the server never judges the same application in two ways.
 *
 * Paths: draft fields as in the form (`financePlan.requestedGrantCents`), the organisation's under
 * `organisation.`, documents as `documents.<required document id>`, the deadline as `callId`.
 */
export function submissionGaps(facts: SubmissionFacts): RuleViolation[] {
  const { application, call, now } = facts;
  const supplement = application.status === 'INCOMPLETE' && application.nachforderung !== undefined;
  return [...deadlineGaps(application, call, now, supplement), ...contentGaps(facts)];
}

/**
 * The intake's Vollständigkeitsprüfung of a submitted application: the same rules as submissionGaps,
 * but the deadline is judged at the moment the applicant acted, not when the intake happens to run —
 * a complete application submitted in time stays in time when the call closes meanwhile. A first
 * submission is judged at its submittedAt against the call's deadline; a supplement after a
 * Nachforderung at its supplementedAt against the Nachforderung's due date.
 */
export function intakeGaps(facts: Omit<SubmissionFacts, 'now'>): RuleViolation[] {
  const { application, call } = facts;
  const supplement = application.supplementedAt !== undefined && application.nachforderung !== undefined;
  const actedAt = supplement ? application.supplementedAt : application.submittedAt;
  if (!actedAt) throw new Error(`application ${application.id} has not been submitted`);
  return [...deadlineGaps(application, call, new Date(actedAt), supplement), ...contentGaps(facts)];
}

/** Everything but the deadline: the content, the organisation and the documents. */
function contentGaps(facts: Omit<SubmissionFacts, 'now'>): RuleViolation[] {
  const { application, call, organisation, documents } = facts;
  const gaps: RuleViolation[] = [];
  const draft = checkDraft(
    draftContentOf(application),
    call,
    organisation ? { legalForm: organisation.legalForm } : {},
  );
  gaps.push(...draft.violations, ...draft.missing);

  if (!organisation) {
    gaps.push({
      path: 'organisation',
      code: 'organisation-missing',
      message: {
        de: 'Bitte legen Sie zuerst das Profil Ihrer Organisation an.',
        en: 'Please create your organisation’s profile first.',
      },
    });
  } else {
    for (const gap of organisationProfileGaps(organisation)) {
      gaps.push({ ...gap, path: `organisation.${gap.path}` });
    }
  }

  gaps.push(...documentGaps(call, documents));
  return gaps;
}

/** The call's mandatory documents that have no verified upload yet. */
export function documentGaps(call: Pick<Call, 'requiredDocuments'>, documents: ApplicationDocument[]) {
  const gaps: RuleViolation[] = [];
  for (const required of call.requiredDocuments) {
    if (!required.mandatory) continue;
    const ofType = documents.filter((document) => document.type === required.id);
    if (ofType.some((document) => document.status === 'verified')) continue;
    const pending = ofType.some((document) => document.status === 'pending');
    gaps.push({
      path: `documents.${required.id}`,
      code: pending ? 'document-unverified' : 'document-missing',
      message: pending
        ? {
            de: `„${required.label.de}“ ist noch nicht geprüft: Bitte schließen Sie das Hochladen ab.`,
            en: `“${required.label.en}” has not been checked yet: please finish the upload.`,
          }
        : {
            de: `Es fehlt: ${required.label.de}.`,
            en: `Missing: ${required.label.en}.`,
          },
    });
  }
  return gaps;
}

/**
 * A first submission needs the call to be open (Europe/Berlin deadline, to the second). A supplement
 * after a Nachforderung is accepted until its due date instead, even after the call has closed.
 */
function deadlineGaps(application: Application, call: Call, now: Date, supplement: boolean): RuleViolation[] {
  if (supplement && application.nachforderung) {
    if (now.getTime() <= Date.parse(application.nachforderung.dueAt)) return [];
    return [
      {
        path: 'nachforderung.dueAt',
        code: 'supplement-overdue',
        message: {
          de: 'Die Frist für die Nachreichung ist abgelaufen.',
          en: 'The deadline for supplying the missing items has passed.',
        },
      },
    ];
  }
  const phase = callPhase(call, now);
  if (phase === 'open') return [];
  return [
    phase === 'upcoming'
      ? {
          path: 'callId',
          code: 'call-not-open-yet',
          message: { de: 'Der Förderaufruf ist noch nicht geöffnet.', en: 'The call is not open yet.' },
        }
      : {
          path: 'callId',
          code: 'call-closed',
          message: {
            de: 'Die Einreichungsfrist dieses Förderaufrufs ist abgelaufen.',
            en: 'The deadline of this call has passed.',
          },
        },
  ];
}
