import type { Application, ApplicationEvent } from './application.ts';
import { berlinDate, berlinTimestamp } from './berlin-time.ts';
import type { Letter, Notification } from './decision.ts';
import { decideTransition } from './lifecycle.ts';

/**
 * When a Bescheid counts as notified, and until when an objection (Widerspruch) may be lodged. The rule
 * the product applies:
 *
 * 1. Notification (§ 41 (2a) VwVfG): an administrative act made available for retrieval through the
 *    portal, with the applicant's consent (given when submitting), counts as notified on the day after
 *    its retrieval. The first retrieval by a member of the applying organisation is what counts; the
 *    calendar day is the one in Europe/Berlin. `notifiedOn` is that next calendar day, whatever weekday
 *    it is (the law sets a day, not a working day).
 * 2. Objection period: one month from notification (§ 70 (1) VwGO), computed per §§ 187 (1), 188 (2),
 *    (3) BGB (via § 57 (2) VwGO, § 222 (1) ZPO and § 31 (1) VwVfG): the day of notification is not
 *    counted, and the period ends at the end of the day of the next month that has the same number as
 *    the day of notification (notified on 15 March → ends 15 April); if that month has no such day,
 *    at the end of its last day (notified on 31 January → ends 28 or 29 February).
 * 3. If that day is a Saturday, a Sunday or a public holiday in Saxony, the period ends at the end of
 *    the next working day (§ 193 BGB; § 57 (2) VwGO with § 222 (2) ZPO; § 31 (3) VwVfG). The holidays
 *    are the state-wide ones of the Saxon Sonn- und Feiertagsgesetz: Neujahr, Karfreitag, Ostermontag,
 *    1. Mai, Christi Himmelfahrt, Pfingstmontag, Tag der Deutschen Einheit (3 October),
 *    Reformationstag (31 October), Buß- und Bettag (the Wednesday before 23 November), and the two
 *    Christmas days. (Fronleichnam is a holiday only in some Sorbian municipalities, not where the
 *    funding body sits, so it does not move the period.)
 * 4. `appealPeriodEndsAt` is the end of that day, 23:59:59 Europe/Berlin, as a timestamp with its
 *    offset. An objection is accepted up to and including that second; the deadlines workflow marks
 *    the decision FINAL after it.
 */

const DAY_MS = 86_400_000;

/**
 * § 41 (2a) sentence 3 VwVfG: a letter not retrieved within ten days of the notice that it is available
 * is not notified by retrieval (the funding body then notifies it by other means). The deadlines
 * workflow reminds the applicant once, halfway (LETTER_REMINDER_AFTER_DAYS in decision.ts).
 */
export const LETTER_RETRIEVAL_DAYS = 10;

/** YYYY-MM-DD of a UTC-midnight Date used as a plain calendar day. */
const isoDay = (day: Date) => day.toISOString().slice(0, 10);
const calendarDay = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
const addDays = (isoDate: string, days: number) =>
  isoDay(new Date(calendarDay(isoDate).getTime() + days * DAY_MS));

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The state-wide public holidays of Saxony in a year, by date (YYYY-MM-DD) with their name. */
export function saxonPublicHolidays(year: number): ReadonlyMap<string, string> {
  const easter = easterSunday(year);
  // Buß- und Bettag: the last Wednesday before 23 November (so between 16 and 22 November).
  const november22 = calendarDay(`${year}-11-22`);
  const bussUndBettag = addDays(`${year}-11-22`, -((november22.getUTCDay() - 3 + 7) % 7));
  return new Map([
    [`${year}-01-01`, 'Neujahr'],
    [addDays(easter, -2), 'Karfreitag'],
    [addDays(easter, 1), 'Ostermontag'],
    [`${year}-05-01`, 'Tag der Arbeit'],
    [addDays(easter, 39), 'Christi Himmelfahrt'],
    [addDays(easter, 50), 'Pfingstmontag'],
    [`${year}-10-03`, 'Tag der Deutschen Einheit'],
    [`${year}-10-31`, 'Reformationstag'],
    [bussUndBettag, 'Buß- und Bettag'],
    [`${year}-12-25`, '1. Weihnachtstag'],
    [`${year}-12-26`, '2. Weihnachtstag'],
  ]);
}

/** Whether a calendar day (YYYY-MM-DD) is a working day in Saxony: not a weekend, not a public holiday. */
export function isSaxonWorkingDay(isoDate: string): boolean {
  const weekday = calendarDay(isoDate).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !saxonPublicHolidays(Number(isoDate.slice(0, 4))).has(isoDate);
}

/** The day of notification: the Berlin calendar day after the first retrieval (§ 41 (2a) VwVfG). */
export function notificationDay(retrievedAt: Date): string {
  return addDays(berlinDate(retrievedAt), 1);
}

/**
 * The last day of the one-month objection period for a notification on `notifiedOn` (YYYY-MM-DD):
 * the same day number in the next month, or that month's last day (§ 188 (2), (3) BGB), moved to the
 * next working day in Saxony when it is none (§ 193 BGB).
 */
export function objectionPeriodLastDay(notifiedOn: string): string {
  const [year, month, day] = notifiedOn.split('-').map(Number) as [number, number, number];
  const nextMonthIndex = month; // 0-based index of the next month (month is 1-based)
  const lastDayOfNextMonth = new Date(Date.UTC(year, nextMonthIndex + 1, 0)).getUTCDate();
  let last = isoDay(new Date(Date.UTC(year, nextMonthIndex, Math.min(day, lastDayOfNextMonth))));
  while (!isSaxonWorkingDay(last)) last = addDays(last, 1);
  return last;
}

/** The end of the objection period: 23:59:59 Europe/Berlin on its last day, as a timestamp with offset. */
export function appealPeriodEnd(notifiedOn: string): string {
  return berlinTimestamp(objectionPeriodLastDay(notifiedOn), '23:59:59');
}

/** The notification that the first retrieval of `letterId` at `retrievedAt` makes. */
export function notificationOf(letterId: string, retrievedAt: Date): Notification {
  const notifiedOn = notificationDay(retrievedAt);
  return {
    letterId,
    retrievedAt: retrievedAt.toISOString(),
    notifiedOn,
    appealPeriodEndsAt: appealPeriodEnd(notifiedOn),
  };
}

/**
 * Whether an objection at `now` is within the period: up to and including its end, 23:59:59 Berlin
 * time of the last day. After that the deadlines workflow may mark the decision FINAL (the same instant
 * divides the two, so an objection and finality never both apply).
 */
export function withinAppealPeriod(
  notification: Pick<Notification, 'appealPeriodEndsAt'>,
  now: Date,
): boolean {
  return now.getTime() <= Date.parse(notification.appealPeriodEndsAt);
}

type Change = { next: Application; event: ApplicationEvent };

/**
 * The first retrieval of `letter` by a member: the application becomes NOTIFIED, the letter records
 * who retrieved it first and when, and the notification its dates. Undefined when the retrieval
 * notifies nothing: the decision is notified already (or moved on: objection, finality, renunciation),
 * or it is not a decided application.
 */
export function notifyOnRetrieval(
  application: Application,
  letter: Pick<Letter, 'id'>,
  member: string,
  now: Date,
): Change | undefined {
  const decision = decideTransition(application.status, 'notify', 'member');
  if (!decision.allowed || application.notification) return undefined;
  const at = now.toISOString();
  const notification = notificationOf(letter.id, now);
  const version = application.version + 1;
  return {
    next: {
      ...application,
      status: decision.to,
      version,
      updatedAt: at,
      updatedBy: member,
      letters: (application.letters ?? []).map((each) =>
        each.id === letter.id && !each.firstRetrievedAt
          ? { ...each, firstRetrievedAt: at, firstRetrievedBy: member }
          : each,
      ),
      notification,
      ...(decision.followUp ? { pendingWork: decision.followUp, pendingSince: at } : {}),
    },
    event: {
      applicationId: application.id,
      version,
      at,
      actor: member,
      type: 'NOTIFIED',
      from: application.status,
      to: decision.to,
      // The applicant's timeline reads the last day of the period from here (timeline.ts).
      reason: `notified on ${notification.notifiedOn}; objection period ends ${notification.appealPeriodEndsAt}`,
    },
  };
}

/** Why an objection cannot be lodged now. */
export type ObjectionRefusal =
  | { refused: 'wrong-status' }
  | { refused: 'period-over'; appealPeriodEndsAt: string };

/**
 * A member's objection (Widerspruch) at `now`: NOTIFIED and within the period → APPEALED with the
 * objection recorded. Refused after the period (NOTIFIED or already FINAL: 'period-over', naming its
 * end), and in any other status.
 */
export function lodgeObjection(
  application: Application,
  reason: string,
  member: string,
  now: Date,
): Change | ObjectionRefusal {
  const { notification } = application;
  // Late is late, whether or not the deadlines workflow has marked the decision FINAL yet.
  const late = notification !== undefined && !withinAppealPeriod(notification, now);
  if (late && (application.status === 'NOTIFIED' || application.status === 'FINAL')) {
    return { refused: 'period-over', appealPeriodEndsAt: notification.appealPeriodEndsAt };
  }
  const decision = decideTransition(application.status, 'object', 'member');
  if (!decision.allowed || !notification) return { refused: 'wrong-status' };
  const at = now.toISOString();
  const version = application.version + 1;
  return {
    next: {
      ...application,
      status: decision.to,
      version,
      updatedAt: at,
      updatedBy: member,
      objection: { at, by: member, reason },
      // Whatever the lifecycle has follow after an objection, marked in the same write.
      ...(decision.followUp ? { pendingWork: decision.followUp, pendingSince: at } : {}),
    },
    event: {
      applicationId: application.id,
      version,
      at,
      actor: member,
      type: 'OBJECTION_LODGED',
      from: application.status,
      to: decision.to,
      reason,
    },
  };
}

/**
 * Finality (Bestandskraft) once the objection period is over without an objection: NOTIFIED → FINAL
 * by the system. Undefined while the period runs, or when the application is no longer NOTIFIED.
 */
export function finalizeAfterAppealPeriod(
  application: Application,
  now: Date,
  actor: string,
): Change | undefined {
  const decision = decideTransition(application.status, 'finalize', 'system');
  if (!decision.allowed || !application.notification) return undefined;
  if (withinAppealPeriod(application.notification, now)) return undefined;
  const at = now.toISOString();
  const version = application.version + 1;
  return {
    next: {
      ...application,
      status: decision.to,
      version,
      updatedAt: at,
      updatedBy: actor,
      ...(decision.followUp ? { pendingWork: decision.followUp, pendingSince: at } : {}),
    },
    event: {
      applicationId: application.id,
      version,
      at,
      actor,
      type: 'FINAL',
      from: application.status,
      to: decision.to,
      reason: `objection period ended ${application.notification.appealPeriodEndsAt}`,
    },
  };
}
