import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbAssignmentRelease } from '#shared/adapters/dynamodb/dynamodb-assignment-release.ts';
import {
  DynamoDbAssignmentRepository,
  DynamoDbStaffDirectory,
} from '#shared/adapters/dynamodb/dynamodb-review-repository.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { releaseAssignments } from '#shared/use-cases/withdrawal/release-assignments.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';
import { WorkflowInput } from '#shared/workflows/workflow-input.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  assignments: new DynamoDbAssignmentRepository(documentClient, table),
  staff: new DynamoDbStaffDirectory(documentClient, table),
  release: new DynamoDbAssignmentRelease(documentClient, table),
  clock: systemClock,
};

export const handler = taskHandler(WorkflowInput, (input) => releaseAssignments(deps, input));
