import type { ApplicationStatus } from '../api/schemas/application.schema.ts';
import type { ApplicationEvent } from '../domain/application.ts';
import type { Assignment, ConflictRecord, Declaration, ReviewRole, StaffMember } from '../domain/review.ts';

/** Who may be assigned: the back-office staff, with their open workload. */
export interface StaffDirectory {
  get(sub: string): Promise<StaffMember | undefined>;
  /** Every member of the reviewer group (one Query on the directory's index). */
  listReviewers(): Promise<StaffMember[]>;
  /** Every member of the approver group, with their address (one Query on the approvers' listing). */
  listApprovers(): Promise<Pick<StaffMember, 'sub' | 'email' | 'name'>[]>;
  /**
   * Adds or updates a staff member's name, email, groups and deactivation; keeps their workload count.
   * With `onlyWithoutOpenAssignments`, writes nothing and throws ConcurrentChangeError when the member
   * has open assignments (a change that takes them out of reviewing must not orphan work).
   */
  upsert(
    member: Omit<StaffMember, 'openAssignments'>,
    condition?: { onlyWithoutOpenAssignments: boolean },
  ): Promise<void>;
  /** Everyone in the directory, active or not, in no particular order (one Query on its index). */
  listAll(): Promise<StaffMember[]>;
}

/**
 * A change of who reviews an application, written in ONE transaction or not at all:
 * - each assignment is put on a condition: the role is unassigned (`replaces` undefined), or still
 *   held, unassessed (and undeclared, if `replaces.undeclared`), by `replaces.reviewerSub`;
 * - `removes` deletes a role's assignment on the same condition (nobody left to take it);
 * - conflict records are put only if that reviewer has none here yet;
 * - workload counts move by their delta, on staff members that exist;
 * - the application must still be at `expectedVersion` and in one of `statuses`; it moves on by one
 *   version per event (events are keyed by version).
 * Any failed condition writes nothing and throws ConcurrentChangeError.
 */
/** The reviewer an assignment is taken from, as read: the write fails if that changed meanwhile. */
export interface Replaced {
  reviewerSub: string;
  /** The assignment must still have no declaration (a conflict is declared on an undeclared one). */
  undeclared: boolean;
}

export interface ReviewChange {
  application: { id: string; expectedVersion: number; statuses: readonly ApplicationStatus[] };
  assignments: { assignment: Assignment; replaces?: Replaced }[];
  removes?: { role: ReviewRole; replaces: Replaced }[];
  conflicts?: ConflictRecord[];
  workload: { sub: string; delta: number }[];
  events: ApplicationEvent[];
}

export interface AssignmentRepository {
  /** The application's assignments (at most one per role). */
  listByApplication(applicationId: string): Promise<Assignment[]>;
  /** The conflicts of interest declared on the application. */
  listConflicts(applicationId: string): Promise<ConflictRecord[]>;
  commit(change: ReviewChange): Promise<void>;
  /**
   * Records a declaration of no conflict on the reviewer's assignment, if it is still theirs and has
   * no declaration yet; false otherwise (nothing written).
   */
  declareNoConflict(
    applicationId: string,
    role: ReviewRole,
    reviewerSub: string,
    declaration: Declaration,
  ): Promise<boolean>;
}
