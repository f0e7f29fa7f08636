import { describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/domain/application.ts';
import { closeOverdue, reminderHorizon } from '../../../shared/domain/deadlines.ts';
import { applicantTimeline } from '../../../shared/domain/timeline.ts';

const now = new Date('2027-03-20T10:00:00.000Z');
const incomplete = (dueAt: string, status: Application['status'] = 'INCOMPLETE') =>
  ({
    id: 'a1',
    orgId: 'o1',
    callId: 'c1',
    status,
    version: 7,
    createdAt: '2027-01-01T00:00:00.000Z',
    createdBy: 'u1',
    updatedAt: '2027-03-01T00:00:00.000Z',
    updatedBy: 'system',
    nachforderung: { requestedAt: '2027-03-01T00:00:00.000Z', requestedBy: 'system', dueAt, items: [] },
  }) as unknown as Application;

describe('closing an overdue Nachforderung', () => {
  it('closes an INCOMPLETE application past its due date as CLOSED_INCOMPLETE, by the system, one version on', () => {
    const closing = closeOverdue(incomplete('2027-03-19T22:59:59.999Z'), now);
    expect(closing?.next).toMatchObject({ status: 'CLOSED_INCOMPLETE', version: 8, updatedBy: 'system' });
    expect(closing?.event).toMatchObject({
      type: 'CLOSED_INCOMPLETE',
      from: 'INCOMPLETE',
      to: 'CLOSED_INCOMPLETE',
      version: 8,
      actor: 'system',
    });
  });

  it('leaves one not yet due, and one no longer INCOMPLETE (supplemented in time)', () => {
    expect(closeOverdue(incomplete('2027-03-20T22:59:59.999Z'), now)).toBeUndefined();
    expect(closeOverdue(incomplete('2027-03-19T22:59:59.999Z', 'SUBMITTED'), now)).toBeUndefined();
  });

  it('shows the closing in the applicant timeline, attributed to the funding body', () => {
    const closing = closeOverdue(incomplete('2027-03-19T22:59:59.999Z'), now);
    const [entry] = applicantTimeline(closing ? [closing.event] : [], new Map());
    expect(entry).toMatchObject({ type: 'CLOSED_INCOMPLETE', by: { kind: 'funding-body' } });
    expect(entry?.title.de).toContain('geschlossen');
  });

  it('reminds within three days ahead', () => {
    expect(reminderHorizon(now)).toBe('2027-03-23T10:00:00.000Z');
  });
});
