import { describe, expect, it } from 'vitest';
import {
  type Invitation,
  invitationStatus,
  newInvitation,
  organisationProfileGaps,
  profileRuleViolations,
} from '../../../shared/domain/organisation.ts';
import { anOrganisationProfile } from '../../support/organisations.ts';

const pathsOf = (violations: { path: string }[]) => violations.map((v) => v.path);

describe('organisationProfileGaps', () => {
  it('finds nothing missing in a complete profile', () => {
    expect(organisationProfileGaps(anOrganisationProfile())).toEqual([]);
  });

  it('lists every field a new association still has to fill in, by form path', () => {
    const gaps = organisationProfileGaps({
      legalName: 'Neu gegründet e.V.',
      legalForm: 'eingetragener-verein',
    });

    expect(pathsOf(gaps)).toEqual([
      'register.court',
      'register.number',
      'address.street',
      'address.postalCode',
      'address.city',
      'nonProfit.recognised',
      'iban',
      'representative.name',
      'representative.function',
      'contactEmail',
    ]);
    for (const gap of gaps) {
      expect(gap.code).toBe('missing');
      expect(gap.message.de).toMatch(/^Bitte ergänzen Sie: .+\.$/);
      expect(gap.message.en).toMatch(/^Please add: .+\.$/);
    }
  });

  it('names the missing part of a half-filled address only', () => {
    const gaps = organisationProfileGaps(
      anOrganisationProfile({ address: { street: 'Karl-Liebknecht-Straße 7', city: 'Leipzig' } }),
    );
    expect(pathsOf(gaps)).toEqual(['address.postalCode']);
  });

  it('asks no register entry of a legal form that has none (a municipal Volkshochschule)', () => {
    const { register: _none, ...profile } = anOrganisationProfile({ legalForm: 'volkshochschule' });
    expect(organisationProfileGaps(profile)).toEqual([]);
  });

  it('refuses a Handelsregister number for an e.V., and a Vereinsregister number for a gGmbH', () => {
    const association = organisationProfileGaps(
      anOrganisationProfile({ register: { court: 'Amtsgericht Dresden', number: 'HRB 30815' } }),
    );
    expect(association).toEqual([
      expect.objectContaining({ path: 'register.number', code: 'register-kind-mismatch' }),
    ]);
    expect(association[0]?.message.de).toContain('Vereinsregister');

    const company = organisationProfileGaps(
      anOrganisationProfile({
        legalForm: 'ggmbh',
        register: { court: 'Amtsgericht Dresden', number: 'VR 12' },
      }),
    );
    expect(company).toEqual([
      expect.objectContaining({ path: 'register.number', code: 'register-kind-mismatch' }),
    ]);
  });

  it('needs the date of the Freistellungsbescheid once non-profit status is said to be recognised', () => {
    const gaps = organisationProfileGaps(anOrganisationProfile({ nonProfit: { recognised: true } }));
    expect(pathsOf(gaps)).toEqual(['nonProfit.exemptionNoticeDate']);
  });

  it('accepts an association that is not recognised as non-profit, but not a gGmbH', () => {
    expect(organisationProfileGaps(anOrganisationProfile({ nonProfit: { recognised: false } }))).toEqual([]);
    const gaps = organisationProfileGaps(
      anOrganisationProfile({
        legalForm: 'ggmbh',
        register: { court: 'Amtsgericht Chemnitz', number: 'HRB 4410' },
        nonProfit: { recognised: false },
      }),
    );
    expect(gaps).toEqual([
      expect.objectContaining({ path: 'nonProfit.recognised', code: 'ggmbh-not-non-profit' }),
    ]);
  });
});

describe('profileRuleViolations', () => {
  // 23:30 UTC on 25 November is already 26 November in Leipzig.
  const lateEvening = new Date('2026-11-25T23:30:00Z');

  it('allows an exemption notice dated today in Berlin, and refuses one dated tomorrow', () => {
    const today = anOrganisationProfile({
      nonProfit: { recognised: true, exemptionNoticeDate: '2026-11-26' },
    });
    expect(profileRuleViolations(today, lateEvening)).toEqual([]);

    const tomorrow = anOrganisationProfile({
      nonProfit: { recognised: true, exemptionNoticeDate: '2026-11-27' },
    });
    expect(profileRuleViolations(tomorrow, lateEvening)).toEqual([
      expect.objectContaining({ path: 'nonProfit.exemptionNoticeDate', code: 'date-in-future' }),
    ]);
  });

  it('refuses a notice date for an organisation that says it is not recognised', () => {
    const profile = anOrganisationProfile({
      nonProfit: { recognised: false, exemptionNoticeDate: '2024-01-10' },
    });
    expect(profileRuleViolations(profile, lateEvening)).toEqual([
      expect.objectContaining({ path: 'nonProfit.exemptionNoticeDate', code: 'notice-without-recognition' }),
    ]);
  });
});

describe('invitations', () => {
  const now = new Date('2026-11-25T10:00:00Z');
  const invitation: Invitation = newInvitation({
    id: 'i-1',
    orgId: 'o-1',
    email: 'Kassenwart@Example.ORG',
    inviter: { sub: 'amira', email: 'amira@example.org' },
    now,
  });

  it('is addressed in lower case and expires 14 days after it was made', () => {
    expect(invitation).toMatchObject({
      email: 'kassenwart@example.org',
      status: 'open',
      createdAt: '2026-11-25T10:00:00.000Z',
      expiresAt: '2026-12-09T10:00:00.000Z',
      invitedBy: 'amira',
      invitedByEmail: 'amira@example.org',
    });
  });

  it('is open until the moment it expires, then expired; an accepted one stays accepted', () => {
    expect(invitationStatus(invitation, new Date('2026-12-09T09:59:59Z'))).toBe('open');
    expect(invitationStatus(invitation, new Date('2026-12-09T10:00:00Z'))).toBe('expired');
    expect(invitationStatus({ ...invitation, status: 'accepted' }, new Date('2027-01-01T00:00:00Z'))).toBe(
      'accepted',
    );
  });
});
