import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { MemberRole } from '../../api/schemas/membership.schema.ts';
import type { Membership } from '../../domain/organisation.ts';
import type { MembershipDirectory } from '../../ports/membership-repository.ts';
import { keys, withoutKeys } from './keys.ts';

/**
 * The stored membership item, with its gsi1 keys (a user's organisations). Shared with the adapters
 * that write a membership inside their own transaction (creating an organisation, accepting an
 * invitation), so the item has one shape.
 */
export function membershipItem(membership: Membership) {
  return {
    ...keys.membership(membership.orgId, membership.sub),
    ...keys.membershipIndex(membership.orgId, membership.sub),
    itemType: 'Membership',
    ...membership,
  };
}

/** Owners first, then everyone in the order they joined (the address breaks ties: seeded members). */
export function byRoleThenJoined(a: Membership, b: Membership): number {
  const rank = (m: Membership) => (m.role === 'owner' ? 0 : 1);
  return (
    rank(a) - rank(b) || a.joinedAt.localeCompare(b.joinedAt) || (a.email ?? '').localeCompare(b.email ?? '')
  );
}

export class DynamoDbMembershipRepository implements MembershipDirectory {
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

  async get(orgId: string, sub: string): Promise<Membership | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: keys.membership(orgId, sub), ConsistentRead: true }),
    );
    return Item ? withoutKeys<Membership>(Item) : undefined;
  }

  async listByOrganisation(orgId: string): Promise<Membership[]> {
    const members = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :member)',
      ExpressionAttributeValues: { ':pk': keys.organisation(orgId).pk, ':member': 'MEMBER#' },
      ConsistentRead: true,
    });
    return members.sort(byRoleThenJoined);
  }

  async listByUser(sub: string): Promise<Membership[]> {
    return this.queryAll({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :user AND begins_with(gsi1sk, :org)',
      ExpressionAttributeValues: { ':user': `USER#${sub}`, ':org': 'ORG#' },
    });
  }

  /**
   * Adds a member (seed and test set-up; the API adds members through its transactions). Idempotent:
   * adding twice changes nothing but the recorded values.
   */
  async add(orgId: string, sub: string, role: MemberRole, at: string, email?: string): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.table,
        Item: membershipItem({
          orgId,
          sub,
          role,
          joinedAt: at,
          ...(email ? { email: email.toLowerCase() } : {}),
        }),
      }),
    );
  }

  private async queryAll(input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>) {
    const memberships: Membership[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          ...input,
          TableName: this.table,
          ...(ExclusiveStartKey ? { ExclusiveStartKey } : {}),
        }),
      );
      for (const item of page.Items ?? []) memberships.push(withoutKeys<Membership>(item));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return memberships;
  }
}
