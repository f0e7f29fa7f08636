import { randomUUID } from 'node:crypto';
import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbDocumentRepository } from '#shared/adapters/dynamodb/dynamodb-document-repository.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { documentsBucket, documentsS3Client, S3DocumentStore } from '#shared/adapters/s3-document-store.ts';
import { createDocumentOperation } from '#shared/api/operations/documents.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { toDocumentView } from '#shared/http/document-views.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { createDocument } from '#shared/use-cases/documents/create-document.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
  documents: new DynamoDbDocumentRepository(documentClient, table),
  store: new S3DocumentStore(documentsS3Client(), documentsBucket()),
  clock: systemClock,
  newId: randomUUID,
};

export const handler = httpHandler(createDocumentOperation, async ({ params, body, caller, language }) => {
  const created = await createDocument(deps, caller, { applicationId: params.id, body });
  return {
    status: 201,
    body: { document: toDocumentView(created.document, language), upload: created.upload },
  };
});
