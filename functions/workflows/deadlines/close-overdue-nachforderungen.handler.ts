import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbDeadlineStore } from '#shared/adapters/dynamodb/dynamodb-deadline-store.ts';
import { DynamoDbAssignmentRepository } from '#shared/adapters/dynamodb/dynamodb-review-repository.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { closeOverdueNachforderungen } from '#shared/use-cases/deadlines/close-overdue-nachforderungen.ts';
import { DeadlinesInput } from '#shared/workflows/deadlines-input.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';

const table = tableName();
const deps = {
  deadlines: new DynamoDbDeadlineStore(documentClient, table),
  applications: new DynamoDbApplicationRepository(documentClient, table),
  assignments: new DynamoDbAssignmentRepository(documentClient, table),
  clock: systemClock,
};

export const handler = taskHandler(DeadlinesInput, () => closeOverdueNachforderungen(deps));
