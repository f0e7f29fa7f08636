import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ClaimResult, EmailClaims } from '../../ports/email-claims.ts';
import { keys } from './keys.ts';

export class DynamoDbEmailClaims implements EmailClaims {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
  }

  async claim(
    key: { applicationId: string; eventKey: string; template: string; to: string },
    at: string,
  ): Promise<ClaimResult> {
    const itemKey = keys.emailClaim(key.applicationId, key.eventKey, key.template);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...itemKey, itemType: 'EmailClaim', ...key, claimedAt: at },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const { Item } = await this.client.send(
        new GetCommand({ TableName: this.table, Key: itemKey, ConsistentRead: true }),
      );
      return Item?.sentAt ? 'already-sent' : 'claimed-not-sent';
    }
  }

  async recordSent(
    key: { applicationId: string; eventKey: string; template: string },
    messageId: string,
    at: string,
  ): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.emailClaim(key.applicationId, key.eventKey, key.template),
        UpdateExpression: 'SET sentAt = :at, messageId = :id',
        ExpressionAttributeValues: { ':at': at, ':id': messageId },
      }),
    );
  }
}
