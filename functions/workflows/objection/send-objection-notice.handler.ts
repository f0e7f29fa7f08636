import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbEmailClaims } from '#shared/adapters/dynamodb/dynamodb-email-claims.ts';
import { SesMailer } from '#shared/adapters/ses-mailer.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { sendObjectionNotice } from '#shared/use-cases/objection-workflow/send-objection-notice.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';
import { WorkflowInput } from '#shared/workflows/workflow-input.ts';

const table = tableName();
const from = process.env.MAIL_FROM;
if (!from) throw new Error('MAIL_FROM is not set');

const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  claims: new DynamoDbEmailClaims(documentClient, table),
  mailer: new SesMailer(from),
  clock: systemClock,
  // A claimed email without a recorded send needs a person to look: say so where alarms look.
  report: (message: string) => console.error(JSON.stringify({ level: 'ERROR', message })),
};

export const handler = taskHandler(WorkflowInput, (input) => sendObjectionNotice(deps, input));
