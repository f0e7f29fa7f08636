import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbDocumentRepository } from '#shared/adapters/dynamodb/dynamodb-document-repository.ts';
import { DynamoDbIdempotencyStore } from '#shared/adapters/dynamodb/dynamodb-idempotency-store.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { DynamoDbOrganisationRepository } from '#shared/adapters/dynamodb/dynamodb-organisation-repository.ts';
import { submitApplicationOperation } from '#shared/api/operations/applications.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { answerOncePerKey } from '#shared/http/idempotency-key.ts';
import { applicationResponse } from '#shared/http/views.ts';
import { submitApplication } from '#shared/use-cases/submit-application.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
  organisations: new DynamoDbOrganisationRepository(documentClient, table),
  documents: new DynamoDbDocumentRepository(documentClient, table),
  idempotency: new DynamoDbIdempotencyStore(documentClient, table),
  clock: systemClock,
};

// 202: submitted; the intake (Aktenzeichen, completeness, receipt) follows in the background.
export const handler = httpHandler(submitApplicationOperation, ({ params, caller, headers, language }) =>
  answerOncePerKey({
    headers,
    request: { method: 'POST', path: `/api/applications/${params.id}/submit` },
    run: (idempotency) => submitApplication(deps, caller, params.id, idempotency),
    answer: (submitted) => applicationResponse(202, submitted, language),
  }),
);
