import type { Application, ApplicationEvent, Nachforderung } from './application.ts';
import { berlinDate, berlinTimestamp } from './berlin-time.ts';
import type { RuleViolation } from './errors.ts';
import { decideTransition } from './lifecycle.ts';

/** How long an applicant has to supply what the intake found missing (Nachforderungsfrist), in days. */
export const NACHFORDERUNG_DAYS = 14;

/** Who the intake's own decisions are recorded as. */
export const INTAKE_ACTOR = 'system';

/**
 * The due date of a Nachforderung requested at `at`: the end of the day `days` calendar days later,
 * Europe/Berlin (23:59:59 local time, summer or winter).
 */
export function nachforderungDueAt(at: Date, days = NACHFORDERUNG_DAYS): string {
  const today = berlinDate(at);
  const due = new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return berlinTimestamp(due, '23:59:59');
}

/**
 * When the applicant handed in what this intake round checks: the supplement after a Nachforderung,
 * else the first submission. It names the round (the copy's file, the receipt's claim), so a round
 * dispatched twice is still one round.
 */
export function intakeRoundOf(application: Application): string {
  const at = application.supplementedAt ?? application.submittedAt;
  if (!at) throw new Error(`application ${application.id} has not been submitted`);
  return at;
}

export type IntakeOutcome = 'complete' | 'incomplete';

/**
 * The intake's decision on a SUBMITTED application, given what the Vollständigkeitsprüfung found:
 * nothing missing → IN_REVIEW; anything missing → INCOMPLETE with a Nachforderung listing every gap
 * and its due date. A supplement that is still incomplete keeps the due date it was given: handing in
 * again does not extend it. Returns the next version and its event (actor: the system).
 */
export function decideIntake(
  application: Application,
  gaps: RuleViolation[],
  now: Date,
): { outcome: IntakeOutcome; next: Application; event: ApplicationEvent } {
  const outcome: IntakeOutcome = gaps.length === 0 ? 'complete' : 'incomplete';
  const decision = decideTransition(
    application.status,
    outcome === 'complete' ? 'intake-complete' : 'request-documents',
    'system',
  );
  if (!decision.allowed) {
    throw new Error(
      `the intake cannot decide on application ${application.id} in status ${application.status}`,
    );
  }
  const at = now.toISOString();
  const supplement = application.supplementedAt !== undefined && application.nachforderung !== undefined;
  const nachforderung: Nachforderung | undefined =
    outcome === 'incomplete'
      ? {
          requestedAt: at,
          requestedBy: INTAKE_ACTOR,
          dueAt:
            supplement && application.nachforderung
              ? application.nachforderung.dueAt
              : nachforderungDueAt(now),
          items: gaps.map(({ path, code, message }) => ({ path, code, message })),
        }
      : undefined;
  const next: Application = {
    ...application,
    status: decision.to,
    version: application.version + 1,
    updatedAt: at,
    updatedBy: INTAKE_ACTOR,
    ...(nachforderung ? { nachforderung } : {}),
  };
  return {
    outcome,
    next,
    event: {
      applicationId: application.id,
      version: next.version,
      at,
      actor: INTAKE_ACTOR,
      type: outcome === 'complete' ? 'REVIEW_STARTED' : 'DOCUMENTS_REQUESTED',
      from: application.status,
      to: next.status,
      ...(nachforderung ? { reason: nachforderung.items.map((item) => item.path).join(', ') } : {}),
    },
  };
}
