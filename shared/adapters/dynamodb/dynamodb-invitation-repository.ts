import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Invitation, Membership } from '../../domain/organisation.ts';
import type { InvitationRepository } from '../../ports/invitation-repository.ts';
import { membershipItem } from './dynamodb-membership-repository.ts';
import { keys, withoutKeys } from './keys.ts';

export class DynamoDbInvitationRepository implements InvitationRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
  }

  async find(orgId: string, email: string): Promise<Invitation | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: keys.invitation(orgId, email), ConsistentRead: true }),
    );
    return Item ? withoutKeys<Invitation>(Item) : undefined;
  }

  async create(invitation: Invitation, now: string): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...keys.invitation(invitation.orgId, invitation.email),
            ...keys.invitationIndex(invitation.orgId, invitation.email),
            itemType: 'Invitation',
            ...invitation,
          },
          // Two members inviting the same address at once make one invitation, not two.
          ConditionExpression: 'attribute_not_exists(pk) OR #status <> :open OR expiresAt <= :now',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'open', ':now': now },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async recordSent(invitation: Invitation, at: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.invitation(invitation.orgId, invitation.email),
          UpdateExpression: 'SET lastSentAt = :at',
          ConditionExpression: 'id = :id',
          ExpressionAttributeValues: { ':at': at, ':id': invitation.id },
        }),
      );
    } catch (error) {
      // Replaced by a newer invitation meanwhile: that one records its own sends.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async listByOrganisation(orgId: string): Promise<Invitation[]> {
    return this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :invitation)',
      ExpressionAttributeValues: { ':pk': keys.organisation(orgId).pk, ':invitation': 'INVITATION#' },
      ConsistentRead: true,
    });
  }

  async listByEmail(email: string): Promise<Invitation[]> {
    return this.queryAll({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :invitee',
      ExpressionAttributeValues: { ':invitee': `INVITEE#${email.toLowerCase()}` },
    });
  }

  async accept(invitation: Invitation, membership: Membership, now: string): Promise<boolean> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: keys.invitation(invitation.orgId, invitation.email),
                UpdateExpression: 'SET #status = :accepted, acceptedAt = :now, acceptedBy = :sub',
                // Still this invitation (not a newer one to the same address), still open, not expired.
                ConditionExpression: 'id = :id AND #status = :open AND expiresAt > :now',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':accepted': 'accepted',
                  ':open': 'open',
                  ':now': now,
                  ':sub': membership.sub,
                  ':id': invitation.id,
                },
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: membershipItem(membership),
                // A second accept (or a concurrent one) can never make a second membership.
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }

  private async queryAll(input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>) {
    const invitations: Invitation[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          ...input,
          TableName: this.table,
          ...(ExclusiveStartKey ? { ExclusiveStartKey } : {}),
        }),
      );
      for (const item of page.Items ?? []) invitations.push(withoutKeys<Invitation>(item));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return invitations;
  }
}
