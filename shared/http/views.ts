import type { ApplicationSummary, ApplicationView } from '../api/schemas/application.schema.ts';
import type { Call } from '../api/schemas/call.schema.ts';
import { type Application, draftContentOf } from '../domain/application.ts';
import type { RuleViolation } from '../domain/errors.ts';
import { checkDraft } from '../domain/finance-rules.ts';
import { etagOf } from './if-match.ts';
import type { Language } from './language.ts';

/**
 * What applicants see of an application: its content, the finance plan's figures and every rule
 * finding in their language — computed by the same rules module the browser runs — and no internal
 * workflow markers.
 */
export function toApplicationView(application: Application, call: Call, language: Language): ApplicationView {
  // Scores and recommendations are for the back office only: applicants never see them.
  const {
    pendingWork,
    pendingSince: _since,
    nachforderung,
    withdrawal,
    assessmentSummary: _internal,
    decision,
    waitingList,
    letters,
    notification,
    objection,
    letterReminderSentAt: _reminded,
    ...rest
  } = application;
  const check = checkDraft(draftContentOf(application), call);
  const localize = (finding: RuleViolation) => ({
    path: finding.path,
    code: finding.code,
    message: finding.message[language],
  });
  return {
    ...rest,
    processing: pendingWork !== undefined,
    ...(nachforderung
      ? {
          nachforderung: {
            requestedAt: nachforderung.requestedAt,
            dueAt: nachforderung.dueAt,
            items: nachforderung.items.map(localize),
            ...(nachforderung.note ? { note: nachforderung.note } : {}),
          },
        }
      : {}),
    ...(withdrawal ? { withdrawal: { at: withdrawal.at, reason: withdrawal.reason } } : {}),
    ...decisionViews({ status: application.status, decision, waitingList, letters, notification, objection }),
    totals: check.totals,
    violations: check.violations.map(localize),
    missing: check.missing.map(localize),
  };
}

/**
 * The decision and what follows it, as the applicant may see it: the Bescheid's content but not who
 * decided, nor the batch or the letters' storage keys; the waiting-list place only as its rank, and
 * only while the application waits.
 */
function decisionViews(
  application: Pick<
    Application,
    'status' | 'decision' | 'waitingList' | 'letters' | 'notification' | 'objection'
  >,
): Pick<ApplicationView, 'decision' | 'waitingList' | 'letters' | 'notification' | 'objection'> {
  const { status, decision, waitingList, letters, notification, objection } = application;
  return {
    ...(decision
      ? {
          decision: {
            outcome: decision.outcome,
            ...(decision.grantedCents !== undefined ? { grantedCents: decision.grantedCents } : {}),
            financingType: decision.financingType,
            conditions: decision.conditions,
            ...(decision.reasons ? { reasons: decision.reasons } : {}),
            decidedAt: decision.decidedAt,
          },
        }
      : {}),
    // The place matters only while waiting; after moving up (or a rejection) it is history.
    ...(waitingList && status === 'WAITLISTED' ? { waitingList: { rank: waitingList.rank } } : {}),
    ...(letters?.length
      ? {
          letters: letters.map((letter) => ({
            id: letter.id,
            kind: letter.kind,
            createdAt: letter.createdAt,
            ...(letter.firstRetrievedAt ? { firstRetrievedAt: letter.firstRetrievedAt } : {}),
          })),
        }
      : {}),
    ...(notification
      ? {
          notification: {
            notifiedOn: notification.notifiedOn,
            appealPeriodEndsAt: notification.appealPeriodEndsAt,
          },
        }
      : {}),
    ...(objection
      ? {
          objection: {
            at: objection.at,
            reason: objection.reason,
            // How it ended, not who decided it or the amounts before: the letter tells the rest.
            ...(objection.outcome ? { outcome: objection.outcome } : {}),
            ...(objection.decidedAt ? { decidedAt: objection.decidedAt } : {}),
          },
        }
      : {}),
  };
}

/** The answer carrying one application: its view and its version as the ETag for the next edit. */
export function applicationResponse(
  status: number,
  found: { application: Application; call: Call },
  language: Language,
  headers: Record<string, string> = {},
) {
  return {
    status,
    body: toApplicationView(found.application, found.call, language),
    headers: { etag: etagOf(found.application.version), ...headers },
  };
}

/** One line of a list of applications: what a person needs to find theirs and see where it stands. */
export function toApplicationSummary(application: Application): ApplicationSummary {
  return {
    id: application.id,
    orgId: application.orgId,
    callId: application.callId,
    title: application.title,
    status: application.status,
    version: application.version,
    ...(application.reference ? { reference: application.reference } : {}),
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
    updatedBy: application.updatedBy,
    ...(application.submittedAt ? { submittedAt: application.submittedAt } : {}),
    processing: application.pendingWork !== undefined,
  };
}
