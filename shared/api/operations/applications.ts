import { defineOperation } from '../operation.ts';
import { ApplicationParams, ApplicationView, CreateDraftBody } from '../schemas/application.schema.ts';

export const createDraftOperation = defineOperation({
  operationId: 'createDraft',
  method: 'POST',
  path: '/api/applications',
  summary: 'Antragsentwurf anlegen / Create a draft application',
  tags: ['applications'],
  access: ['applicant'],
  handler: 'applications/create-draft',
  body: CreateDraftBody,
  responses: {
    201: { description: 'The new draft', schema: ApplicationView, headers: ['ETag', 'Location'] },
  },
  problems: [401, 403],
});

export const getApplicationOperation = defineOperation({
  operationId: 'getApplication',
  method: 'GET',
  path: '/api/applications/{id}',
  summary: 'Antrag lesen / Read an application',
  tags: ['applications'],
  access: ['applicant'],
  handler: 'applications/get-application',
  params: ApplicationParams,
  responses: { 200: { description: 'The application', schema: ApplicationView, headers: ['ETag'] } },
  problems: [401, 403, 404],
});

export const submitApplicationOperation = defineOperation({
  operationId: 'submitApplication',
  method: 'POST',
  path: '/api/applications/{id}/submit',
  summary: 'Antrag einreichen / Submit an application',
  tags: ['applications'],
  access: ['applicant'],
  handler: 'applications/submit-application',
  params: ApplicationParams,
  responses: {
    202: {
      description: 'Submitted; the Aktenzeichen and the receipt follow from the intake workflow',
      schema: ApplicationView,
      headers: ['ETag'],
    },
  },
  problems: [401, 403, 404, 409, 422],
});
