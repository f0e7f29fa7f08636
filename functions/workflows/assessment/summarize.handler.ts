import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbAssessmentRepository } from '#shared/adapters/dynamodb/dynamodb-assessment-repository.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { summarize } from '#shared/use-cases/assessment/summarize-assessments.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';
import { WorkflowInput } from '#shared/workflows/workflow-input.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  assessments: new DynamoDbAssessmentRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  clock: systemClock,
};

export const handler = taskHandler(WorkflowInput, (input) => summarize(deps, input));
