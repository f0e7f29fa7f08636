import * as z from 'zod/mini';
import { defineOperation } from '../operation.ts';
import { OrganisationParams, OrganisationProfile, OrganisationView } from '../schemas/organisation.schema.ts';

export const listOrganisationsOperation = defineOperation({
  operationId: 'listOrganisations',
  method: 'GET',
  path: '/api/organisations',
  summary: 'Meine Organisationen / My organisations',
  tags: ['organisations'],
  access: ['applicant'],
  handler: 'organisations/list-organisations',
  responses: {
    200: {
      description: 'The organisations the caller is a member of',
      schema: z.object({ items: z.array(OrganisationView) }),
    },
  },
  problems: [401, 403],
});

export const createOrganisationOperation = defineOperation({
  operationId: 'createOrganisation',
  method: 'POST',
  path: '/api/organisations',
  summary: 'Organisation anlegen (Sie werden Inhaber/in) / Create an organisation (you become its owner)',
  tags: ['organisations'],
  access: ['applicant'],
  handler: 'organisations/create-organisation',
  body: OrganisationProfile,
  responses: {
    201: { description: 'The new organisation', schema: OrganisationView, headers: ['ETag', 'Location'] },
  },
  problems: [401, 403],
});

export const getOrganisationOperation = defineOperation({
  operationId: 'getOrganisation',
  method: 'GET',
  path: '/api/organisations/{orgId}',
  summary: 'Organisation lesen / Read an organisation',
  tags: ['organisations'],
  access: ['applicant'],
  handler: 'organisations/get-organisation',
  params: OrganisationParams,
  responses: { 200: { description: 'The organisation', schema: OrganisationView, headers: ['ETag'] } },
  problems: [401, 403, 404],
});

export const updateOrganisationOperation = defineOperation({
  operationId: 'updateOrganisation',
  method: 'PUT',
  path: '/api/organisations/{orgId}',
  summary:
    'Profil der Organisation ersetzen (If-Match erforderlich) / Replace the organisation profile (If-Match required)',
  tags: ['organisations'],
  access: ['applicant'],
  handler: 'organisations/update-organisation',
  params: OrganisationParams,
  body: OrganisationProfile,
  responses: { 200: { description: 'The saved organisation', schema: OrganisationView, headers: ['ETag'] } },
  problems: [401, 403, 404, 412, 428],
});
