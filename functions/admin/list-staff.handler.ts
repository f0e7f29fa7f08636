import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbStaffDirectory } from '#shared/adapters/dynamodb/dynamodb-review-repository.ts';
import { listStaffOperation } from '#shared/api/operations/staff.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { listStaff } from '#shared/use-cases/staff/list-staff.ts';

const deps = { staff: new DynamoDbStaffDirectory(documentClient, tableName()) };

export const handler = httpHandler(listStaffOperation, async () => ({
  status: 200,
  body: { items: await listStaff(deps) },
  headers: { 'cache-control': 'no-store' },
}));
