import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  paginateQuery,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConcurrentChangeError } from '../../domain/errors.ts';
import {
  type Assignment,
  type ConflictRecord,
  type Declaration,
  isActiveStaff,
  isOpen,
  type ReviewRole,
  type StaffMember,
} from '../../domain/review.ts';
import type {
  AssignmentRepository,
  Replaced,
  ReviewChange,
  StaffDirectory,
} from '../../ports/review-repository.ts';
import { keys, withoutKeys } from './keys.ts';

const toStaff = (item: Record<string, unknown>): StaffMember => {
  const staff = withoutKeys<StaffMember>(item);
  return { ...staff, openAssignments: staff.openAssignments ?? 0 };
};

export class DynamoDbStaffDirectory implements StaffDirectory {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
  }

  async get(sub: string): Promise<StaffMember | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: keys.staff(sub), ConsistentRead: true }),
    );
    return Item ? toStaff(Item) : undefined;
  }

  async listReviewers(): Promise<StaffMember[]> {
    const reviewers: StaffMember[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :reviewers',
        ExpressionAttributeValues: { ':reviewers': 'STAFF#REVIEWER' },
      },
    );
    for await (const page of pages) for (const item of page.Items ?? []) reviewers.push(toStaff(item));
    return reviewers;
  }

  async listApprovers(): Promise<Pick<StaffMember, 'sub' | 'email' | 'name'>[]> {
    const approvers: Pick<StaffMember, 'sub' | 'email' | 'name'>[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.table,
        KeyConditionExpression: 'pk = :approvers',
        ExpressionAttributeValues: { ':approvers': keys.approverListing('').pk },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        approvers.push({ sub: item.sub as string, email: item.email as string, name: item.name as string });
      }
    }
    return approvers;
  }

  async listAll(): Promise<StaffMember[]> {
    const staff: StaffMember[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :staff',
        ExpressionAttributeValues: { ':staff': keys.staffDirectoryIndex('').gsi2pk },
      },
    );
    for await (const page of pages) for (const item of page.Items ?? []) staff.push(toStaff(item));
    return staff;
  }

  async upsert(
    member: Omit<StaffMember, 'openAssignments'>,
    condition: { onlyWithoutOpenAssignments: boolean } = { onlyWithoutOpenAssignments: false },
  ): Promise<void> {
    // An update, not a put: the workload count moves concurrently with ADD and must survive a re-seed.
    // The approvers' listing moves with it in one transaction, so it never disagrees with the groups.
    // A deactivated member is in neither the reviewer index nor the approvers' listing.
    const active = isActiveStaff(member);
    const reviewer = active && member.groups.includes('reviewer');
    const approver = active && member.groups.includes('approver');
    const listing = keys.approverListing(member.sub);
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Update: this.staffUpdate(member, reviewer, condition.onlyWithoutOpenAssignments) },
            approver
              ? {
                  Put: {
                    TableName: this.table,
                    Item: {
                      ...listing,
                      itemType: 'ApproverListing',
                      sub: member.sub,
                      email: member.email,
                      name: member.name,
                    },
                  },
                }
              : { Delete: { TableName: this.table, Key: listing } },
          ],
        }),
      );
    } catch (error) {
      if (condition.onlyWithoutOpenAssignments && error instanceof TransactionCanceledException) {
        throw new ConcurrentChangeError();
      }
      throw error;
    }
  }

  private staffUpdate(
    member: Omit<StaffMember, 'openAssignments'>,
    reviewer: boolean,
    onlyWithoutOpenAssignments: boolean,
  ) {
    const sets = [
      'itemType = :type',
      '#sub = :sub',
      'email = :email',
      '#name = :name',
      '#groups = :groups',
      'gsi2pk = :gsi2pk',
      'gsi2sk = :gsi2sk',
    ];
    const removes: string[] = [];
    const directory = keys.staffDirectoryIndex(member.sub);
    const values: Record<string, unknown> = {
      ':type': 'Staff',
      ':sub': member.sub,
      ':email': member.email,
      ':name': member.name,
      ':groups': member.groups,
      ':gsi2pk': directory.gsi2pk,
      ':gsi2sk': directory.gsi2sk,
    };
    if (reviewer) {
      sets.push('gsi1pk = :gsi1pk', 'gsi1sk = :gsi1sk');
      Object.assign(values, keysAsValues(keys.staffReviewerIndex(member.sub)));
    } else {
      removes.push('gsi1pk', 'gsi1sk');
    }
    if (member.deactivatedAt) {
      sets.push('deactivatedAt = :deactivatedAt');
      values[':deactivatedAt'] = member.deactivatedAt;
    } else {
      removes.push('deactivatedAt');
    }
    if (onlyWithoutOpenAssignments) values[':zero'] = 0;
    return {
      TableName: this.table,
      Key: keys.staff(member.sub),
      UpdateExpression: `SET ${sets.join(', ')} REMOVE ${removes.join(', ')}`,
      ...(onlyWithoutOpenAssignments
        ? { ConditionExpression: 'attribute_not_exists(openAssignments) OR openAssignments <= :zero' }
        : {}),
      ExpressionAttributeNames: { '#sub': 'sub', '#name': 'name', '#groups': 'groups' },
      ExpressionAttributeValues: values,
    };
  }
}

const keysAsValues = (index: { gsi1pk: string; gsi1sk: string }) => ({
  ':gsi1pk': index.gsi1pk,
  ':gsi1sk': index.gsi1sk,
});

/** The stored assignment: in its reviewer's queue (gsi3) while it is open (the bench fills tables with it). */
export function assignmentItem(assignment: Assignment) {
  return {
    ...keys.assignment(assignment.applicationId, assignment.role),
    ...(isOpen(assignment)
      ? keys.assigneeIndex(
          assignment.reviewerSub,
          assignment.dueAt,
          assignment.applicationId,
          assignment.role,
        )
      : {}),
    itemType: 'Assignment',
    ...assignment,
  };
}

/** The role is unassigned, or still held (unassessed, and undeclared if asked) by the reviewer replaced. */
const heldBy = (replaces: Replaced | undefined) =>
  replaces === undefined
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: `reviewerSub = :holder AND attribute_not_exists(assessedAt)${
          replaces.undeclared ? ' AND attribute_not_exists(declaration)' : ''
        }`,
        ExpressionAttributeValues: { ':holder': replaces.reviewerSub },
      };

export class DynamoDbAssignmentRepository implements AssignmentRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
  }

  private async queryPartition<T>(applicationId: string, prefix: string): Promise<T[]> {
    const found: T[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `APP#${applicationId}`, ':prefix': prefix },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) for (const item of page.Items ?? []) found.push(withoutKeys<T>(item));
    return found;
  }

  listByApplication(applicationId: string): Promise<Assignment[]> {
    return this.queryPartition<Assignment>(applicationId, 'ASSIGNMENT#');
  }

  listConflicts(applicationId: string): Promise<ConflictRecord[]> {
    return this.queryPartition<ConflictRecord>(applicationId, 'CONFLICT#');
  }

  async commit(change: ReviewChange): Promise<void> {
    const { application } = change;
    const statusValues = Object.fromEntries(application.statuses.map((status, i) => [`:s${i}`, status]));
    const transactItems = [
      {
        Update: {
          TableName: this.table,
          Key: keys.application(application.id),
          UpdateExpression: 'SET version = :next',
          ConditionExpression: `version = :expected AND #status IN (${Object.keys(statusValues).join(', ')})`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':expected': application.expectedVersion,
            ':next': application.expectedVersion + change.events.length,
            ...statusValues,
          },
        },
      },
      ...change.events.map((event) => ({
        Put: {
          TableName: this.table,
          Item: { ...keys.event(event.applicationId, event.version), itemType: 'Event', ...event },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      })),
      ...change.assignments.map(({ assignment, replaces }) => ({
        Put: { TableName: this.table, Item: assignmentItem(assignment), ...heldBy(replaces) },
      })),
      ...(change.removes ?? []).map(({ role, replaces }) => ({
        Delete: { TableName: this.table, Key: keys.assignment(application.id, role), ...heldBy(replaces) },
      })),
      ...(change.conflicts ?? []).map((conflict) => ({
        Put: {
          TableName: this.table,
          Item: {
            ...keys.conflict(conflict.applicationId, conflict.reviewerSub),
            itemType: 'ConflictDeclaration',
            ...conflict,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      })),
      ...change.workload.map(({ sub, delta }) => ({
        Update: {
          TableName: this.table,
          Key: keys.staff(sub),
          UpdateExpression: 'ADD openAssignments :delta',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':delta': delta },
        },
      })),
    ];
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: transactItems }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw new ConcurrentChangeError();
      throw error;
    }
  }

  async declareNoConflict(
    applicationId: string,
    role: ReviewRole,
    reviewerSub: string,
    declaration: Declaration,
  ): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.assignment(applicationId, role),
          UpdateExpression: 'SET declaration = :declaration',
          ConditionExpression: 'reviewerSub = :me AND attribute_not_exists(declaration)',
          ExpressionAttributeValues: { ':declaration': declaration, ':me': reviewerSub },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
