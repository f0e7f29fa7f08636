import { describe, expect, it } from 'vitest';
import {
  type Assignment,
  assessmentDueAt,
  chooseReviewers,
  isOpen,
  newAssignment,
  pickReviewer,
  type StaffMember,
} from '../../../shared/domain/review.ts';
import { reviewAccessOf, reviewViewOf } from '../../../shared/domain/review-view.ts';
import { aDocument, aSubmittedApplication } from '../../support/applications.ts';
import { aCall } from '../../support/calls.ts';

const reviewer = (sub: string, openAssignments = 0, groups: StaffMember['groups'] = ['reviewer']) => ({
  sub,
  email: `${sub}@example.org`,
  name: sub,
  groups,
  openAssignments,
});

const assignment = (role: Assignment['role'], reviewerSub: string, extra: Partial<Assignment> = {}) => ({
  ...newAssignment({
    applicationId: 'app',
    callId: 'call',
    role,
    reviewerSub,
    now: new Date('2027-03-12T10:00:00Z'),
  }),
  ...extra,
});

describe('choosing reviewers', () => {
  it('takes the two least busy reviewers, content first, ties broken by sub', () => {
    const chosen = chooseReviewers({
      reviewers: [reviewer('c', 0), reviewer('b', 2), reviewer('a', 0), reviewer('d', 1)],
      existing: [],
      conflicts: [],
    });
    expect(chosen?.map(({ role, reviewer }) => [role, reviewer.sub])).toEqual([
      ['content', 'a'],
      ['financial', 'c'],
    ]);
  });

  it('never gives both roles to one person, so one reviewer alone is not enough', () => {
    expect(chooseReviewers({ reviewers: [reviewer('a')], existing: [], conflicts: [] })).toBeUndefined();
  });

  it('skips anyone who declared a conflict here and members of other groups', () => {
    const chosen = chooseReviewers({
      reviewers: [reviewer('a'), reviewer('b', 5), reviewer('c', 9), reviewer('e', 0, ['approver'])],
      existing: [],
      conflicts: [{ applicationId: 'app', reviewerSub: 'a', role: 'content', declaredAt: 'x' }],
    });
    expect(chosen?.map(({ reviewer }) => reviewer.sub)).toEqual(['b', 'c']);
  });

  it('fills only the missing role and not with the other role’s reviewer', () => {
    const chosen = chooseReviewers({
      reviewers: [reviewer('a'), reviewer('b', 3)],
      existing: [assignment('content', 'a')],
      conflicts: [],
    });
    expect(chosen?.map(({ role, reviewer }) => [role, reviewer.sub])).toEqual([['financial', 'b']]);
  });

  it('keeps complete assignments as they are', () => {
    expect(
      chooseReviewers({
        reviewers: [reviewer('z')],
        existing: [assignment('content', 'a'), assignment('financial', 'b')],
        conflicts: [],
      }),
    ).toEqual([]);
  });

  it('answers nobody when everyone is excluded', () => {
    expect(pickReviewer([reviewer('a')], new Set(['a']))).toBeUndefined();
  });

  it('makes the assessment due at the end of the 21st day, Berlin time', () => {
    expect(assessmentDueAt(new Date('2027-03-12T10:00:00Z'))).toBe('2027-04-02T23:59:59+02:00');
  });
});

describe('the review view', () => {
  const application = aSubmittedApplication({ status: 'IN_REVIEW' });
  const call = aCall({ id: application.callId });
  const view = (access: 'limited' | 'full', groups = ['reviewer'], sub = 'r1') =>
    reviewViewOf({
      access,
      caller: { sub, groups },
      application,
      organisationName: 'Netzwerk e.V.',
      call,
      assignments: [assignment('content', 'r1'), assignment('financial', 'r2')],
      documents: [aDocument(), aDocument({ id: '0a1b2c3d-0000-4000-8000-000000000002', status: 'pending' })],
    });

  it('decides access: approvers all, assigned reviewers limited until they declare no conflict, others nothing', () => {
    const caller = { sub: 'r1', groups: ['reviewer'] };
    const undeclared = [assignment('content', 'r1')];
    expect(reviewAccessOf({ caller, application, assignments: undeclared })).toBe('limited');
    const declared = [assignment('content', 'r1', { declaration: { conflict: false, declaredAt: 'x' } })];
    expect(reviewAccessOf({ caller, application, assignments: declared })).toBe('full');
    expect(reviewAccessOf({ caller, application, assignments: [assignment('content', 'r2')] })).toBe('none');
    expect(reviewAccessOf({ caller: { sub: 'x', groups: ['approver'] }, application, assignments: [] })).toBe(
      'full',
    );
    expect(
      reviewAccessOf({
        caller: { sub: 'x', groups: ['approver'] },
        application: { status: 'DRAFT' },
        assignments: [],
      }),
    ).toBe('none');
  });

  it('shows an undeclared reviewer only title, organisation, call and Aktenzeichen (and their own role)', () => {
    const limited = view('limited');
    expect(Object.keys(limited).sort()).toEqual(
      ['access', 'call', 'id', 'myAssignments', 'organisation', 'reference', 'title'].sort(),
    );
    expect(limited).toMatchObject({
      title: application.title,
      organisation: { name: 'Netzwerk e.V.' },
      call: { id: call.id, title: call.title },
      reference: application.reference,
    });
    expect(limited.myAssignments?.map((a) => a.role)).toEqual(['content']);
    expect(JSON.stringify(limited)).not.toContain(application.summary as string);
  });

  it('opens content, finance totals and received documents in the full view', () => {
    const full = view('full');
    expect(full.content?.summary).toBe(application.summary);
    expect(full.totals?.totalCostsCents).toBeGreaterThan(0);
    expect(full.documents?.map((d) => d.id)).toEqual([aDocument().id]);
    expect(full.assignments).toBeUndefined();
    expect(view('full', ['approver'], 'boss').assignments?.map((a) => a.reviewerSub)).toEqual(['r1', 'r2']);
  });
});

describe('isOpen: what still counts as a reviewer’s work', () => {
  const assignment = {
    applicationId: 'a',
    callId: 'c',
    role: 'content' as const,
    reviewerSub: 'petra',
    assignedAt: '2027-05-01T08:00:00Z',
    dueAt: '2027-05-22T21:59:59Z',
  };

  it('is open until assessed, released (withdrawn or closed) or declared a conflict', () => {
    expect(isOpen(assignment)).toBe(true);
    expect(
      isOpen({ ...assignment, declaration: { conflict: false, declaredAt: '2027-05-02T08:00:00Z' } }),
    ).toBe(true);
    expect(isOpen({ ...assignment, assessedAt: '2027-05-10T08:00:00Z' })).toBe(false);
    expect(isOpen({ ...assignment, releasedAt: '2027-05-03T08:00:00Z' })).toBe(false);
    expect(
      isOpen({ ...assignment, declaration: { conflict: true, declaredAt: '2027-05-02T08:00:00Z' } }),
    ).toBe(false);
  });
});
