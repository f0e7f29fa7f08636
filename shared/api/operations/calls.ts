import * as z from 'zod/mini';
import { defineOperation } from '../operation.ts';
import { CallView } from '../schemas/call.schema.ts';

export const listCallsOperation = defineOperation({
  operationId: 'listCalls',
  method: 'GET',
  path: '/api/calls',
  summary: 'Förderaufrufe mit ihren Regeln / Calls for proposals with their rules',
  tags: ['calls'],
  access: 'public',
  handler: 'calls/list-calls',
  responses: { 200: { description: 'The published calls', schema: z.object({ items: z.array(CallView) }) } },
});
