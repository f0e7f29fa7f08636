import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbCallApplications } from '#shared/adapters/dynamodb/dynamodb-call-applications.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { moveUpAfterObjection } from '#shared/use-cases/objection-workflow/move-up-after-objection.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';
import { WorkflowInput } from '#shared/workflows/workflow-input.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  callApplications: new DynamoDbCallApplications(documentClient, table),
  clock: systemClock,
};

export const handler = taskHandler(WorkflowInput, (input) => moveUpAfterObjection(deps, input));
