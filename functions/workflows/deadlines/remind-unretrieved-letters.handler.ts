import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbDeadlineStore } from '#shared/adapters/dynamodb/dynamodb-deadline-store.ts';
import { DynamoDbEmailClaims } from '#shared/adapters/dynamodb/dynamodb-email-claims.ts';
import { SesMailer } from '#shared/adapters/ses-mailer.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { remindUnretrievedLetters } from '#shared/use-cases/deadlines/remind-unretrieved-letters.ts';
import { DeadlinesInput } from '#shared/workflows/deadlines-input.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';

const table = tableName();
const from = process.env.MAIL_FROM;
if (!from) throw new Error('MAIL_FROM is not set');

const deps = {
  deadlines: new DynamoDbDeadlineStore(documentClient, table),
  applications: new DynamoDbApplicationRepository(documentClient, table),
  claims: new DynamoDbEmailClaims(documentClient, table),
  mailer: new SesMailer(from),
  clock: systemClock,
  report: (message: string) => console.error(JSON.stringify({ level: 'ERROR', message })),
};

export const handler = taskHandler(DeadlinesInput, () => remindUnretrievedLetters(deps));
