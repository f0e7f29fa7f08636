import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbDocumentRepository } from '#shared/adapters/dynamodb/dynamodb-document-repository.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { documentsBucket, documentsS3Client, S3DocumentStore } from '#shared/adapters/s3-document-store.ts';
import { deleteDocumentOperation } from '#shared/api/operations/documents.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { deleteDocument } from '#shared/use-cases/documents/delete-document.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
  documents: new DynamoDbDocumentRepository(documentClient, table),
  store: new S3DocumentStore(documentsS3Client(), documentsBucket()),
};

export const handler = httpHandler(deleteDocumentOperation, async ({ params, caller }) => {
  await deleteDocument(deps, caller, { applicationId: params.id, documentId: params.docId });
  return { status: 204 };
});
