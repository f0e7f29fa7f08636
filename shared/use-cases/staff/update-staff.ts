import type { StaffGroup, StaffView, UpdateStaffBody } from '../../api/schemas/staff.schema.ts';
import type { Clock } from '../../domain/clock.ts';
import { ConcurrentChangeError, ConflictError, NotFoundError } from '../../domain/errors.ts';
import { isActiveStaff, type StaffMember } from '../../domain/review.ts';
import type { Group } from '../../domain/roles.ts';
import type { StaffDirectory } from '../../ports/review-repository.ts';
import type { StaffAccounts } from '../../ports/staff-accounts.ts';
import { toStaffView } from './staff-view.ts';

/**
 * An admin changes a staff member's roles, or deactivates or reactivates their account.
 * Primary course:
 * 1. The member exists in the staff directory (404).
 * 2. Nobody takes the admin role from themselves or deactivates their own account (409): the last
 *    admin could lock everyone out.
 * 3. A change that ends someone's reviewing (the reviewer role removed, or the account deactivated)
 *    waits until their open assignments are reassigned (409 with the number): work must not be
 *    orphaned. The directory write itself is conditioned on it, so an assignment made meanwhile wins.
 * 4. The directory first (who can be assigned and notified), then the user pool (groups, sign-in).
 *    Both are set operations, so a retry after a failure in between completes the change.
 */
export async function updateStaff(
  deps: { accounts: StaffAccounts; staff: Pick<StaffDirectory, 'get' | 'upsert'>; clock: Clock },
  admin: { sub: string },
  sub: string,
  body: UpdateStaffBody,
): Promise<StaffView> {
  const member = await deps.staff.get(sub);
  if (!member) throw new NotFoundError('staff member');

  const groups: Group[] = body.groups ? [...body.groups] : member.groups;
  const active = body.active ?? isActiveStaff(member);
  if (sub === admin.sub && (!active || !groups.includes('admin'))) {
    throw new ConflictError({
      de: 'Sie können Ihr eigenes Konto nicht deaktivieren und sich selbst die Verwaltungsrolle nicht nehmen. Bitten Sie eine andere Person aus der Verwaltung.',
      en: 'You cannot deactivate your own account or take the admin role from yourself. Ask another admin.',
    });
  }

  const wasReviewing = isActiveStaff(member) && member.groups.includes('reviewer');
  const endsReviewing = wasReviewing && !(active && groups.includes('reviewer'));
  if (endsReviewing && member.openAssignments > 0) throw openAssignmentsLeft(member);

  const next: Omit<StaffMember, 'openAssignments'> = {
    sub,
    email: member.email,
    name: member.name,
    groups,
    ...(active ? {} : { deactivatedAt: member.deactivatedAt ?? deps.clock.now().toISOString() }),
  };
  try {
    await deps.staff.upsert(next, { onlyWithoutOpenAssignments: endsReviewing });
  } catch (error) {
    if (!(error instanceof ConcurrentChangeError)) throw error;
    throw openAssignmentsLeft((await deps.staff.get(sub)) ?? member);
  }

  const staffGroups = (list: readonly Group[]) =>
    list.filter((group): group is StaffGroup => group !== 'applicant');
  await deps.accounts.changeGroups(sub, {
    add: staffGroups(groups).filter((group) => !member.groups.includes(group)),
    remove: staffGroups(member.groups).filter((group) => !groups.includes(group)),
  });
  if (active !== isActiveStaff(member)) await deps.accounts.setEnabled(sub, active);

  return toStaffView({ ...next, openAssignments: member.openAssignments });
}

function openAssignmentsLeft(member: StaffMember): ConflictError {
  const count = member.openAssignments;
  return new ConflictError(
    {
      de: `${member.name} hat noch ${count === 1 ? 'eine offene Zuweisung' : `${count} offene Zuweisungen`}. Weisen Sie ${count === 1 ? 'sie' : 'sie alle'} zuerst jemand anderem zu; dann können Sie die Rolle entfernen oder das Konto deaktivieren.`,
      en: `${member.name} still has ${count === 1 ? 'an open assignment' : `${count} open assignments`}. Reassign ${count === 1 ? 'it' : 'them'} first; then you can remove the role or deactivate the account.`,
    },
    { openAssignments: count },
  );
}
