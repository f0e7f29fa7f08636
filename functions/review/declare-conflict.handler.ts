import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbEmailClaims } from '#shared/adapters/dynamodb/dynamodb-email-claims.ts';
import {
  DynamoDbAssignmentRepository,
  DynamoDbStaffDirectory,
} from '#shared/adapters/dynamodb/dynamodb-review-repository.ts';
import { SesMailer } from '#shared/adapters/ses-mailer.ts';
import { declareConflictOperation } from '#shared/api/operations/review-assignments.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { declareConflict } from '#shared/use-cases/review/declare-conflict.ts';

const table = tableName();
const from = process.env.MAIL_FROM;
if (!from) throw new Error('MAIL_FROM is not set');
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  staff: new DynamoDbStaffDirectory(documentClient, table),
  assignments: new DynamoDbAssignmentRepository(documentClient, table),
  claims: new DynamoDbEmailClaims(documentClient, table),
  mailer: new SesMailer(from),
  clock: systemClock,
  // A role nobody can take, or an email that did not go out, needs a person: say so where alarms look.
  report: (message: string) => console.error(JSON.stringify({ level: 'ERROR', message })),
};

export const handler = httpHandler(declareConflictOperation, async ({ params, caller, body }) => ({
  status: 200,
  body: await declareConflict(deps, caller, params.id, body),
}));
