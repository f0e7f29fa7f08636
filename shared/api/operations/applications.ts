import * as z from 'zod/mini';
import { defineOperation } from '../operation.ts';
import {
  ApplicationParams,
  ApplicationSummary,
  ApplicationView,
  CreateDraftBody,
  DraftPatch,
  ListMyApplicationsQuery,
  TimelineEntryView,
  WithdrawBody,
} from '../schemas/application.schema.ts';

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

export const updateDraftOperation = defineOperation({
  operationId: 'updateDraft',
  method: 'PATCH',
  path: '/api/applications/{id}',
  summary:
    'Antragsentwurf speichern (JSON Merge Patch, If-Match) / Save a draft (JSON merge patch, If-Match)',
  tags: ['applications'],
  access: ['applicant'],
  handler: 'applications/update-draft',
  params: ApplicationParams,
  body: DraftPatch,
  responses: {
    200: {
      description: 'The saved draft, with its finance figures and rule findings',
      schema: ApplicationView,
      headers: ['ETag'],
    },
  },
  problems: [401, 403, 404, 409, 412, 422, 428],
});

export const listMyApplicationsOperation = defineOperation({
  operationId: 'listMyApplications',
  method: 'GET',
  path: '/api/applications',
  summary: 'Meine Anträge, über alle meine Organisationen / My applications, across my organisations',
  tags: ['applications'],
  access: ['applicant'],
  handler: 'applications/list-my-applications',
  query: ListMyApplicationsQuery,
  responses: {
    200: {
      description: 'The applications, the most recently changed first',
      schema: z.object({ items: z.array(ApplicationSummary) }),
    },
  },
  problems: [401, 403],
});

export const withdrawApplicationOperation = defineOperation({
  operationId: 'withdrawApplication',
  method: 'POST',
  path: '/api/applications/{id}/withdraw',
  summary: 'Antrag zurücknehmen (mit Grund; Idempotency-Key empfohlen) / Withdraw an application',
  tags: ['applications'],
  access: ['applicant'],
  handler: 'applications/withdraw-application',
  params: ApplicationParams,
  body: WithdrawBody,
  responses: {
    200: {
      description: 'Withdrawn; an email confirms it',
      schema: ApplicationView,
      headers: ['ETag'],
    },
  },
  problems: [401, 403, 404, 409, 422],
});

export const getTimelineOperation = defineOperation({
  operationId: 'getTimeline',
  method: 'GET',
  path: '/api/applications/{id}/timeline',
  summary:
    'Verlauf des Antrags (für die Organisation und die Sachbearbeitung, die den Antrag vollständig sieht) / The application’s timeline (for its organisation and for back-office staff who see it in full)',
  tags: ['applications'],
  // Members, and the back office: approvers and assigned reviewers who declared no conflict (the use case narrows).
  access: ['applicant', 'reviewer', 'approver'],
  handler: 'applications/get-timeline',
  params: ApplicationParams,
  responses: {
    200: {
      description: 'Every step in plain language, oldest first',
      schema: z.object({ items: z.array(TimelineEntryView) }),
    },
  },
  problems: [401, 403, 404],
});
