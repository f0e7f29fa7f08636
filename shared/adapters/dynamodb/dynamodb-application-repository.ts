import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Application, ApplicationEvent } from '../../domain/application.ts';
import { ConcurrentChangeError } from '../../domain/errors.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import { keys, withoutKeys } from './keys.ts';

export class DynamoDbApplicationRepository implements ApplicationRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
  }

  /** The stored item: the record plus the keys of every index it belongs in. */
  private item(application: Application) {
    return {
      ...keys.application(application.id),
      ...keys.applicationIndex(application.orgId, application.createdAt, application.id),
      ...(application.status === 'DRAFT'
        ? {}
        : keys.callStatusIndex(
            application.callId,
            application.status,
            application.submittedAt ?? application.createdAt,
            application.id,
          )),
      itemType: 'Application',
      ...application,
    };
  }

  async create(application: Application, event: ApplicationEvent): Promise<void> {
    // The application and its first event are written together, or not at all.
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.table,
              Item: this.item(application),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: this.table,
              Item: { ...keys.event(event.applicationId, event.version), itemType: 'Event', ...event },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
  }

  async save(next: Application, event: ApplicationEvent, expectedVersion: number): Promise<void> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: this.item(next),
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': expectedVersion },
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: { ...keys.event(event.applicationId, event.version), itemType: 'Event', ...event },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw new ConcurrentChangeError();
      throw error;
    }
  }

  async get(id: string): Promise<Application | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: keys.application(id), ConsistentRead: true }),
    );
    return Item ? withoutKeys<Application>(Item) : undefined;
  }
}
