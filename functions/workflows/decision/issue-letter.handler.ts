import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbOrganisationRepository } from '#shared/adapters/dynamodb/dynamodb-organisation-repository.ts';
import { documentsS3Client, lettersBucket } from '#shared/adapters/s3-document-store.ts';
import { S3LetterFiles } from '#shared/adapters/s3-letter-files.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { loadLetterFonts } from '#shared/letters/fonts.ts';
import { issueLetter } from '#shared/use-cases/decision-workflow/issue-letter.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';
import { WorkflowInput } from '#shared/workflows/workflow-input.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  organisations: new DynamoDbOrganisationRepository(documentClient, table),
  letters: new S3LetterFiles(documentsS3Client(), lettersBucket()),
  fonts: loadLetterFonts,
  clock: systemClock,
};

export const handler = taskHandler(WorkflowInput, (input) => issueLetter(deps, input));
