import { describe, expect, it } from 'vitest';
import {
  defaultReviewerDueDate,
  reviewerDueDateViolations,
  reviewerNachforderung,
} from '../../../shared/domain/reviewer-nachforderung.ts';

const codes = (dueDate: string, now: Date) => reviewerDueDateViolations(dueDate, now).map((v) => v.code);

describe('a reviewer’s Nachforderung due date (Berlin calendar)', () => {
  // 23:30 UTC on 1 March is already 2 March in Berlin: days count from the 2nd.
  const lateEvening = new Date('2027-03-01T23:30:00Z');

  it('accepts 7 to 60 days ahead of the Berlin date, not of the UTC date', () => {
    expect(codes('2027-03-08', lateEvening)).toEqual(['due-date-too-near']);
    expect(codes('2027-03-09', lateEvening)).toEqual([]);
    expect(codes('2027-05-01', lateEvening)).toEqual([]);
    expect(codes('2027-05-02', lateEvening)).toEqual(['due-date-too-far']);
  });

  it('is due at the end of that day in Berlin, summer or winter', () => {
    const winter = reviewerNachforderung({
      reviewerSub: 'r1',
      items: [{ text: 'Satzung' }],
      dueDate: '2027-03-20',
      now: lateEvening,
    });
    expect(winter.dueAt).toBe('2027-03-20T23:59:59+01:00');
    const summer = reviewerNachforderung({
      reviewerSub: 'r1',
      items: [{ path: 'financePlan', text: 'Angebot für die Miete' }],
      dueDate: '2027-04-10',
      now: lateEvening,
    });
    expect(summer.dueAt).toBe('2027-04-10T23:59:59+02:00');
    expect(summer.items).toEqual([
      {
        path: 'financePlan',
        code: 'requested-by-reviewer',
        message: { de: 'Angebot für die Miete', en: 'Angebot für die Miete' },
      },
    ]);
    expect(summer.requestedBy).toBe('r1');
  });

  it('proposes the intake’s 14 days, counted from the Berlin date, which the rule accepts', () => {
    expect(defaultReviewerDueDate(lateEvening)).toBe('2027-03-16');
    expect(codes(defaultReviewerDueDate(lateEvening), lateEvening)).toEqual([]);
    // Across the switch to summer time (28 March 2027) the calendar still counts whole days.
    expect(defaultReviewerDueDate(new Date('2027-03-20T10:00:00Z'))).toBe('2027-04-03');
  });
});
