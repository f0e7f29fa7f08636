import { type DynamoDBDocumentClient, GetCommand, PutCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { Call } from '../../api/schemas/call.schema.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import { keys, withoutKeys } from './keys.ts';

export class DynamoDbCallRepository implements CallRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
  }

  async list(): Promise<Call[]> {
    const calls: Call[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :calls',
        ExpressionAttributeValues: { ':calls': 'CALLS' },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) calls.push(withoutKeys<Call>(item));
    }
    return calls;
  }

  async get(callId: string): Promise<Call | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: keys.call(callId) }),
    );
    return Item ? withoutKeys<Call>(Item) : undefined;
  }

  /** Writes a call (seeding and, later, the admin API). */
  async put(call: Call): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ...keys.call(call.id),
          ...keys.callsIndex(new Date(call.closesAt).toISOString(), call.id),
          itemType: 'Call',
          ...call,
        },
      }),
    );
  }
}
