import { defineOperation } from '../operation.ts';
import { ApplicationParams } from '../schemas/application.schema.ts';
import { CallParams } from '../schemas/call.schema.ts';
import { CallBudgetView, DecisionAnswer, DecisionBody } from '../schemas/decision.schema.ts';

export const decideApplicationOperation = defineOperation({
  operationId: 'decideApplication',
  method: 'POST',
  path: '/api/review/applications/{id}/decision',
  summary:
    'Über einen Antrag entscheiden: bewilligen (Betrag, Nebenbestimmungen) oder ablehnen (Begründung); rollierende Aufrufe, Vier-Augen-Prinzip, Idempotency-Key empfohlen / Decide an application (rolling calls)',
  tags: ['decisions'],
  access: ['approver'],
  handler: 'review/decide-application',
  params: ApplicationParams,
  body: DecisionBody,
  responses: {
    200: {
      description:
        'Decided; an approval has reserved its grant from the call’s budget. The decision workflow issues the Bescheid and tells the applicant',
      schema: DecisionAnswer,
    },
  },
  problems: [401, 403, 404, 409, 422],
});

export const getCallBudgetOperation = defineOperation({
  operationId: 'getCallBudget',
  method: 'GET',
  path: '/api/admin/calls/{callId}/budget',
  summary:
    'Budget eines Aufrufs: bewilligt (gebunden), verbleibend, Anträge je Status; für die Verwaltung und für Bewilligende, die vor einer Bewilligung das verbleibende Budget sehen / ' +
    'A call’s budget: committed, remaining, applications per status; for admins, and for approvers, who see the remaining budget before approving',
  tags: ['admin', 'decisions'],
  access: ['admin', 'approver'],
  handler: 'admin/get-call-budget',
  params: CallParams,
  responses: { 200: { description: 'The budget overview', schema: CallBudgetView } },
  problems: [401, 403, 404],
});
