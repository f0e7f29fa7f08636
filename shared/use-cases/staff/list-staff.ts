import type { StaffView } from '../../api/schemas/staff.schema.ts';
import type { StaffDirectory } from '../../ports/review-repository.ts';
import { toStaffView } from './staff-view.ts';

/**
 * Everyone in the staff directory for the admins: name, email, roles, open assignments and whether the
 * account is active. Active people first, then by name (German collation), so the list reads as a roster.
 */
export async function listStaff(deps: { staff: Pick<StaffDirectory, 'listAll'> }): Promise<StaffView[]> {
  const collator = new Intl.Collator('de');
  return (await deps.staff.listAll())
    .map(toStaffView)
    .sort((a, b) => Number(b.active) - Number(a.active) || collator.compare(a.name, b.name));
}
