import type { Invitation, Membership } from '../domain/organisation.ts';

/**
 * Invitations are kept per (organisation, email): there is at most one per address and organisation,
 * which makes "invite the same address again" find the open one instead of creating a second.
 */
export interface InvitationRepository {
  /** The invitation of this address to this organisation, read consistently. */
  find(orgId: string, email: string): Promise<Invitation | undefined>;
  /**
   * Stores a new invitation unless an open one that has not expired at `now` exists for the same
   * address and organisation; then it writes nothing and returns false. An expired or accepted one is
   * replaced.
   */
  create(invitation: Invitation, now: string): Promise<boolean>;
  /** Records that the email of this invitation went out (if it is still the same invitation). */
  recordSent(invitation: Invitation, at: string): Promise<void>;
  listByOrganisation(orgId: string): Promise<Invitation[]>;
  /** Invitations addressed to this (lower-case) email, in every organisation; from an index. */
  listByEmail(email: string): Promise<Invitation[]>;
  /**
   * Accepts the invitation and adds the membership in ONE transaction, on the conditions that the
   * invitation is still this open one, has not expired at `now`, and that the membership does not
   * exist yet. Returns false and writes nothing when any condition fails (a double accept, a race).
   */
  accept(invitation: Invitation, membership: Membership, now: string): Promise<boolean>;
}
