import * as z from 'zod/mini';
import { Line, Timestamp, Uuid } from './common.schema.ts';
import { EmailAddress } from './membership.schema.ts';
import { ReviewQueueItem } from './review-queue.schema.ts';

/** The back-office groups an admin gives (applicants register themselves). */
export const StaffGroup = z.enum(['reviewer', 'approver', 'admin']);
export type StaffGroup = z.infer<typeof StaffGroup>;

/** One to three different back-office groups. */
const StaffGroups = z.array(StaffGroup).check(
  z.minLength(1, {
    error: 'Bitte wählen Sie mindestens eine Rolle / Please choose at least one role',
  }),
  z.refine((groups) => new Set(groups).size === groups.length, {
    error: 'Jede Rolle nur einmal / Each role only once',
  }),
);

/** A member of the staff directory as admins see it. */
export const StaffView = z.object({
  sub: z.string(),
  email: z.string(),
  name: z.string(),
  groups: z.array(StaffGroup),
  /** Open assignments (not assessed, no conflict declared). */
  openAssignments: z.int(),
  active: z.boolean(),
  deactivatedAt: z.optional(Timestamp),
});
export type StaffView = z.infer<typeof StaffView>;

/**
 * POST /api/admin/staff: a new back-office account. The person gets an email with a temporary password
 * and sets their own at the first sign-in.
 */
export const CreateStaffBody = z.strictObject({
  email: EmailAddress,
  name: Line(2, 100),
  groups: StaffGroups,
});
export type CreateStaffBody = z.infer<typeof CreateStaffBody>;

/** PATCH /api/admin/staff/{sub}: change the roles, deactivate or reactivate. */
export const UpdateStaffBody = z.strictObject({
  groups: z.optional(StaffGroups),
  active: z.optional(z.boolean()),
});
export type UpdateStaffBody = z.infer<typeof UpdateStaffBody>;

export const StaffParams = z.object({ sub: Uuid });

/** GET /api/admin/staff/{sub}/assignments: one page of the person's open assignments. */
export const StaffAssignmentsQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(4000))),
});

export const StaffAssignmentsPage = z.object({
  staff: StaffView,
  items: z.array(ReviewQueueItem),
  nextCursor: z.optional(z.string()),
});
