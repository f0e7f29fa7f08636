import { BACK_OFFICE_GROUPS, type Group } from './roles.ts';

/**
 * Back-office staff sign in with a second factor. Cognito cannot require MFA for some groups only, so
 * the pool has MFA OPTIONAL (TOTP): whoever has set up an authenticator app is asked for a code at
 * every sign-in, and the token generation withholds the staff groups (reviewer, approver, admin) from
 * anyone who has not. Without those groups a token opens no back-office route (403), while the
 * applicant's own routes keep working. Applicants may set up MFA, but need not.
 */
export function groupsForToken(
  groups: readonly string[],
  mfaEnabled: boolean,
): { groups: string[]; withheld: string[] } {
  if (mfaEnabled) return { groups: [...groups], withheld: [] };
  const isStaff = (group: string) => (BACK_OFFICE_GROUPS as readonly string[]).includes(group as Group);
  return { groups: groups.filter((g) => !isStaff(g)), withheld: groups.filter(isStaff) };
}

/** Whether a token with these groups needs the MFA lookup at all (applicants' tokens do not). */
export const needsMfaCheck = (groups: readonly string[]) =>
  groups.some((group) => (BACK_OFFICE_GROUPS as readonly string[]).includes(group));

/**
 * The ID-token claim that names the staff groups withheld for want of a second factor (space-separated,
 * e.g. "reviewer approver"). Without it the portal could only say "no access"; with it, it offers the
 * authenticator setup to the person who needs it. Absent when nothing was withheld.
 */
export const WITHHELD_GROUPS_CLAIM = 'foerderflow:withheld_groups';

/** The claims the token generation adds for these withheld groups (none when nothing was withheld). */
export function withheldGroupsClaims(withheld: readonly string[]): Record<string, string> {
  return withheld.length > 0 ? { [WITHHELD_GROUPS_CLAIM]: withheld.join(' ') } : {};
}

/** The withheld groups read back from a token's claim (the portal's side of withheldGroupsClaims). */
export function withheldGroupsFromClaim(value: unknown): string[] {
  return typeof value === 'string' ? value.split(' ').filter((group) => group.length > 0) : [];
}
