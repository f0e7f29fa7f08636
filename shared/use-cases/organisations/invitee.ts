/**
 * The address an invitation may be accepted with: the caller's email, only if Cognito verified it
 * (anyone can type any address at sign-up; only a verified one proves the invitee reads that inbox).
 * Lower case, as invitations are stored.
 */
export function verifiedAddressOf(actor: { email?: string; emailVerified?: true }): string | undefined {
  return actor.email && actor.emailVerified ? actor.email.trim().toLowerCase() : undefined;
}
