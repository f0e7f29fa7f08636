import type { Language } from '../http/language.ts';

/**
 * Calendar arithmetic for project periods, on ISO dates (YYYY-MM-DD) without time zones: a project runs
 * from its first to its last day, both included. No Date objects, so the server and the browser in any
 * time zone count the same.
 */

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function parse(iso: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function format({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The last day of a period of `months` months that begins on `start` — § 188 (2), (3) BGB for periods
 * that begin at the start of a day: it ends on the day before the day of the last month that has the
 * start's number (1 Apr → 31 Mar), or on the last day of that month when it has no such day
 * (31 Jan + 1 month → 28 Feb).
 */
export function lastDayOfMonths(start: string, months: number): string {
  const from = parse(start);
  const monthIndex = from.month - 1 + months;
  const year = from.year + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const length = daysInMonth(year, month);
  if (from.day > length) return format({ year, month, day: length });
  if (from.day > 1) return format({ year, month, day: from.day - 1 });
  // The day before the 1st is the last day of the month before.
  const previousYear = month === 1 ? year - 1 : year;
  const previousMonth = month === 1 ? 12 : month - 1;
  return format({ year: previousYear, month: previousMonth, day: daysInMonth(previousYear, previousMonth) });
}

/**
 * How many months a project from `start` to `end` (both included) lasts, counting a started month as a
 * whole one: 2027-04-01..2028-03-31 and 2027-04-15..2028-04-14 are 12 months, a day more makes 13, and a
 * one-day project is 1 month. Undefined when the end is before the start.
 */
export function projectMonths(start: string, end: string): number | undefined {
  if (end < start) return undefined; // ISO dates compare as strings
  const from = parse(start);
  const to = parse(end);
  // The answer is this difference of calendar months or one more (see lastDayOfMonths); never less.
  let months = Math.max(1, (to.year - from.year) * 12 + (to.month - from.month));
  while (lastDayOfMonths(start, months) < end) months += 1;
  return months;
}

/** The calendar year of an ISO date. */
export function yearOf(iso: string): number {
  return parse(iso).year;
}

const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date as people write it: German `01.04.2027`, English `1 April 2027`. */
export function formatDate(iso: string, language: Language): string {
  const { year, month, day } = parse(iso);
  if (language === 'de') return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
  return `${day} ${ENGLISH_MONTHS[month - 1]} ${year}`;
}
