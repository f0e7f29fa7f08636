import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbDocumentRepository } from '#shared/adapters/dynamodb/dynamodb-document-repository.ts';
import { DynamoDbOrganisationRepository } from '#shared/adapters/dynamodb/dynamodb-organisation-repository.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { checkCompleteness } from '#shared/use-cases/intake/check-completeness.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';
import { WorkflowInput } from '#shared/workflows/workflow-input.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  organisations: new DynamoDbOrganisationRepository(documentClient, table),
  documents: new DynamoDbDocumentRepository(documentClient, table),
  clock: systemClock,
};

export const handler = taskHandler(WorkflowInput, (input) => checkCompleteness(deps, input));
