import { describe, expect, it } from 'vitest';
import {
  appealPeriodEnd,
  easterSunday,
  isSaxonWorkingDay,
  notificationDay,
  notificationOf,
  objectionPeriodLastDay,
  saxonPublicHolidays,
  withinAppealPeriod,
} from '../../../shared/domain/notification.ts';

describe('easterSunday (anonymous Gregorian algorithm)', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'], // the latest possible date
    [2285, '2285-03-22'], // the earliest possible date
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('saxonPublicHolidays', () => {
  it('lists the state-wide holidays of 2027, Easter-dependent ones and Buß- und Bettag included', () => {
    expect(Object.fromEntries(saxonPublicHolidays(2027))).toEqual({
      '2027-01-01': 'Neujahr',
      '2027-03-26': 'Karfreitag',
      '2027-03-29': 'Ostermontag',
      '2027-05-01': 'Tag der Arbeit',
      '2027-05-06': 'Christi Himmelfahrt',
      '2027-05-17': 'Pfingstmontag',
      '2027-10-03': 'Tag der Deutschen Einheit',
      '2027-10-31': 'Reformationstag',
      '2027-11-17': 'Buß- und Bettag',
      '2027-12-25': '1. Weihnachtstag',
      '2027-12-26': '2. Weihnachtstag',
    });
  });

  it('puts Buß- und Bettag on the Wednesday before 23 November, also when 22 November is a Wednesday', () => {
    const bussUndBettag = (year: number) =>
      [...saxonPublicHolidays(year)].find(([, name]) => name === 'Buß- und Bettag')?.[0];
    expect(bussUndBettag(2023)).toBe('2023-11-22');
    expect(bussUndBettag(2024)).toBe('2024-11-20');
    expect(bussUndBettag(2025)).toBe('2025-11-19');
    expect(bussUndBettag(2026)).toBe('2026-11-18');
    expect(bussUndBettag(2028)).toBe('2028-11-22');
  });

  it('tells working days from weekends and holidays', () => {
    expect(isSaxonWorkingDay('2027-04-15')).toBe(true); // a Thursday
    expect(isSaxonWorkingDay('2027-05-15')).toBe(false); // a Saturday
    expect(isSaxonWorkingDay('2027-05-16')).toBe(false); // a Sunday
    expect(isSaxonWorkingDay('2027-11-17')).toBe(false); // Buß- und Bettag, a Wednesday
    expect(isSaxonWorkingDay('2028-10-31')).toBe(false); // Reformationstag, a Tuesday
  });
});

describe('notification day (§ 41 (2a) VwVfG): the Berlin day after the first retrieval', () => {
  it('is the next calendar day in Berlin, also when the retrieval is just after midnight Berlin time', () => {
    expect(notificationDay(new Date('2027-03-14T09:00:00Z'))).toBe('2027-03-15');
    // 23:30 UTC on 30 January is 00:30 on 31 January in Berlin: notified on 1 February.
    expect(notificationDay(new Date('2027-01-30T23:30:00Z'))).toBe('2027-02-01');
    // 21:59 UTC in summer is 23:59 in Berlin, still the same day there.
    expect(notificationDay(new Date('2027-07-14T21:59:00Z'))).toBe('2027-07-15');
  });

  it('is not moved off a weekend or holiday: the law names a day, not a working day', () => {
    // Retrieved on New Year's Eve: notified on Neujahr, the period runs from there.
    expect(notificationDay(new Date('2027-12-31T10:00:00Z'))).toBe('2028-01-01');
    expect(objectionPeriodLastDay('2028-01-01')).toBe('2028-02-01');
  });
});

describe('objection period (§ 70 VwGO; §§ 187 (1), 188 (2), (3), 193 BGB)', () => {
  it('ends on the day of the next month with the same number', () => {
    expect(objectionPeriodLastDay('2027-03-15')).toBe('2027-04-15');
  });

  it("ends on the next month's last day when it has no day with that number", () => {
    // 29 February exists in 2028: notified on 31 January 2028 → 29 February, a Tuesday.
    expect(objectionPeriodLastDay('2028-01-31')).toBe('2028-02-29');
    // 31 March → 30 April 2027 (a Friday).
    expect(objectionPeriodLastDay('2027-03-31')).toBe('2027-04-30');
  });

  it('moves an end on a Saturday or Sunday to the Monday', () => {
    // 31 January 2027 → 28 February 2027, a Sunday → Monday 1 March.
    expect(objectionPeriodLastDay('2027-01-31')).toBe('2027-03-01');
    // 14 July 2027 → 14 August 2027, a Saturday → Monday 16 August.
    expect(objectionPeriodLastDay('2027-07-14')).toBe('2027-08-16');
  });

  it('moves an end on a holiday past every following weekend day and holiday', () => {
    // Karfreitag 2027 (26 March) → Saturday, Easter Sunday, Ostermontag → Tuesday 30 March.
    expect(objectionPeriodLastDay('2027-02-26')).toBe('2027-03-30');
    // Saturday 15 May 2027 → Sunday, Pfingstmontag → Tuesday 18 May.
    expect(objectionPeriodLastDay('2027-04-15')).toBe('2027-05-18');
    // Buß- und Bettag 2027 (Wednesday 17 November) → Thursday.
    expect(objectionPeriodLastDay('2027-10-17')).toBe('2027-11-18');
    // Sunday 30 October 2022, then Reformationstag (a Monday) → Tuesday 1 November.
    expect(objectionPeriodLastDay('2022-09-30')).toBe('2022-11-01');
    // Christmas 2027: Saturday the 25th, Sunday the 26th → Monday 27 December.
    expect(objectionPeriodLastDay('2027-11-25')).toBe('2027-12-27');
    // Sunday 3 October 2027 → Monday the 4th.
    expect(objectionPeriodLastDay('2027-09-03')).toBe('2027-10-04');
  });

  it('ends at 23:59:59 Berlin time, with the offset of that day (summer or winter)', () => {
    expect(appealPeriodEnd('2027-03-15')).toBe('2027-04-15T23:59:59+02:00');
    expect(appealPeriodEnd('2027-10-17')).toBe('2027-11-18T23:59:59+01:00');
  });
});

describe('notificationOf and withinAppealPeriod', () => {
  it('records the retrieval, the day of notification and the end of the period', () => {
    expect(notificationOf('letter-1', new Date('2027-03-14T09:00:00Z'))).toEqual({
      letterId: 'letter-1',
      retrievedAt: '2027-03-14T09:00:00.000Z',
      notifiedOn: '2027-03-15',
      appealPeriodEndsAt: '2027-04-15T23:59:59+02:00',
    });
  });

  it('accepts an objection up to and including the last second of the period, not after', () => {
    const notification = { appealPeriodEndsAt: '2027-04-15T23:59:59+02:00' };
    expect(withinAppealPeriod(notification, new Date('2027-03-15T08:00:00Z'))).toBe(true);
    expect(withinAppealPeriod(notification, new Date('2027-04-15T21:59:59Z'))).toBe(true);
    expect(withinAppealPeriod(notification, new Date('2027-04-15T21:59:59.001Z'))).toBe(false);
    expect(withinAppealPeriod(notification, new Date('2027-04-16T06:00:00Z'))).toBe(false);
  });
});
