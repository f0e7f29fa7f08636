import { defineOperation } from '../operation.ts';
import { CallParams } from '../schemas/call.schema.ts';
import { BatchDecisionBody, BatchDecisionResult, RankingView } from '../schemas/competitive.schema.ts';

export const getRankingOperation = defineOperation({
  operationId: 'getRanking',
  method: 'GET',
  path: '/api/review/calls/{callId}/ranking',
  summary:
    'Rangliste eines Wettbewerbsaufrufs mit vorgeschlagener Förderlinie (nach Fristende, wenn alle Anträge begutachtet sind) / ' +
    "A competitive call's ranking with the proposed funding line (after the deadline, once every application is assessed). " +
    'Order: total score, then the content score ratio, then the earlier submission. The line adds the proposed grants ' +
    '(recommended, at most requested) down the ranking while they fit the remaining budget.',
  tags: ['decisions'],
  access: ['approver'],
  handler: 'review/get-ranking',
  params: CallParams,
  responses: { 200: { description: 'The ranking and the proposed line', schema: RankingView } },
  problems: [401, 403, 404, 409],
});

export const decideBatchOperation = defineOperation({
  operationId: 'decideBatch',
  method: 'POST',
  path: '/api/review/calls/{callId}/decisions',
  summary:
    'Gemeinsame Entscheidung eines Wettbewerbsaufrufs: jeder begutachtete Antrag genau einmal — bewilligt, abgelehnt ' +
    "(reasonCode 'lack-of-funds' unterhalb der Förderlinie) oder auf die Warteliste (in der angegebenen Reihenfolge) / " +
    'Decide a competitive call in one batch: every assessed application exactly once. Idempotency-Key recommended; ' +
    'a repeated request after an interruption continues the batch.',
  tags: ['decisions'],
  access: ['approver'],
  handler: 'review/decide-batch',
  params: CallParams,
  body: BatchDecisionBody,
  responses: {
    200: {
      description:
        'Decided; approvals have reserved their grants from the call’s budget. The decision workflow issues each Bescheid',
      schema: BatchDecisionResult,
    },
  },
  problems: [401, 403, 404, 409, 422],
});
