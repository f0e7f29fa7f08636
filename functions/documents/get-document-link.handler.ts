import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbDocumentRepository } from '#shared/adapters/dynamodb/dynamodb-document-repository.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { DynamoDbAssignmentRepository } from '#shared/adapters/dynamodb/dynamodb-review-repository.ts';
import { S3DocumentLinks } from '#shared/adapters/s3-document-links.ts';
import { documentsBucket, documentsS3Client } from '#shared/adapters/s3-document-store.ts';
import { getDocumentLinkOperation } from '#shared/api/operations/documents.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { documentLink } from '#shared/use-cases/documents/document-link.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
  assignments: new DynamoDbAssignmentRepository(documentClient, table),
  documents: new DynamoDbDocumentRepository(documentClient, table),
  links: new S3DocumentLinks(documentsS3Client(), documentsBucket()),
  clock: systemClock,
};

export const handler = httpHandler(getDocumentLinkOperation, async ({ params, caller }) => ({
  status: 200,
  body: await documentLink(deps, caller, { id: params.id, docId: params.docId }),
  // A signed link is for this caller, now: no cache may keep it.
  headers: { 'cache-control': 'no-store' },
}));
