import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbAssignmentRepository } from '#shared/adapters/dynamodb/dynamodb-review-repository.ts';
import { requestMissingDocumentsOperation } from '#shared/api/operations/review-nachforderung.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { requestMissingDocuments } from '#shared/use-cases/review/request-missing-documents.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  assignments: new DynamoDbAssignmentRepository(documentClient, table),
  clock: systemClock,
};

export const handler = httpHandler(requestMissingDocumentsOperation, async ({ params, caller, body }) => {
  const next = await requestMissingDocuments(deps, caller, params.id, body);
  const nachforderung = next.nachforderung as NonNullable<typeof next.nachforderung>;
  return {
    status: 200,
    body: {
      applicationId: next.id,
      status: 'INCOMPLETE' as const,
      version: next.version,
      requestedAt: nachforderung.requestedAt,
      dueAt: nachforderung.dueAt,
      items: nachforderung.items.length,
      message: {
        de: 'Die Nachforderung ist gespeichert; die Antragstellenden werden per E-Mail benachrichtigt.',
        en: 'The request is recorded; the applicant is notified by email.',
      },
    },
  };
});
