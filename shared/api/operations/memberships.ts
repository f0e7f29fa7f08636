import * as z from 'zod/mini';
import { defineOperation } from '../operation.ts';
import {
  InvitationParams,
  InvitationView,
  InviteMemberBody,
  MembershipView,
  MembersView,
  MyInvitationView,
  OrganisationParams,
} from '../schemas/membership.schema.ts';

// Members and invitations of an organisation. Apart from organisations.ts so that these handlers do not
// bundle the profile schema's IBAN rules.

export const listMembersOperation = defineOperation({
  operationId: 'listMembers',
  method: 'GET',
  path: '/api/organisations/{orgId}/members',
  summary: 'Mitglieder und offene Einladungen / Members and open invitations',
  tags: ['organisations'],
  access: ['applicant'],
  handler: 'organisations/list-members',
  params: OrganisationParams,
  responses: { 200: { description: 'Members and open invitations', schema: MembersView } },
  problems: [401, 403, 404],
});

export const inviteMemberOperation = defineOperation({
  operationId: 'inviteMember',
  method: 'POST',
  path: '/api/organisations/{orgId}/members',
  summary: 'Per E-Mail einladen / Invite by email',
  tags: ['organisations'],
  access: ['applicant'],
  handler: 'organisations/invite-member',
  params: OrganisationParams,
  body: InviteMemberBody,
  responses: {
    201: { description: 'Invitation created and sent', schema: InvitationView },
    200: {
      description: 'An open invitation to this address existed; it was sent again',
      schema: InvitationView,
    },
  },
  problems: [401, 403, 404, 409],
});

export const listInvitationsOperation = defineOperation({
  operationId: 'listInvitations',
  method: 'GET',
  path: '/api/invitations',
  summary: 'Einladungen an meine E-Mail-Adresse / Invitations to my email address',
  tags: ['invitations'],
  access: ['applicant'],
  handler: 'invitations/list-invitations',
  responses: {
    200: {
      description: 'Open invitations addressed to the verified email of the caller',
      schema: z.object({ items: z.array(MyInvitationView) }),
    },
  },
  problems: [401, 403],
});

export const acceptInvitationOperation = defineOperation({
  operationId: 'acceptInvitation',
  method: 'POST',
  path: '/api/invitations/{invitationId}/accept',
  summary: 'Einladung annehmen / Accept an invitation',
  tags: ['invitations'],
  access: ['applicant'],
  handler: 'invitations/accept-invitation',
  params: InvitationParams,
  responses: {
    201: {
      description: 'Accepted: the caller is now a member',
      schema: MembershipView,
      headers: ['Location'],
    },
    200: { description: 'Accepted before: the membership it made', schema: MembershipView },
  },
  problems: [401, 403, 404, 409],
});
