import type { Membership, Organisation } from '../domain/organisation.ts';

export interface OrganisationRepository {
  /**
   * Stores a new organisation together with its first member, atomically: there is never an
   * organisation nobody can reach, nor a membership of nothing. Fails if the id exists.
   */
  create(organisation: Organisation, owner: Membership): Promise<void>;
  get(orgId: string): Promise<Organisation | undefined>;
  /** The organisations with these ids that exist, in no particular order. */
  getMany(orgIds: readonly string[]): Promise<Organisation[]>;
  /**
   * Replaces the organisation if the stored version is still `expectedVersion`; otherwise throws
   * StaleVersionError with the current version and writes nothing.
   */
  replace(next: Organisation, expectedVersion: number): Promise<void>;
}
