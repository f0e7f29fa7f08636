import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbDocumentRepository } from '#shared/adapters/dynamodb/dynamodb-document-repository.ts';
import { DynamoDbOrganisationRepository } from '#shared/adapters/dynamodb/dynamodb-organisation-repository.ts';
import { documentsS3Client, lettersBucket } from '#shared/adapters/s3-document-store.ts';
import { S3SubmittedCopies } from '#shared/adapters/s3-submitted-copies.ts';
import { loadLetterFonts } from '#shared/letters/fonts.ts';
import { renderSubmittedCopy } from '#shared/use-cases/intake/render-submitted-copy.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';
import { WorkflowInput } from '#shared/workflows/workflow-input.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  organisations: new DynamoDbOrganisationRepository(documentClient, table),
  documents: new DynamoDbDocumentRepository(documentClient, table),
  copies: new S3SubmittedCopies(documentsS3Client(), lettersBucket()),
  fonts: loadLetterFonts,
};

export const handler = taskHandler(WorkflowInput, (input) => renderSubmittedCopy(deps, input));
