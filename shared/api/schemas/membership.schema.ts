import * as z from 'zod/mini';
import { Timestamp, Uuid } from './common.schema.ts';

/**
 * Members and invitations of an organisation. Kept apart from the organisation profile so that the
 * member and invitation handlers do not bundle the IBAN rules (ibantools, ~18 kB) they never use.
 */

/** The pattern zod uses for z.email(), as a plain regex: `z.regexes` would bundle every pattern. */
const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** An email address: trimmed and lower-cased, so the same person is never two addresses. */
export const EmailAddress = z.string().check(
  z.trim(),
  z.toLowerCase(),
  z.maxLength(254),
  z.regex(EMAIL_PATTERN, {
    error: 'Bitte geben Sie eine gültige E-Mail-Adresse an / Please enter a valid email address',
  }),
);

export const OrganisationParams = z.object({ orgId: Uuid });

/** The creator of an organisation is its owner; everyone who joins by invitation is a member. */
export const MemberRole = z.enum(['owner', 'member']);
export type MemberRole = z.infer<typeof MemberRole>;

export const MemberView = z.object({
  sub: z.string(),
  email: z.optional(z.string()),
  role: MemberRole,
  joinedAt: Timestamp,
});

/** Open and accepted are stored; expired is an open invitation past its expiresAt. */
export const InvitationStatus = z.enum(['open', 'accepted', 'expired']);

export const InvitationView = z.object({
  id: Uuid,
  orgId: Uuid,
  email: z.string(),
  invitedBy: z.string(),
  invitedByEmail: z.optional(z.string()),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  status: InvitationStatus,
  /** When the invitation email last went out; absent if sending failed (invite again to re-send). */
  lastSentAt: z.optional(Timestamp),
  acceptedAt: z.optional(Timestamp),
});

export const MembersView = z.object({
  members: z.array(MemberView),
  /** Invitations that are open and have not expired. */
  invitations: z.array(InvitationView),
});

/** POST /api/organisations/{orgId}/members: invite someone by email. */
export const InviteMemberBody = z.strictObject({ email: EmailAddress });

/** An invitation addressed to the signed-in user, with the organisation's name. */
export const MyInvitationView = z.extend(InvitationView, {
  organisation: z.object({ id: Uuid, legalName: z.string() }),
});

export const InvitationParams = z.object({ invitationId: Uuid });

/** The membership an accepted invitation made. */
export const MembershipView = z.extend(MemberView, { orgId: Uuid });
