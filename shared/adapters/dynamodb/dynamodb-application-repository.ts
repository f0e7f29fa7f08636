import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Application, ApplicationEvent } from '../../domain/application.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import { keys, withoutKeys } from './keys.ts';

export class DynamoDbApplicationRepository implements ApplicationRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
  }

  async create(application: Application, event: ApplicationEvent): Promise<void> {
    // The application and its first event are written together, or not at all.
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.table,
              Item: {
                ...keys.application(application.id),
                ...keys.applicationIndex(application.orgId, application.createdAt, application.id),
                itemType: 'Application',
                ...application,
              },
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

  async get(id: string): Promise<Application | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: keys.application(id), ConsistentRead: true }),
    );
    return Item ? withoutKeys<Application>(Item) : undefined;
  }
}
