import type * as z from 'zod/mini';
import type { InvitationView, MembershipView, MemberView } from '../api/schemas/membership.schema.ts';
import type { OrganisationView } from '../api/schemas/organisation.schema.ts';
import {
  type Invitation,
  invitationStatus,
  type Membership,
  type Organisation,
  organisationProfileGaps,
} from '../domain/organisation.ts';

/** What members see of an organisation: the profile, the caller's role and what it still lacks. */
export function toOrganisationView(organisation: Organisation, membership: Membership): OrganisationView {
  return { ...organisation, role: membership.role, profileGaps: organisationProfileGaps(organisation) };
}

export function toMemberView(membership: Membership): z.infer<typeof MemberView> {
  const { orgId: _orgId, ...member } = membership;
  return member;
}

export function toMembershipView(membership: Membership): z.infer<typeof MembershipView> {
  return { ...membership };
}

/** An invitation without who accepted it (a sub means nothing to readers), with its status as of now. */
export function toInvitationView(invitation: Invitation, now: Date): z.infer<typeof InvitationView> {
  const { acceptedBy: _acceptedBy, status: _stored, ...rest } = invitation;
  return { ...rest, status: invitationStatus(invitation, now) };
}
