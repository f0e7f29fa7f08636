import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbIdempotencyStore } from '#shared/adapters/dynamodb/dynamodb-idempotency-store.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { lodgeObjectionOperation } from '#shared/api/operations/notification.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { answerOncePerKey } from '#shared/http/idempotency-key.ts';
import { applicationResponse } from '#shared/http/views.ts';
import { lodgeObjectionAgainstDecision } from '#shared/use-cases/notification/lodge-objection.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
  idempotency: new DynamoDbIdempotencyStore(documentClient, table),
  clock: systemClock,
};

export const handler = httpHandler(lodgeObjectionOperation, ({ params, body, caller, headers, language }) =>
  answerOncePerKey({
    headers,
    request: { method: 'POST', path: `/api/applications/${params.id}/objection`, body },
    run: (idempotency) =>
      lodgeObjectionAgainstDecision(deps, caller, { id: params.id, reason: body.reason }, idempotency),
    answer: (appealed) => applicationResponse(200, appealed, language),
  }),
);
