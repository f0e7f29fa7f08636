import type { Nachforderung } from './application.ts';
import { berlinDate, berlinTimestamp } from './berlin-time.ts';
import type { RuleViolation } from './errors.ts';
import { NACHFORDERUNG_DAYS } from './intake.ts';

/** A reviewer's Nachforderung gives the applicant at least a week and at most about two months. */
export const REVIEWER_DUE_MIN_DAYS = 7;
export const REVIEWER_DUE_MAX_DAYS = 60;

/** What a reviewer's Nachforderung items are recorded as (the intake's carry the rule's code instead). */
export const REVIEWER_ITEM_CODE = 'requested-by-reviewer';

const DAY_MS = 86_400_000;

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD), counted at noon UTC so DST cannot shift them. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / DAY_MS);
}

/**
 * The due date a reviewer's Nachforderung proposes unless they choose another: as long as the intake
 * gives (NACHFORDERUNG_DAYS after today on the Berlin calendar), which lies within the reviewer's range.
 */
export function defaultReviewerDueDate(now: Date): string {
  return new Date(Date.parse(`${berlinDate(now)}T12:00:00Z`) + NACHFORDERUNG_DAYS * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

/**
 * The due date a reviewer chose, judged on the Berlin calendar: at least 7 and at most 60 days after
 * today in Berlin (a request at 23:30 on the 1st counts from the 1st, as the applicant reads it).
 * Returns the violations (empty when the date is fine).
 */
export function reviewerDueDateViolations(dueDate: string, now: Date): RuleViolation[] {
  const days = daysBetween(berlinDate(now), dueDate);
  if (Number.isNaN(days)) {
    return [
      {
        path: 'dueDate',
        code: 'invalid-date',
        message: { de: 'Kein gültiges Datum.', en: 'Not a valid date.' },
      },
    ];
  }
  if (days < REVIEWER_DUE_MIN_DAYS) {
    return [
      {
        path: 'dueDate',
        code: 'due-date-too-near',
        message: {
          de: `Die Frist muss mindestens ${REVIEWER_DUE_MIN_DAYS} Tage in der Zukunft liegen.`,
          en: `The due date must be at least ${REVIEWER_DUE_MIN_DAYS} days ahead.`,
        },
      },
    ];
  }
  if (days > REVIEWER_DUE_MAX_DAYS) {
    return [
      {
        path: 'dueDate',
        code: 'due-date-too-far',
        message: {
          de: `Die Frist darf höchstens ${REVIEWER_DUE_MAX_DAYS} Tage in der Zukunft liegen.`,
          en: `The due date may be at most ${REVIEWER_DUE_MAX_DAYS} days ahead.`,
        },
      },
    ];
  }
  return [];
}

/**
 * The Nachforderung a reviewer asks for. The reviewer writes each item in one language (the back
 * office does not translate), so the same text stands in both: the applicant reads it as written.
 * An item without a path points at no form field (path ''). Due at the end of the due day, Berlin.
 */
export function reviewerNachforderung(input: {
  reviewerSub: string;
  items: readonly { path?: string; text: string }[];
  dueDate: string;
  note?: string;
  now: Date;
}): Nachforderung {
  return {
    requestedAt: input.now.toISOString(),
    requestedBy: input.reviewerSub,
    dueAt: berlinTimestamp(input.dueDate, '23:59:59'),
    items: input.items.map((item) => ({
      path: item.path ?? '',
      code: REVIEWER_ITEM_CODE,
      message: { de: item.text, en: item.text },
    })),
    ...(input.note ? { note: input.note } : {}),
  };
}
