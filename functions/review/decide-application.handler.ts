import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbAssessmentRepository } from '#shared/adapters/dynamodb/dynamodb-assessment-repository.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbIdempotencyStore } from '#shared/adapters/dynamodb/dynamodb-idempotency-store.ts';
import { DynamoDbAssignmentRepository } from '#shared/adapters/dynamodb/dynamodb-review-repository.ts';
import { decideApplicationOperation } from '#shared/api/operations/decisions.ts';
import type { DecisionAnswer } from '#shared/api/schemas/decision.schema.ts';
import type { Application } from '#shared/domain/application.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { answerOncePerKey } from '#shared/http/idempotency-key.ts';
import { decideApplication } from '#shared/use-cases/decisions/decide-application.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  assignments: new DynamoDbAssignmentRepository(documentClient, table),
  assessments: new DynamoDbAssessmentRepository(documentClient, table),
  idempotency: new DynamoDbIdempotencyStore(documentClient, table),
  clock: systemClock,
};

function answerOf(application: Application): { status: 200; body: DecisionAnswer } {
  const decision = application.decision;
  if (!decision) throw new Error(`application ${application.id} has no decision`);
  return {
    status: 200,
    body: {
      applicationId: application.id,
      status: application.status,
      version: application.version,
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

export const handler = httpHandler(decideApplicationOperation, ({ params, body, caller, headers }) =>
  answerOncePerKey({
    headers,
    request: { method: 'POST', path: `/api/review/applications/${params.id}/decision`, body },
    run: (idempotency) => decideApplication(deps, caller, { id: params.id, body }, idempotency),
    answer: ({ application }) => answerOf(application),
  }),
);
