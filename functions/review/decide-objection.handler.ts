import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbAssessmentRepository } from '#shared/adapters/dynamodb/dynamodb-assessment-repository.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbIdempotencyStore } from '#shared/adapters/dynamodb/dynamodb-idempotency-store.ts';
import { DynamoDbAssignmentRepository } from '#shared/adapters/dynamodb/dynamodb-review-repository.ts';
import { decideObjectionOperation } from '#shared/api/operations/objection-decisions.ts';
import type { ObjectionDecisionAnswer } from '#shared/api/schemas/objection-decision.schema.ts';
import type { Application } from '#shared/domain/application.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { answerOncePerKey } from '#shared/http/idempotency-key.ts';
import { decideObjectionOfApplication } from '#shared/use-cases/decisions/decide-objection.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  assignments: new DynamoDbAssignmentRepository(documentClient, table),
  assessments: new DynamoDbAssessmentRepository(documentClient, table),
  idempotency: new DynamoDbIdempotencyStore(documentClient, table),
  clock: systemClock,
};

function answerOf(application: Application): { status: 200; body: ObjectionDecisionAnswer } {
  const { objection, decision } = application;
  if (!objection?.outcome || !objection.decidedAt || !objection.decidedBy || !decision) {
    throw new Error(`application ${application.id} has no decided objection`);
  }
  return {
    status: 200,
    body: {
      applicationId: application.id,
      status: application.status,
      version: application.version,
      objection: {
        at: objection.at,
        reason: objection.reason,
        outcome: objection.outcome,
        decidedAt: objection.decidedAt,
        decidedBy: objection.decidedBy,
        reasons: objection.reasons ?? '',
        ...(objection.previousGrantedCents !== undefined
          ? { previousGrantedCents: objection.previousGrantedCents }
          : {}),
      },
      decision: {
        outcome: decision.outcome,
        ...(decision.grantedCents !== undefined ? { grantedCents: decision.grantedCents } : {}),
        financingType: decision.financingType,
        conditions: decision.conditions,
        ...(decision.reasons ? { reasons: decision.reasons } : {}),
        decidedBy: decision.decidedBy,
        decidedAt: decision.decidedAt,
      },
    },
  };
}

export const handler = httpHandler(decideObjectionOperation, ({ params, body, caller, headers }) =>
  answerOncePerKey({
    headers,
    request: { method: 'POST', path: `/api/review/applications/${params.id}/objection-decision`, body },
    run: (idempotency) => decideObjectionOfApplication(deps, caller, { id: params.id, body }, idempotency),
    answer: answerOf,
  }),
);
