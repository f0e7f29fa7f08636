import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { completePendingWork } from '#shared/use-cases/complete-pending-work.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';
import { WorkflowInput } from '#shared/workflows/workflow-input.ts';

const applications = new DynamoDbApplicationRepository(documentClient, tableName());

export const handler = taskHandler(WorkflowInput, (input) => completePendingWork({ applications }, input));
