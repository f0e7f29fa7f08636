import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { NotFoundError, StaleVersionError } from '../../domain/errors.ts';
import type { Membership, Organisation } from '../../domain/organisation.ts';
import type { OrganisationRepository } from '../../ports/organisation-repository.ts';
import { membershipItem } from './dynamodb-membership-repository.ts';
import { keys, withoutKeys } from './keys.ts';

/** BatchGetItem takes at most 100 keys per request. */
const BATCH_SIZE = 100;

export class DynamoDbOrganisationRepository implements OrganisationRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
  }

  private item(organisation: Organisation) {
    return { ...keys.organisation(organisation.id), itemType: 'Organisation', ...organisation };
  }

  async create(organisation: Organisation, owner: Membership): Promise<void> {
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.table,
              Item: this.item(organisation),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: this.table,
              Item: membershipItem(owner),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
  }

  /** Writes an organisation as it is, without conditions: for the demo seed only, never on a request. */
  async put(organisation: Organisation): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.table, Item: this.item(organisation) }));
  }

  async get(orgId: string): Promise<Organisation | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: keys.organisation(orgId), ConsistentRead: true }),
    );
    return Item ? withoutKeys<Organisation>(Item) : undefined;
  }

  async getMany(orgIds: readonly string[]): Promise<Organisation[]> {
    const found: Organisation[] = [];
    const unique = [...new Set(orgIds)];
    for (let start = 0; start < unique.length; start += BATCH_SIZE) {
      let pending: Record<string, unknown>[] | undefined = unique
        .slice(start, start + BATCH_SIZE)
        .map((id) => keys.organisation(id));
      // DynamoDB may hand back some keys unprocessed under load: ask again, with a short backoff.
      for (let attempt = 0; pending && pending.length > 0; attempt++) {
        if (attempt > 0) {
          if (attempt > 5) throw new Error('BatchGetItem left keys unprocessed after retries');
          await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 25));
        }
        const result: BatchGetCommandOutput = await this.client.send(
          new BatchGetCommand({ RequestItems: { [this.table]: { Keys: pending } } }),
        );
        for (const item of result.Responses?.[this.table] ?? []) found.push(withoutKeys<Organisation>(item));
        pending = result.UnprocessedKeys?.[this.table]?.Keys;
      }
    }
    return found;
  }

  async replace(next: Organisation, expectedVersion: number): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: this.item(next),
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const current = await this.get(next.id);
      if (!current) throw new NotFoundError('organisation');
      throw new StaleVersionError(current.version);
    }
  }
}
