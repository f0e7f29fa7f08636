import type { ApplicationStatus } from '../api/schemas/application.schema.ts';
import type { ApplicationEvent } from './application.ts';
import { nachforderungDueAt } from './intake.ts';
import type { Group } from './roles.ts';

/**
 * Review: who may be assigned (the staff directory), who is assigned (one assignment per role), and
 * who declared a conflict of interest. See /tmp/notes/review-model.md and keys.ts for the items.
 */

/** The two assessments: content (scored against the rubric) and financial (rechnerisch). */
export const REVIEW_ROLES = ['content', 'financial'] as const;
export type ReviewRole = (typeof REVIEW_ROLES)[number];

/** How many days a reviewer has for an assessment, counted from the assignment (end of day, Berlin). */
export const ASSESSMENT_DAYS = 21;

/** The actor the intake's assignments are recorded as. */
export const ASSIGNMENT_ACTOR = 'system';

/** Someone in the back office, as the staff directory knows them. */
export interface StaffMember {
  sub: string;
  email: string;
  name: string;
  groups: Group[];
  /** Open assignments (not assessed, no conflict declared): what "lowest workload" compares. */
  openAssignments: number;
  /**
   * Set when an admin deactivated the account: the person keeps their entry (and history) but is no
   * longer listed as a reviewer or approver, so nobody assigns or notifies them.
   */
  deactivatedAt?: string;
}

/** Whether a staff member can be assigned and notified (not deactivated). */
export const isActiveStaff = (member: Pick<StaffMember, 'deactivatedAt'>) =>
  member.deactivatedAt === undefined;

export interface Declaration {
  conflict: boolean;
  declaredAt: string;
  note?: string;
}

/** One reviewer's assignment to one role of one application. */
export interface Assignment {
  applicationId: string;
  callId: string;
  role: ReviewRole;
  reviewerSub: string;
  assignedAt: string;
  /** The assessment's due date: end of the 21st day after the assignment, Berlin time. */
  dueAt: string;
  /** Set once: a declaration of no conflict stays here; a conflict replaces the assignment. */
  declaration?: Declaration;
  assessedAt?: string;
  /** Set when the application left review (withdrawn, closed as incomplete): the work is off. */
  releasedAt?: string;
}

/**
 * A conflict of interest declared on an application: kept for good (pk APP#<id>, sk CONFLICT#<sub>),
 * because the assignment it was declared on is replaced, and nobody who declared one may be assigned
 * to this application again, in either role.
 */
export interface ConflictRecord {
  applicationId: string;
  reviewerSub: string;
  role: ReviewRole;
  declaredAt: string;
  note?: string;
}

/** Open = still counts towards the reviewer's workload (and is listed in their queue). */
export const isOpen = (assignment: Assignment) =>
  assignment.assessedAt === undefined &&
  assignment.releasedAt === undefined &&
  assignment.declaration?.conflict !== true;

export const otherRole = (role: ReviewRole): ReviewRole => (role === 'content' ? 'financial' : 'content');

export const assessmentDueAt = (at: Date) => nachforderungDueAt(at, ASSESSMENT_DAYS);

/** Applications whose assignments may change: in review, or back with the applicant for missing items. */
export const ASSIGNABLE_STATUSES: readonly ApplicationStatus[] = ['IN_REVIEW', 'INCOMPLETE'];

/**
 * The reviewer with the lowest workload among `reviewers`, leaving out the subs in `excluded` (the
 * other role's reviewer, anyone with a declared conflict here). Ties go to the smaller sub, so the
 * choice is the same on every run. Undefined when nobody is left.
 */
export function pickReviewer(
  reviewers: readonly StaffMember[],
  excluded: ReadonlySet<string>,
): StaffMember | undefined {
  let best: StaffMember | undefined;
  for (const reviewer of reviewers) {
    if (excluded.has(reviewer.sub) || !reviewer.groups.includes('reviewer')) continue;
    if (
      !best ||
      reviewer.openAssignments < best.openAssignments ||
      (reviewer.openAssignments === best.openAssignments && reviewer.sub < best.sub)
    ) {
      best = reviewer;
    }
  }
  return best;
}

/**
 * Reviewers for the roles that have no assignment yet: two different people, each the least busy one
 * left, never someone who declared a conflict on this application. Content is chosen first. Returns
 * nothing when not every missing role can be filled (the caller leaves the application unassigned
 * and reports it: a half-assigned application would look handled).
 */
export function chooseReviewers(input: {
  reviewers: readonly StaffMember[];
  existing: readonly Assignment[];
  conflicts: readonly ConflictRecord[];
}): { role: ReviewRole; reviewer: StaffMember }[] | undefined {
  const excluded = new Set([
    ...input.conflicts.map((conflict) => conflict.reviewerSub),
    ...input.existing.map((assignment) => assignment.reviewerSub),
  ]);
  const missing = REVIEW_ROLES.filter((role) => !input.existing.some((a) => a.role === role));
  const chosen: { role: ReviewRole; reviewer: StaffMember }[] = [];
  for (const role of missing) {
    const reviewer = pickReviewer(input.reviewers, excluded);
    if (!reviewer) return undefined;
    excluded.add(reviewer.sub);
    chosen.push({ role, reviewer });
  }
  return chosen;
}

export function newAssignment(input: {
  applicationId: string;
  callId: string;
  role: ReviewRole;
  reviewerSub: string;
  now: Date;
}): Assignment {
  return {
    applicationId: input.applicationId,
    callId: input.callId,
    role: input.role,
    reviewerSub: input.reviewerSub,
    assignedAt: input.now.toISOString(),
    dueAt: assessmentDueAt(input.now),
  };
}

/**
 * The internal events of a review change, numbered from the application's version on. They are not
 * in the applicant's timeline (timeline.ts lists what applicants see; these types are left out).
 */
export function reviewEvents(
  application: { id: string; version: number; status: ApplicationStatus },
  at: string,
  entries: { type: 'REVIEWER_ASSIGNED' | 'CONFLICT_DECLARED'; actor: string; reason: string }[],
): ApplicationEvent[] {
  return entries.map((entry, index) => ({
    applicationId: application.id,
    version: application.version + index + 1,
    at,
    actor: entry.actor,
    type: entry.type,
    to: application.status,
    reason: entry.reason,
  }));
}
