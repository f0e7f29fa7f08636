import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { DynamoDbAssignmentRepository } from '#shared/adapters/dynamodb/dynamodb-review-repository.ts';
import { documentsS3Client, lettersBucket } from '#shared/adapters/s3-document-store.ts';
import { S3LetterLinks } from '#shared/adapters/s3-letter-links.ts';
import { getLetterOperation } from '#shared/api/operations/notification.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { retrieveLetter } from '#shared/use-cases/notification/retrieve-letter.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
  assignments: new DynamoDbAssignmentRepository(documentClient, table),
  links: new S3LetterLinks(documentsS3Client(), lettersBucket()),
  clock: systemClock,
};

export const handler = httpHandler(getLetterOperation, async ({ params, caller }) => ({
  status: 200,
  body: await retrieveLetter(deps, caller, { id: params.id, letterId: params.letterId }),
  // A signed link is for this caller, now: no cache may keep it.
  headers: { 'cache-control': 'no-store' },
}));
