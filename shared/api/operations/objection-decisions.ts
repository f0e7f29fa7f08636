import { defineOperation } from '../operation.ts';
import { ApplicationParams } from '../schemas/application.schema.ts';
import { ObjectionDecisionAnswer, ObjectionDecisionBody } from '../schemas/objection-decision.schema.ts';

export const decideObjectionOperation = defineOperation({
  operationId: 'decideObjection',
  method: 'POST',
  path: '/api/review/applications/{id}/objection-decision',
  summary:
    'Über einen Widerspruch entscheiden: abhelfen (neuer Betrag, § 72 VwGO) oder zurückweisen (Widerspruchsbescheid); Vier-Augen-Prinzip, Idempotency-Key empfohlen / Decide an objection: remedy it with a new amount, or dismiss it',
  tags: ['decisions'],
  access: ['approver'],
  handler: 'review/decide-objection',
  params: ApplicationParams,
  body: ObjectionDecisionBody,
  responses: {
    200: {
      description:
        'Decided: FINAL. A changed grant has moved the call’s committed sum by the difference. The objection workflow issues the Abhilfe- or Widerspruchsbescheid and tells the applicant',
      schema: ObjectionDecisionAnswer,
    },
  },
  problems: [401, 403, 404, 409, 422],
});
