import { type DynamoDBDocumentClient, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { ApplicationStatus } from '../../api/schemas/application.schema.ts';
import type { Application } from '../../domain/application.ts';
import type { CallApplicationsReader } from '../../ports/call-applications.ts';
import { keys, withoutKeys } from './keys.ts';

/** A call's applications by status: one paged Query per status partition of gsi2 (it projects whole items). */
export class DynamoDbCallApplications implements CallApplicationsReader {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
  }

  async listByStatus(callId: string, statuses: readonly ApplicationStatus[]): Promise<Application[]> {
    const lists = await Promise.all(
      statuses.map(async (status) => {
        const found: Application[] = [];
        const pages = paginateQuery(
          { client: this.client },
          {
            TableName: this.table,
            IndexName: 'gsi2',
            KeyConditionExpression: 'gsi2pk = :partition',
            ExpressionAttributeValues: { ':partition': keys.callStatusIndex(callId, status, '', '').gsi2pk },
          },
        );
        for await (const page of pages) {
          for (const item of page.Items ?? []) found.push(withoutKeys<Application>(item));
        }
        return found;
      }),
    );
    return lists.flat();
  }
}
