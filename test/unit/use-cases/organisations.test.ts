import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  NotFoundError,
  RuleViolationError,
  StaleVersionError,
} from '../../../shared/domain/errors.ts';
import { acceptInvitation } from '../../../shared/use-cases/organisations/accept-invitation.ts';
import { createOrganisation } from '../../../shared/use-cases/organisations/create-organisation.ts';
import { inviteMember } from '../../../shared/use-cases/organisations/invite-member.ts';
import { listMembers } from '../../../shared/use-cases/organisations/list-members.ts';
import { listMyInvitations } from '../../../shared/use-cases/organisations/list-my-invitations.ts';
import { listMyOrganisations } from '../../../shared/use-cases/organisations/list-my-organisations.ts';
import { updateOrganisation } from '../../../shared/use-cases/organisations/update-organisation.ts';
import { organisationFakes } from '../../support/in-memory-organisations.ts';
import { anOrganisationProfile } from '../../support/organisations.ts';

const NOW = new Date('2026-11-25T10:00:00Z');
const amira = { sub: 'amira', email: 'amira@example.org', emailVerified: true as const };
const lena = { sub: 'lena', email: 'lena@example.org', emailVerified: true as const };

async function givenAmirasOrganisation() {
  const deps = organisationFakes(NOW);
  const { organisation } = await createOrganisation(deps, amira, anOrganisationProfile());
  return { deps, orgId: organisation.id };
}

describe('createOrganisation', () => {
  it('makes the creator its owner and stores version 1 with who created it', async () => {
    const deps = organisationFakes(NOW);

    const { organisation, membership } = await createOrganisation(deps, amira, anOrganisationProfile());

    expect(organisation).toMatchObject({ version: 1, createdBy: 'amira', createdAt: NOW.toISOString() });
    expect(membership).toEqual({
      orgId: organisation.id,
      sub: 'amira',
      email: 'amira@example.org',
      role: 'owner',
      joinedAt: NOW.toISOString(),
    });
    expect(await deps.memberships.isMember(organisation.id, 'amira')).toBe(true);
  });

  it('refuses an exemption notice dated in the future and stores nothing', async () => {
    const deps = organisationFakes(NOW);
    const profile = anOrganisationProfile({
      nonProfit: { recognised: true, exemptionNoticeDate: '2027-01-01' },
    });

    await expect(createOrganisation(deps, amira, profile)).rejects.toThrow(RuleViolationError);
    expect(deps.store.organisations.size).toBe(0);
  });
});

describe('listMyOrganisations', () => {
  it('lists every organisation the user belongs to, by name', async () => {
    const deps = organisationFakes(NOW);
    await createOrganisation(
      deps,
      lena,
      anOrganisationProfile({ legalName: 'Zukunftswerkstatt Plauen e.V.' }),
    );
    await createOrganisation(deps, lena, anOrganisationProfile({ legalName: 'Ärztliche Hilfe Döbeln e.V.' }));
    await createOrganisation(deps, amira, anOrganisationProfile({ legalName: 'Not Lena’s e.V.' }));

    const mine = await listMyOrganisations(deps, lena);

    expect(mine.map((m) => m.organisation.legalName)).toEqual([
      'Ärztliche Hilfe Döbeln e.V.',
      'Zukunftswerkstatt Plauen e.V.',
    ]);
  });
});

describe('updateOrganisation', () => {
  it('stores the next version with who changed it, keeping who created it', async () => {
    const { deps, orgId } = await givenAmirasOrganisation();
    deps.memberships.add({ orgId, sub: 'lena', role: 'member', joinedAt: NOW.toISOString() });
    deps.clock.advanceDays(1);

    const { organisation } = await updateOrganisation(deps, lena, {
      orgId,
      profile: anOrganisationProfile({ legalName: 'Nachbarschaftshilfe Connewitz und Lößnig e.V.' }),
      expectedVersion: 1,
    });

    expect(organisation).toMatchObject({
      version: 2,
      legalName: 'Nachbarschaftshilfe Connewitz und Lößnig e.V.',
      createdBy: 'amira',
      createdAt: NOW.toISOString(),
      updatedBy: 'lena',
      updatedAt: '2026-11-26T10:00:00.000Z',
    });
  });

  it('refuses a stale version with the current one and leaves the stored profile as it was', async () => {
    const { deps, orgId } = await givenAmirasOrganisation();
    await updateOrganisation(deps, amira, { orgId, profile: anOrganisationProfile(), expectedVersion: 1 });
    const before = structuredClone(deps.store.organisations.get(orgId));

    const stale = updateOrganisation(deps, amira, {
      orgId,
      profile: anOrganisationProfile({ legalName: 'Überschrieben e.V.' }),
      expectedVersion: 1,
    });

    await expect(stale).rejects.toThrow(StaleVersionError);
    await expect(stale).rejects.toMatchObject({ currentVersion: 2 });
    expect(deps.store.organisations.get(orgId)).toEqual(before);
  });

  it('treats a non-member as if the organisation did not exist', async () => {
    const { deps, orgId } = await givenAmirasOrganisation();
    await expect(
      updateOrganisation(deps, lena, { orgId, profile: anOrganisationProfile(), expectedVersion: 1 }),
    ).rejects.toThrow(NotFoundError);
  });
});

describe('inviteMember', () => {
  it('stores an open invitation for 14 days and emails the invitee with the organisation and the inviter', async () => {
    const { deps, orgId } = await givenAmirasOrganisation();

    const { invitation, created } = await inviteMember(deps, amira, { orgId, email: 'Lena@Example.org' });

    expect(created).toBe(true);
    expect(invitation).toMatchObject({
      email: 'lena@example.org',
      status: 'open',
      invitedBy: 'amira',
      expiresAt: '2026-12-09T10:00:00.000Z',
      lastSentAt: NOW.toISOString(),
    });
    expect(await deps.invitations.find(orgId, 'lena@example.org')).toMatchObject({
      lastSentAt: NOW.toISOString(),
    });
    const [mail] = deps.mailer.sent;
    expect(mail?.to).toBe('lena@example.org');
    expect(mail?.subject).toContain('Nachbarschaftshilfe Connewitz e.V.');
    expect(mail?.text).toContain('amira@example.org');
    expect(mail?.text).toContain('9. Dezember 2026');
    expect(mail?.text).toContain('9 December 2026');
    // German first, English below.
    expect(mail?.text.indexOf('Guten Tag')).toBeLessThan(mail?.text.indexOf('— English —') ?? 0);
  });

  it('sends an open invitation again instead of making a second one', async () => {
    const { deps, orgId } = await givenAmirasOrganisation();
    const first = await inviteMember(deps, amira, { orgId, email: 'lena@example.org' });
    deps.clock.advanceDays(2);

    const again = await inviteMember(deps, amira, { orgId, email: 'LENA@example.org' });

    expect(again.created).toBe(false);
    expect(again.invitation.id).toBe(first.invitation.id);
    expect(again.invitation.expiresAt).toBe(first.invitation.expiresAt);
    expect(deps.mailer.sent).toHaveLength(2);
    expect(deps.store.invitations.size).toBe(1);
  });

  it('keeps the invitation when the email cannot be sent, so inviting again sends it', async () => {
    const { deps, orgId } = await givenAmirasOrganisation();
    deps.mailer.failNext = true;

    await expect(inviteMember(deps, amira, { orgId, email: 'lena@example.org' })).rejects.toThrow('SES');
    const stored = await deps.invitations.find(orgId, 'lena@example.org');
    expect(stored).toMatchObject({ status: 'open' });
    expect(stored?.lastSentAt).toBeUndefined();

    const retried = await inviteMember(deps, amira, { orgId, email: 'lena@example.org' });
    expect(retried).toMatchObject({ created: false, invitation: { id: stored?.id } });
    expect(deps.mailer.sent.map((m) => m.to)).toEqual(['lena@example.org']);
    expect((await deps.invitations.find(orgId, 'lena@example.org'))?.lastSentAt).toBe(NOW.toISOString());
  });

  it('makes a new invitation once the old one has expired', async () => {
    const { deps, orgId } = await givenAmirasOrganisation();
    const first = await inviteMember(deps, amira, { orgId, email: 'lena@example.org' });
    deps.clock.advanceDays(15);

    const second = await inviteMember(deps, amira, { orgId, email: 'lena@example.org' });

    expect(second.created).toBe(true);
    expect(second.invitation.id).not.toBe(first.invitation.id);
  });

  it('refuses to invite an existing member (409) and hides the organisation from non-members (404)', async () => {
    const { deps, orgId } = await givenAmirasOrganisation();
    await expect(inviteMember(deps, amira, { orgId, email: 'AMIRA@example.org' })).rejects.toThrow(
      ConflictError,
    );
    await expect(inviteMember(deps, lena, { orgId, email: 'someone@example.org' })).rejects.toThrow(
      NotFoundError,
    );
    expect(deps.mailer.sent).toHaveLength(0);
  });
});

describe('acceptInvitation', () => {
  async function givenLenaInvited() {
    const { deps, orgId } = await givenAmirasOrganisation();
    const { invitation } = await inviteMember(deps, amira, { orgId, email: 'lena@example.org' });
    return { deps, orgId, invitationId: invitation.id };
  }

  it('makes the invitee a member and closes the invitation', async () => {
    const { deps, orgId, invitationId } = await givenLenaInvited();
    expect(await listMyInvitations(deps, lena)).toEqual([
      {
        invitation: expect.objectContaining({ id: invitationId }),
        organisationName: 'Nachbarschaftshilfe Connewitz e.V.',
      },
    ]);

    const { membership, created } = await acceptInvitation(deps, lena, invitationId);

    expect(created).toBe(true);
    expect(membership).toEqual({
      orgId,
      sub: 'lena',
      email: 'lena@example.org',
      role: 'member',
      joinedAt: NOW.toISOString(),
    });
    expect(await deps.invitations.find(orgId, 'lena@example.org')).toMatchObject({
      status: 'accepted',
      acceptedBy: 'lena',
    });
    expect(await listMyInvitations(deps, lena)).toEqual([]);
    const { members, invitations } = await listMembers(deps, amira, orgId);
    expect(members.map((m) => m.sub)).toEqual(['amira', 'lena']);
    expect(invitations).toEqual([]);
  });

  it('answers a second accept with the same membership and makes no second one', async () => {
    const { deps, invitationId } = await givenLenaInvited();
    const first = await acceptInvitation(deps, lena, invitationId);
    deps.clock.advanceDays(1);

    const second = await acceptInvitation(deps, lena, invitationId);

    expect(second).toEqual({ membership: first.membership, created: false });
    expect(deps.store.memberships.size).toBe(2);
  });

  it('does not exist for anyone but the verified addressee', async () => {
    const { deps, invitationId } = await givenLenaInvited();
    const jonas = { sub: 'jonas', email: 'jonas@example.org', emailVerified: true as const };
    const unverifiedLena = { sub: 'lena-2', email: 'lena@example.org' };

    await expect(acceptInvitation(deps, jonas, invitationId)).rejects.toThrow(NotFoundError);
    await expect(acceptInvitation(deps, unverifiedLena, invitationId)).rejects.toThrow(NotFoundError);
    expect(await listMyInvitations(deps, unverifiedLena)).toEqual([]);
  });

  it('refuses an expired invitation with a 409 that says when it expired and what to do', async () => {
    const { deps, invitationId } = await givenLenaInvited();
    deps.clock.advanceDays(14);

    const late = acceptInvitation(deps, lena, invitationId);

    await expect(late).rejects.toThrow(ConflictError);
    await expect(late).rejects.toMatchObject({
      detail: {
        de: expect.stringContaining('am 9. Dezember 2026 abgelaufen'),
        en: expect.stringContaining('invite you again'),
      },
    });
    expect(deps.store.memberships.size).toBe(1);
  });

  it('refuses an invitation that another account with the same address accepted', async () => {
    const { deps, invitationId } = await givenLenaInvited();
    await acceptInvitation(deps, lena, invitationId);
    const lenasSecondAccount = { sub: 'lena-2', email: 'lena@example.org', emailVerified: true as const };

    await expect(acceptInvitation(deps, lenasSecondAccount, invitationId)).rejects.toThrow(ConflictError);
  });
});
