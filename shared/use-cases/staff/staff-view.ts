import type { StaffGroup, StaffView } from '../../api/schemas/staff.schema.ts';
import { isActiveStaff, type StaffMember } from '../../domain/review.ts';

const STAFF_GROUPS: readonly string[] = ['reviewer', 'approver', 'admin'];

/** A directory entry as admins see it (applicant membership, if any, is not the back office's business). */
export function toStaffView(member: StaffMember): StaffView {
  return {
    sub: member.sub,
    email: member.email,
    name: member.name,
    groups: member.groups.filter((group): group is StaffGroup => STAFF_GROUPS.includes(group)),
    openAssignments: member.openAssignments,
    active: isActiveStaff(member),
    ...(member.deactivatedAt ? { deactivatedAt: member.deactivatedAt } : {}),
  };
}
