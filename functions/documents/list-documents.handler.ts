import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbDocumentRepository } from '#shared/adapters/dynamodb/dynamodb-document-repository.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { listDocumentsOperation } from '#shared/api/operations/documents.ts';
import { toDocumentView } from '#shared/http/document-views.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { listDocuments } from '#shared/use-cases/documents/list-documents.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
  documents: new DynamoDbDocumentRepository(documentClient, table),
};

export const handler = httpHandler(listDocumentsOperation, async ({ params, caller, language }) => {
  const documents = await listDocuments(deps, caller, params.id);
  return { status: 200, body: { items: documents.map((document) => toDocumentView(document, language)) } };
});
