import { electronicFormatIBAN, isValidBIC, ValidationErrorsIBAN, validateIBAN } from 'ibantools';
import * as z from 'zod/mini';
import { LegalForm } from './call.schema.ts';
import { IsoDate, Line, LocalizedText, Timestamp, Uuid } from './common.schema.ts';
import { EmailAddress, MemberRole } from './membership.schema.ts';

/**
 * An applicant organisation (Verein, gGmbH, Wohlfahrtsverband, …) as the official application form
 * asks for it. Members fill the profile in over time (the treasurer knows the IBAN, the chair the
 * register number), so only the name and the legal form are needed to create one; every other field is
 * checked when it is given, and `organisationProfileGaps` (shared/domain/organisation.ts) lists what a
 * complete profile still lacks before an application can be submitted.
 */

/** German postal code: five digits (there are none starting with 00). */
export const PostalCode = z.string().check(
  z.trim(),
  z.regex(/^(?!00)\d{5}$/, {
    error: 'Bitte geben Sie eine fünfstellige Postleitzahl an / Please enter a five-digit postal code',
  }),
);

/** Register kinds: Vereinsregister, Handelsregister A/B, Genossenschafts- and Partnerschaftsregister. */
const REGISTER_KINDS = ['VR', 'HRA', 'HRB', 'GnR', 'PR'] as const;
const registerPattern = /^(VR|HRA|HRB|GNR|PR) ?(\d{1,7})( ?[A-Z]{1,2})?$/;

/**
 * Registernummer as the register court writes it: "VR 4711", "HRB 30815" (Berlin adds a letter:
 * "VR 12345 B"). Accepted with any spacing and case, stored in that canonical spelling.
 */
export const RegisterNumber = z.string().check(
  z.trim(),
  z.overwrite((value) => {
    const match = registerPattern.exec(value.toUpperCase().replace(/\s+/g, ' '));
    if (!match) return value;
    const kind = REGISTER_KINDS.find((k) => k.toUpperCase() === match[1]) ?? match[1];
    return `${kind} ${match[2]}${match[3] ? ` ${match[3].trim()}` : ''}`;
  }),
  z.regex(/^(VR|HRA|HRB|GnR|PR) \d{1,7}( [A-Z]{1,2})?$/, {
    error:
      'Bitte geben Sie die Registernummer mit Registerart an, z. B. „VR 4711“ oder „HRB 30815“ / Please enter the register number with its kind, e.g. "VR 4711" or "HRB 30815"',
  }),
);

/** Why an IBAN was refused, in both languages; undefined when it is valid. */
export function ibanProblem(iban: string): string | undefined {
  const { valid, errorCodes } = validateIBAN(iban);
  if (valid) return undefined;
  if (errorCodes.includes(ValidationErrorsIBAN.NoIBANCountry)) {
    return 'Eine IBAN beginnt mit dem Ländercode, z. B. DE / An IBAN starts with its country code, e.g. DE';
  }
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANLength)) {
    return 'Die IBAN hat nicht die richtige Länge (eine deutsche IBAN hat 22 Zeichen) / The IBAN has the wrong length (a German IBAN has 22 characters)';
  }
  if (
    errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat) ||
    errorCodes.includes(ValidationErrorsIBAN.ChecksumNotNumber)
  ) {
    return 'Die IBAN enthält Zeichen an Stellen, an denen keine stehen dürfen / The IBAN has characters where none belong';
  }
  // Right country, length and format, but the check digits do not match: one digit is wrong or two
  // are swapped. That is what the checksum is for, so say so plainly.
  return 'Die IBAN enthält einen Tippfehler: Die Prüfziffern stimmen nicht. Bitte vergleichen Sie sie mit Ihrem Kontoauszug. / The IBAN has a typo: its check digits do not match. Please compare it with your bank statement.';
}

/**
 * IBAN of the organisation's account, where the grant is paid. Accepted as people copy it ("de89 3704
 * 0044 …"), stored in electronic format (DE89370400440532013000), and refused with a field error when
 * the ibantools checksum (ISO 7064 mod 97-10) fails.
 */
export const Iban = z.string().check(
  z.maxLength(64),
  z.overwrite((value) => electronicFormatIBAN(value.replace(/\s/g, '')) ?? value),
  z.superRefine((iban, ctx) => {
    const problem = ibanProblem(iban);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: iban, params: { rule: 'iban' } });
  }),
);

/** BIC of the bank (optional: a German or SEPA IBAN is enough for a transfer). */
export const Bic = z.string().check(
  z.maxLength(20),
  z.overwrite((value) => value.replace(/\s/g, '').toUpperCase()),
  z.refine((bic) => isValidBIC(bic), {
    error:
      'Bitte prüfen Sie die BIC (8 oder 11 Zeichen, z. B. BFSWDE33LPZ) / Please check the BIC (8 or 11 characters, e.g. BFSWDE33LPZ)',
  }),
);

/** Eintrag im Vereins- oder Handelsregister: the register court and the number there. */
export const Register = z.strictObject({
  /** Registergericht, e.g. "Amtsgericht Leipzig". */
  court: z.optional(Line(3, 100)),
  number: z.optional(RegisterNumber),
});

export const PostalAddress = z.strictObject({
  street: z.optional(Line(3, 120)),
  postalCode: z.optional(PostalCode),
  city: z.optional(Line(2, 80)),
});

/**
 * Gemeinnützigkeit: whether the tax office recognises the organisation as non-profit, and the date of
 * its latest Freistellungsbescheid (tax-exemption notice), which cannot lie in the future.
 */
export const NonProfitStatus = z.strictObject({
  recognised: z.boolean(),
  exemptionNoticeDate: z.optional(IsoDate),
});

/** Who legally represents the organisation (vertretungsberechtigte Person) and in which function. */
export const Representative = z.strictObject({
  name: z.optional(Line(2, 120)),
  /** e.g. "Vorsitzende", "Geschäftsführer". */
  function: z.optional(Line(2, 80)),
});

/** What members edit: POST creates an organisation with it, PUT replaces it as a whole. */
export const OrganisationProfile = z.strictObject({
  legalName: Line(2, 200),
  legalForm: LegalForm,
  register: z.optional(Register),
  address: z.optional(PostalAddress),
  nonProfit: z.optional(NonProfitStatus),
  iban: z.optional(Iban),
  bic: z.optional(Bic),
  representative: z.optional(Representative),
  /** Where the administering body writes to the organisation (not necessarily a member's address). */
  contactEmail: z.optional(EmailAddress),
});
export type OrganisationProfile = z.infer<typeof OrganisationProfile>;

/** Something a complete profile still lacks (see organisationProfileGaps). */
export const ProfileGap = z.object({ path: z.string(), code: z.string(), message: LocalizedText });

/** An organisation as members see it: the profile, its bookkeeping, the caller's role and its gaps. */
export const OrganisationView = z.extend(OrganisationProfile, {
  id: Uuid,
  version: z.int(),
  createdAt: Timestamp,
  createdBy: z.string(),
  updatedAt: Timestamp,
  updatedBy: z.string(),
  /** The caller's role in it. */
  role: MemberRole,
  /** Empty when the profile is complete enough to submit applications. */
  profileGaps: z.array(ProfileGap),
});
export type OrganisationView = z.infer<typeof OrganisationView>;

/** Defined with the member schemas, which need it too without the IBAN rules. */
export { OrganisationParams } from './membership.schema.ts';
