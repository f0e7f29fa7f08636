import type { OrganisationProfile } from '../../shared/api/schemas/organisation.schema.ts';

/**
 * A complete, valid organisation profile (nothing missing for submission), with overrides for the case
 * at hand. The IBAN is a well-known valid test IBAN; the register is the Leipzig Vereinsregister.
 */
export function anOrganisationProfile(overrides: Partial<OrganisationProfile> = {}): OrganisationProfile {
  return {
    legalName: 'Nachbarschaftshilfe Connewitz e.V.',
    legalForm: 'eingetragener-verein',
    register: { court: 'Amtsgericht Leipzig', number: 'VR 4711' },
    address: { street: 'Wolfgang-Heinze-Straße 12', postalCode: '04277', city: 'Leipzig' },
    nonProfit: { recognised: true, exemptionNoticeDate: '2025-03-14' },
    iban: 'DE89370400440532013000',
    bic: 'COBADEFFXXX',
    representative: { name: 'Johanna Richter', function: 'Vorsitzende' },
    contactEmail: 'vorstand@nachbarschaftshilfe-connewitz.example.org',
    ...overrides,
  };
}
