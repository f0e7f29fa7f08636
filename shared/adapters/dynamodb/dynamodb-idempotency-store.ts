import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { IdempotencyReader, IdempotencyRecord } from '../../domain/idempotency.ts';
import { keys, withoutKeys } from './keys.ts';

/** Reads answers stored under Idempotency-Keys (they are written by the repositories, with the effect). */
export class DynamoDbIdempotencyStore implements IdempotencyReader {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
  }

  async find(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: keys.idempotency(scope, key), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { responseJson, ...rest } = withoutKeys<
      Omit<IdempotencyRecord, 'response'> & { responseJson: string }
    >(Item);
    return { ...rest, response: JSON.parse(responseJson) as IdempotencyRecord['response'] };
  }
}
