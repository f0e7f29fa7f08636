import type { Membership } from '../domain/organisation.ts';

export interface MembershipRepository {
  /** Whether the user (Cognito sub) is a member of the organisation. */
  isMember(orgId: string, sub: string): Promise<boolean>;
}

/**
 * The memberships themselves, for the organisation use cases. A wider port than MembershipRepository,
 * so use cases that only check membership keep depending on `isMember` alone.
 */
export interface MembershipDirectory extends MembershipRepository {
  /** One membership, read consistently (a member who just joined is found at once). */
  get(orgId: string, sub: string): Promise<Membership | undefined>;
  /** The members of an organisation: owners first, then in the order they joined. */
  listByOrganisation(orgId: string): Promise<Membership[]>;
  /** The organisations a user belongs to (from an index: a membership a second old may be missing). */
  listByUser(sub: string): Promise<Membership[]>;
}
