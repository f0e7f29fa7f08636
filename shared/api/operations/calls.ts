import * as z from 'zod/mini';
import { defineOperation } from '../operation.ts';
import {
  AdminCallView,
  CallDefinition,
  CallParams,
  CallPatch,
  CallView,
  ListCallsQuery,
} from '../schemas/call.schema.ts';

export const listCallsOperation = defineOperation({
  operationId: 'listCalls',
  method: 'GET',
  path: '/api/calls',
  summary:
    'Förderaufrufe mit ihren Regeln; ohne phase die kommenden und offenen, phase=closed die vergangenen / Calls for proposals with their rules; without phase the upcoming and open ones, phase=closed the past ones',
  tags: ['calls'],
  access: 'public',
  handler: 'calls/list-calls',
  query: ListCallsQuery,
  responses: {
    200: {
      description:
        'The calls in the phases asked for: upcoming and open ones by earliest deadline, closed ones by latest deadline',
      schema: z.object({ items: z.array(CallView) }),
    },
  },
});

export const getCallOperation = defineOperation({
  operationId: 'getCall',
  method: 'GET',
  path: '/api/calls/{callId}',
  summary: 'Ein Förderaufruf mit seinen Regeln / One call for proposals with its rules',
  tags: ['calls'],
  access: 'public',
  handler: 'calls/get-call',
  params: CallParams,
  responses: { 200: { description: 'The call and its phase', schema: CallView, headers: ['ETag'] } },
  problems: [404],
});

export const createCallOperation = defineOperation({
  operationId: 'createCall',
  method: 'POST',
  path: '/api/admin/calls',
  summary: 'Förderaufruf anlegen / Create a call for proposals',
  tags: ['admin', 'calls'],
  access: ['admin'],
  handler: 'calls/create-call',
  body: CallDefinition,
  responses: {
    201: { description: 'The new call (version 1)', schema: AdminCallView, headers: ['ETag', 'Location'] },
  },
  problems: [401, 403, 409],
});

export const updateCallOperation = defineOperation({
  operationId: 'updateCall',
  method: 'PATCH',
  path: '/api/admin/calls/{callId}',
  summary:
    'Förderaufruf ändern (JSON Merge Patch, If-Match); nach dem ersten Antrag nur Fristverlängerung, Texte, Budgeterhöhung / Change a call (JSON merge patch, If-Match); once applied to, only a later deadline, texts and a larger budget',
  tags: ['admin', 'calls'],
  access: ['admin'],
  handler: 'calls/update-call',
  params: CallParams,
  body: CallPatch,
  responses: { 200: { description: 'The changed call', schema: AdminCallView, headers: ['ETag'] } },
  problems: [401, 403, 404, 409, 412, 428],
});

export const listAdminCallsOperation = defineOperation({
  operationId: 'listAdminCalls',
  method: 'GET',
  path: '/api/admin/calls',
  summary:
    'Alle Förderaufrufe für die Verwaltung (kommende, offene, abgeschlossene) mit Version und Antragszahl / Every call for admins (upcoming, open, closed) with version and application count',
  tags: ['admin', 'calls'],
  access: ['admin'],
  handler: 'calls/list-admin-calls',
  responses: {
    200: {
      description: 'Open calls by earliest deadline, then upcoming ones, then closed ones by latest deadline',
      schema: z.object({ items: z.array(AdminCallView) }),
    },
  },
  problems: [401, 403],
});

export const getAdminCallOperation = defineOperation({
  operationId: 'getAdminCall',
  method: 'GET',
  path: '/api/admin/calls/{callId}',
  summary:
    'Ein Förderaufruf zum Bearbeiten (ETag für If-Match, Antragszahl) / One call to edit (ETag for If-Match, application count)',
  tags: ['admin', 'calls'],
  access: ['admin'],
  handler: 'calls/get-admin-call',
  params: CallParams,
  responses: { 200: { description: 'The call as admins see it', schema: AdminCallView, headers: ['ETag'] } },
  problems: [401, 403, 404],
});
