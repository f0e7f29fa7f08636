import { randomUUID } from 'node:crypto';
import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbAssessmentRepository } from '#shared/adapters/dynamodb/dynamodb-assessment-repository.ts';
import { DynamoDbCallApplications } from '#shared/adapters/dynamodb/dynamodb-call-applications.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbDecisionBatches } from '#shared/adapters/dynamodb/dynamodb-decision-batches.ts';
import { DynamoDbIdempotencyStore } from '#shared/adapters/dynamodb/dynamodb-idempotency-store.ts';
import { DynamoDbReviewQueue } from '#shared/adapters/dynamodb/dynamodb-review-queue.ts';
import { DynamoDbAssignmentRepository } from '#shared/adapters/dynamodb/dynamodb-review-repository.ts';
import { decideBatchOperation } from '#shared/api/operations/competitive-decisions.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { answerOncePerKey } from '#shared/http/idempotency-key.ts';
import { decideBatch } from '#shared/use-cases/decisions/decide-batch.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  queue: new DynamoDbReviewQueue(documentClient, table),
  callApplications: new DynamoDbCallApplications(documentClient, table),
  batches: new DynamoDbDecisionBatches(documentClient, table),
  assignments: new DynamoDbAssignmentRepository(documentClient, table),
  assessments: new DynamoDbAssessmentRepository(documentClient, table),
  idempotency: new DynamoDbIdempotencyStore(documentClient, table),
  clock: systemClock,
  newId: randomUUID,
};

export const handler = httpHandler(decideBatchOperation, ({ params, body, caller, headers }) =>
  answerOncePerKey({
    headers,
    request: { method: 'POST', path: `/api/review/calls/${params.callId}/decisions`, body },
    run: (idempotency) => decideBatch(deps, caller, { callId: params.callId, body }, idempotency),
    answer: (result) => ({ status: 200, body: result }),
  }),
);
