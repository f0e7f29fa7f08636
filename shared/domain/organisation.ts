import type { MemberRole } from '../api/schemas/membership.schema.ts';
import type { OrganisationProfile } from '../api/schemas/organisation.schema.ts';
import { berlinDate } from './berlin-time.ts';
import type { RuleViolation } from './errors.ts';

/** An applicant organisation: its profile and who changed it when. Applications belong to it. */
export interface Organisation extends OrganisationProfile {
  id: string;
  /** Increments on every change: the ETag, and the optimistic lock of PUT. */
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** A person's membership of an organisation. Every member may edit its drafts and invite others. */
export interface Membership {
  orgId: string;
  sub: string;
  /** The address the member signed in with when they joined (absent on very old records). */
  email?: string;
  role: MemberRole;
  joinedAt: string;
}

/**
 * An invitation to join an organisation, addressed to an email: whoever signs in with that (verified)
 * address may accept it until it expires. Stored as open or accepted; "expired" is computed from
 * expiresAt, so no job has to flip it.
 */
export interface Invitation {
  id: string;
  orgId: string;
  /** Lower case: the address is the key the invitee is found by. */
  email: string;
  invitedBy: string;
  invitedByEmail?: string;
  createdAt: string;
  expiresAt: string;
  status: 'open' | 'accepted';
  /** When the email last went out; absent while it never did (the send failed: invite again). */
  lastSentAt?: string;
  acceptedAt?: string;
  acceptedBy?: string;
}

/** How long an invitation may be accepted. */
export const INVITATION_VALIDITY_DAYS = 14;

export function newInvitation(input: {
  id: string;
  orgId: string;
  email: string;
  inviter: { sub: string; email?: string };
  now: Date;
}): Invitation {
  return {
    id: input.id,
    orgId: input.orgId,
    email: input.email.toLowerCase(),
    invitedBy: input.inviter.sub,
    ...(input.inviter.email ? { invitedByEmail: input.inviter.email } : {}),
    createdAt: input.now.toISOString(),
    // UTC ISO strings compare like times: the adapters put this into conditions as a string.
    expiresAt: new Date(input.now.getTime() + INVITATION_VALIDITY_DAYS * 86_400_000).toISOString(),
    status: 'open',
  };
}

export function invitationStatus(invitation: Invitation, now: Date): 'open' | 'accepted' | 'expired' {
  if (invitation.status === 'accepted') return 'accepted';
  return new Date(invitation.expiresAt).getTime() <= now.getTime() ? 'expired' : 'open';
}

/** A new organisation at version 1, and its creator as its first member (role owner). */
export function newOrganisation(input: {
  id: string;
  profile: OrganisationProfile;
  creator: { sub: string; email?: string };
  now: Date;
}): { organisation: Organisation; owner: Membership } {
  const at = input.now.toISOString();
  return {
    organisation: {
      ...input.profile,
      id: input.id,
      version: 1,
      createdAt: at,
      createdBy: input.creator.sub,
      updatedAt: at,
      updatedBy: input.creator.sub,
    },
    owner: {
      orgId: input.id,
      sub: input.creator.sub,
      ...(input.creator.email ? { email: input.creator.email.toLowerCase() } : {}),
      role: 'owner',
      joinedAt: at,
    },
  };
}

/** The profile part of a stored organisation (what PUT replaces). */
export function profileOf(organisation: Organisation): OrganisationProfile {
  const {
    id: _id,
    version: _version,
    createdAt: _createdAt,
    createdBy: _createdBy,
    updatedAt: _updatedAt,
    updatedBy: _updatedBy,
    ...profile
  } = organisation;
  return profile;
}

/**
 * Rules a profile must keep whenever it is saved, beyond its schema: they need today's date, which the
 * schema does not know. A Freistellungsbescheid cannot be dated in the future, and a date of one makes
 * no sense for an organisation that says it is not recognised as non-profit.
 */
export function profileRuleViolations(profile: OrganisationProfile, now: Date): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const noticeDate = profile.nonProfit?.exemptionNoticeDate;
  if (noticeDate && noticeDate > berlinDate(now)) {
    violations.push({
      path: 'nonProfit.exemptionNoticeDate',
      code: 'date-in-future',
      message: {
        de: 'Das Datum des Freistellungsbescheids darf nicht in der Zukunft liegen.',
        en: 'The date of the tax-exemption notice cannot lie in the future.',
      },
    });
  }
  if (noticeDate && profile.nonProfit?.recognised === false) {
    violations.push({
      path: 'nonProfit.exemptionNoticeDate',
      code: 'notice-without-recognition',
      message: {
        de: 'Ein Freistellungsbescheid gehört nur zu einer anerkannten Gemeinnützigkeit. Bitte geben Sie die Anerkennung an oder entfernen Sie das Datum.',
        en: 'A tax-exemption notice only goes with recognised non-profit status. Please state the recognition or remove the date.',
      },
    });
  }
  return violations;
}

/** Legal forms entered in a register, and the register kind their number must name. */
const REGISTER_OF: Partial<Record<OrganisationProfile['legalForm'], { kinds: string[]; name: string }>> = {
  'eingetragener-verein': { kinds: ['VR'], name: 'Vereinsregister (VR)' },
  ggmbh: { kinds: ['HRB'], name: 'Handelsregister B (HRB)' },
};

const missing = (path: string, de: string, en: string): RuleViolation => ({
  path,
  code: 'missing',
  message: { de: `Bitte ergänzen Sie: ${de}.`, en: `Please add: ${en}.` },
});

/**
 * What a profile still lacks to be complete, i.e. what the official form needs from the applicant
 * before an application can be submitted. Empty when nothing is missing. Paths name the form fields
 * (`address.postalCode`), messages are German and English.
 *
 * A register entry is required for the legal forms that have one by law (e.V.: Vereinsregister,
 * gGmbH: Handelsregister B), and it must be in the right register; a gGmbH is non-profit by its very
 * name, so it must state a recognised Gemeinnützigkeit. Public bodies (a municipal Volkshochschule, a
 * university) have no register entry, and none is asked of them.
 */
export function organisationProfileGaps(org: OrganisationProfile): RuleViolation[] {
  const gaps: RuleViolation[] = [];
  const register = REGISTER_OF[org.legalForm];
  if (register) {
    if (!org.register?.court) {
      gaps.push(missing('register.court', 'das Registergericht', 'the register court'));
    }
    if (!org.register?.number) {
      gaps.push(missing('register.number', 'die Registernummer', 'the register number'));
    } else if (!register.kinds.includes(org.register.number.split(' ')[0] ?? '')) {
      gaps.push({
        path: 'register.number',
        code: 'register-kind-mismatch',
        message: {
          de: `Diese Rechtsform ist im ${register.name} eingetragen; die Registernummer passt nicht dazu.`,
          en: `This legal form is entered in the ${register.name}; the register number does not match it.`,
        },
      });
    }
  }

  if (!org.address?.street)
    gaps.push(missing('address.street', 'Straße und Hausnummer', 'street and number'));
  if (!org.address?.postalCode)
    gaps.push(missing('address.postalCode', 'die Postleitzahl', 'the postal code'));
  if (!org.address?.city) gaps.push(missing('address.city', 'den Ort', 'the city'));

  if (!org.nonProfit) {
    gaps.push(
      missing(
        'nonProfit.recognised',
        'ob die Gemeinnützigkeit anerkannt ist',
        'whether non-profit status is recognised',
      ),
    );
  } else if (org.nonProfit.recognised && !org.nonProfit.exemptionNoticeDate) {
    gaps.push(
      missing(
        'nonProfit.exemptionNoticeDate',
        'das Datum des Freistellungsbescheids',
        'the date of the tax-exemption notice',
      ),
    );
  } else if (!org.nonProfit.recognised && org.legalForm === 'ggmbh') {
    gaps.push({
      path: 'nonProfit.recognised',
      code: 'ggmbh-not-non-profit',
      message: {
        de: 'Eine gGmbH muss als gemeinnützig anerkannt sein. Bitte prüfen Sie die Angabe oder die Rechtsform.',
        en: 'A gGmbH must be recognised as non-profit. Please check this answer or the legal form.',
      },
    });
  }

  if (!org.iban)
    gaps.push(missing('iban', 'die IBAN des Kontos für die Auszahlung', 'the IBAN for the payment'));
  if (!org.representative?.name) {
    gaps.push(
      missing('representative.name', 'die vertretungsberechtigte Person', 'the legal representative'),
    );
  }
  if (!org.representative?.function) {
    gaps.push(
      missing('representative.function', 'deren Funktion (z. B. Vorsitzende)', 'their function (e.g. chair)'),
    );
  }
  if (!org.contactEmail)
    gaps.push(missing('contactEmail', 'eine E-Mail-Adresse für Rückfragen', 'a contact email'));
  return gaps;
}
