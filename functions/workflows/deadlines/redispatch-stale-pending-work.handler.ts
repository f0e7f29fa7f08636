import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbDeadlineStore } from '#shared/adapters/dynamodb/dynamodb-deadline-store.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { redispatchStalePendingWork } from '#shared/use-cases/deadlines/redispatch-stale-pending-work.ts';
import { DeadlinesInput } from '#shared/workflows/deadlines-input.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';

const deps = {
  deadlines: new DynamoDbDeadlineStore(documentClient, tableName()),
  clock: systemClock,
  // A redispatch is worth a look (lost work is a symptom), so it is logged as a warning.
  report: (message: string) => console.warn(JSON.stringify({ level: 'WARN', message })),
};

export const handler = taskHandler(DeadlinesInput, () => redispatchStalePendingWork(deps));
