import { byRoleThenJoined } from '../../shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { StaleVersionError } from '../../shared/domain/errors.ts';
import type { Invitation, Membership, Organisation } from '../../shared/domain/organisation.ts';
import type { InvitationRepository } from '../../shared/ports/invitation-repository.ts';
import type { Mailer, OutgoingEmail } from '../../shared/ports/mailer.ts';
import type { MembershipDirectory } from '../../shared/ports/membership-repository.ts';
import type { OrganisationRepository } from '../../shared/ports/organisation-repository.ts';

/**
 * In-memory fakes of the organisation ports, for unit tests: no network, the same contract as the
 * DynamoDB adapters (conditions included), and one shared "table" so transactions span them.
 */
export class InMemoryOrganisationStore {
  readonly organisations = new Map<string, Organisation>();
  readonly memberships = new Map<string, Membership>();
  readonly invitations = new Map<string, Invitation>();
}

const memberKey = (orgId: string, sub: string) => `${orgId}|${sub}`;
const invitationKey = (orgId: string, email: string) => `${orgId}|${email}`;
const copy = <T>(value: T): T => structuredClone(value);

export class InMemoryOrganisations implements OrganisationRepository {
  readonly store: InMemoryOrganisationStore;
  constructor(store: InMemoryOrganisationStore) {
    this.store = store;
  }
  async create(organisation: Organisation, owner: Membership) {
    if (this.store.organisations.has(organisation.id)) throw new Error('exists');
    this.store.organisations.set(organisation.id, copy(organisation));
    this.store.memberships.set(memberKey(owner.orgId, owner.sub), copy(owner));
  }
  async get(orgId: string) {
    const organisation = this.store.organisations.get(orgId);
    return organisation ? copy(organisation) : undefined;
  }
  async getMany(orgIds: readonly string[]) {
    return [...new Set(orgIds)].flatMap((id) => {
      const organisation = this.store.organisations.get(id);
      return organisation ? [copy(organisation)] : [];
    });
  }
  async replace(next: Organisation, expectedVersion: number) {
    const current = this.store.organisations.get(next.id);
    if (!current) throw new Error('missing');
    if (current.version !== expectedVersion) throw new StaleVersionError(current.version);
    this.store.organisations.set(next.id, copy(next));
  }
}

export class InMemoryMemberships implements MembershipDirectory {
  readonly store: InMemoryOrganisationStore;
  constructor(store: InMemoryOrganisationStore) {
    this.store = store;
  }
  add(membership: Membership) {
    this.store.memberships.set(memberKey(membership.orgId, membership.sub), copy(membership));
  }
  async isMember(orgId: string, sub: string) {
    return this.store.memberships.has(memberKey(orgId, sub));
  }
  async get(orgId: string, sub: string) {
    const membership = this.store.memberships.get(memberKey(orgId, sub));
    return membership ? copy(membership) : undefined;
  }
  async listByOrganisation(orgId: string) {
    return [...this.store.memberships.values()]
      .filter((m) => m.orgId === orgId)
      .sort(byRoleThenJoined)
      .map(copy);
  }
  async listByUser(sub: string) {
    return [...this.store.memberships.values()].filter((m) => m.sub === sub).map(copy);
  }
}

export class InMemoryInvitations implements InvitationRepository {
  readonly store: InMemoryOrganisationStore;
  constructor(store: InMemoryOrganisationStore) {
    this.store = store;
  }
  async find(orgId: string, email: string) {
    const invitation = this.store.invitations.get(invitationKey(orgId, email));
    return invitation ? copy(invitation) : undefined;
  }
  async create(invitation: Invitation, now: string) {
    const existing = this.store.invitations.get(invitationKey(invitation.orgId, invitation.email));
    if (existing && existing.status === 'open' && existing.expiresAt > now) return false;
    this.store.invitations.set(invitationKey(invitation.orgId, invitation.email), copy(invitation));
    return true;
  }
  async recordSent(invitation: Invitation, at: string) {
    const stored = this.store.invitations.get(invitationKey(invitation.orgId, invitation.email));
    if (stored?.id === invitation.id) stored.lastSentAt = at;
  }
  async listByOrganisation(orgId: string) {
    return [...this.store.invitations.values()].filter((i) => i.orgId === orgId).map(copy);
  }
  async listByEmail(email: string) {
    return [...this.store.invitations.values()].filter((i) => i.email === email).map(copy);
  }
  async accept(invitation: Invitation, membership: Membership, now: string) {
    const stored = this.store.invitations.get(invitationKey(invitation.orgId, invitation.email));
    const key = memberKey(membership.orgId, membership.sub);
    if (!stored || stored.id !== invitation.id || stored.status !== 'open' || !(stored.expiresAt > now)) {
      return false;
    }
    if (this.store.memberships.has(key)) return false;
    Object.assign(stored, { status: 'accepted', acceptedAt: now, acceptedBy: membership.sub });
    this.store.memberships.set(key, copy(membership));
    return true;
  }
}

/** Records what would have been sent; `failNext` makes the next send throw, as SES can. */
export class RecordingMailer implements Mailer {
  readonly sent: OutgoingEmail[] = [];
  failNext = false;
  async send(email: OutgoingEmail) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('SES is unavailable');
    }
    this.sent.push(email);
    return `message-${this.sent.length}`;
  }
}

/** A clock the test moves by hand. */
export class ManualClock {
  private at: Date;
  constructor(at: Date) {
    this.at = at;
  }
  now() {
    return new Date(this.at);
  }
  advanceDays(days: number) {
    this.at = new Date(this.at.getTime() + days * 86_400_000);
  }
}

/** Everything the organisation use cases need, in memory. */
export function organisationFakes(now: Date) {
  const store = new InMemoryOrganisationStore();
  let n = 0;
  return {
    store,
    organisations: new InMemoryOrganisations(store),
    memberships: new InMemoryMemberships(store),
    invitations: new InMemoryInvitations(store),
    mailer: new RecordingMailer(),
    clock: new ManualClock(now),
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
}
