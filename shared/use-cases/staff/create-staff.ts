import type { CreateStaffBody, StaffView } from '../../api/schemas/staff.schema.ts';
import type { Clock } from '../../domain/clock.ts';
import { ConflictError } from '../../domain/errors.ts';
import type { StaffDirectory } from '../../ports/review-repository.ts';
import type { StaffAccounts } from '../../ports/staff-accounts.ts';
import { toStaffView } from './staff-view.ts';

/**
 * An admin creates a back-office account.
 * Primary course:
 * 1. The user pool creates the account in the chosen groups and emails the person a temporary password
 *    (they set their own at the first sign-in).
 * 2. The staff directory gets the person's entry (so reviewers can be assigned, approvers notified).
 * A retry after step 1 succeeded but step 2 failed finds the account still waiting for its first
 * sign-in in exactly these groups, and completes step 2. Any other account with the address: 409.
 */
export async function createStaff(
  deps: { accounts: StaffAccounts; staff: Pick<StaffDirectory, 'upsert' | 'get'>; clock: Clock },
  body: CreateStaffBody,
): Promise<StaffView> {
  const created = await deps.accounts.create(body);
  let sub: string;
  if (created === 'exists') {
    const existing = await deps.accounts.findByEmail(body.email);
    const sameGroups =
      existing !== undefined &&
      existing.groups.length === body.groups.length &&
      body.groups.every((group) => existing.groups.includes(group));
    if (!existing || !sameGroups || !existing.awaitingFirstSignIn || (await deps.staff.get(existing.sub))) {
      throw new ConflictError(
        {
          de: `Für ${body.email} gibt es bereits ein Konto. Ändern Sie dessen Rollen in der Liste der Mitarbeitenden.`,
          en: `There is an account for ${body.email} already. Change its roles in the staff list.`,
        },
        { email: body.email },
      );
    }
    sub = existing.sub;
  } else {
    sub = created.sub;
  }
  const member = { sub, email: body.email, name: body.name, groups: [...body.groups] };
  await deps.staff.upsert(member);
  return toStaffView({ ...member, openAssignments: 0 });
}
