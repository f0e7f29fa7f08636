import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbDocumentRepository } from '#shared/adapters/dynamodb/dynamodb-document-repository.ts';
import { DynamoDbEmailClaims } from '#shared/adapters/dynamodb/dynamodb-email-claims.ts';
import { documentsS3Client, lettersBucket } from '#shared/adapters/s3-document-store.ts';
import { S3SubmittedCopies } from '#shared/adapters/s3-submitted-copies.ts';
import { SesMailer } from '#shared/adapters/ses-mailer.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { sendReceipt } from '#shared/use-cases/intake/send-receipt.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';
import { WorkflowInput } from '#shared/workflows/workflow-input.ts';

const table = tableName();
const from = process.env.MAIL_FROM;
if (!from) throw new Error('MAIL_FROM is not set');

const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  documents: new DynamoDbDocumentRepository(documentClient, table),
  copies: new S3SubmittedCopies(documentsS3Client(), lettersBucket()),
  claims: new DynamoDbEmailClaims(documentClient, table),
  mailer: new SesMailer(from),
  clock: systemClock,
  // A claimed email without a recorded send needs a person to look: say so where alarms look.
  report: (message: string) => console.error(JSON.stringify({ level: 'ERROR', message })),
};

export const handler = taskHandler(WorkflowInput, (input) => sendReceipt(deps, input));
