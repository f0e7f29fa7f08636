import { groupsForToken, needsMfaCheck, withheldGroupsClaims } from '../../domain/staff-mfa.ts';
import type { MfaEnrolment } from '../../ports/mfa-enrolment.ts';

/**
 * The groups a new token carries (Cognito's pre-token-generation trigger, on every sign-in and refresh).
 * Primary course:
 * 1. A token without staff groups is issued as it is: no lookup.
 * 2. Otherwise the user's MFA setup is read; without a second factor the staff groups are withheld,
 *    and a claim names them (so the portal can offer the person the authenticator setup).
 */
export async function tokenGroups(
  deps: { mfa: MfaEnrolment },
  input: { userPoolId: string; username: string; groups: readonly string[] },
): Promise<{ groups: string[]; withheld: string[]; claimsToAdd: Record<string, string> }> {
  if (!needsMfaCheck(input.groups)) return { groups: [...input.groups], withheld: [], claimsToAdd: {} };
  const enabled = await deps.mfa.isEnabled({ userPoolId: input.userPoolId, username: input.username });
  const decided = groupsForToken(input.groups, enabled);
  return { ...decided, claimsToAdd: withheldGroupsClaims(decided.withheld) };
}
