import { describe, expect, it } from 'vitest';
import { InviteMemberBody } from '../../../shared/api/schemas/membership.schema.ts';
import { OrganisationProfile } from '../../../shared/api/schemas/organisation.schema.ts';
import { validate } from '../../../shared/http/validation.ts';
import { anOrganisationProfile } from '../../support/organisations.ts';

const parse = (input: unknown) => validate(OrganisationProfile, input, 'de');

describe('OrganisationProfile', () => {
  it('accepts an IBAN as people copy it and stores it in electronic format', () => {
    const result = parse(
      anOrganisationProfile({ iban: ' de89 3704 0044 0532 0130 00 ', bic: 'cobade ffxxx' }),
    );
    expect(result.ok && result.value).toMatchObject({ iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' });
  });

  it('refuses an IBAN with a wrong check digit on the iban field, saying in German and English that it has a typo', () => {
    // One digit of the account number changed: the mod-97 checksum no longer matches.
    const result = parse(anOrganisationProfile({ iban: 'DE89 3704 0044 0532 0130 01' }));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path: 'iban', in: 'body' });
    expect(result.errors[0]?.message).toContain('Tippfehler');
    expect(result.errors[0]?.message).toContain('typo');
  });

  it('explains a wrong length differently from a typo', () => {
    const result = parse(anOrganisationProfile({ iban: 'DE89 3704 0044 0532 0130' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.path).toBe('iban');
    expect(result.errors[0]?.message).toContain('Länge');
    expect(result.errors[0]?.message).not.toContain('Tippfehler');
  });

  it('writes register numbers the way the register court does', () => {
    for (const [typed, stored] of [
      ['vr4711', 'VR 4711'],
      ['HRB  30815', 'HRB 30815'],
      ['VR 12345 b', 'VR 12345 B'],
      ['gnr 77', 'GnR 77'],
    ]) {
      const result = parse(
        anOrganisationProfile({ register: { court: 'Amtsgericht Leipzig', number: typed } }),
      );
      expect(result.ok && result.value.register?.number, typed).toBe(stored);
    }
    const unknownKind = parse(
      anOrganisationProfile({ register: { court: 'Amtsgericht Leipzig', number: '4711' } }),
    );
    expect(unknownKind.ok || unknownKind.errors.map((e) => e.path)).toEqual(['register.number']);
  });

  it('needs a five-digit postal code and a real email address', () => {
    const result = parse(
      anOrganisationProfile({
        address: { street: 'Hauptstraße 1', postalCode: '1067', city: 'Dresden' },
        contactEmail: 'vorstand(at)verein.de',
      }),
    );
    expect(result.ok || result.errors.map((e) => e.path).sort()).toEqual([
      'address.postalCode',
      'contactEmail',
    ]);
  });

  it('takes only the editable profile: bookkeeping fields are refused, not silently dropped', () => {
    const result = parse({ ...anOrganisationProfile(), version: 3 });
    expect(result.ok).toBe(false);
  });

  it('needs no more than a name and a legal form to start', () => {
    expect(parse({ legalName: 'Sprachbrücke Zwickau e.V.', legalForm: 'eingetragener-verein' }).ok).toBe(
      true,
    );
  });
});

describe('InviteMemberBody', () => {
  it('takes the address in lower case and without surrounding spaces', () => {
    const result = validate(InviteMemberBody, { email: '  Kassenwart@Verein.Example.ORG ' }, 'en');
    expect(result.ok && result.value.email).toBe('kassenwart@verein.example.org');
  });
});
