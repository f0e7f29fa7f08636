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
