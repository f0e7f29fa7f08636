import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { MembershipRepository } from '../../ports/membership-repository.ts';
import { keys } from './keys.ts';

export class DynamoDbMembershipRepository implements MembershipRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
  }

  async isMember(orgId: string, sub: string): Promise<boolean> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: keys.membership(orgId, sub), ProjectionExpression: 'pk' }),
    );
    return Item !== undefined;
  }

  /** Adds a member (seeding now; invitations later). Idempotent: adding twice changes nothing. */
  async add(orgId: string, sub: string, role: 'owner' | 'member', at: string): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ...keys.membership(orgId, sub),
          ...keys.membershipIndex(orgId, sub),
          itemType: 'Membership',
          orgId,
          sub,
          role,
          joinedAt: at,
        },
      }),
    );
  }
}
