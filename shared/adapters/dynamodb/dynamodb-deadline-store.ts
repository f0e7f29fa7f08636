import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Application, ApplicationEvent } from '../../domain/application.ts';
import { ConcurrentChangeError } from '../../domain/errors.ts';
import type { Workflow } from '../../domain/lifecycle.ts';
import type { Assignment } from '../../domain/review.ts';
import type { DeadlineStore } from '../../ports/deadline-store.ts';
import { DynamoDbApplicationRepository } from './dynamodb-application-repository.ts';
import { keys, withoutKeys } from './keys.ts';

/** Where a closed application waits for its closing email (gsi4, beside the open Nachforderungen). */
const CLOSING_EMAIL_PARTITION = 'NOTIFY#CLOSED_INCOMPLETE';

export class DynamoDbDeadlineStore implements DeadlineStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly applications: DynamoDbApplicationRepository;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
    this.applications = new DynamoDbApplicationRepository(client, table);
  }

  private async query(input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>) {
    const { Items } = await this.client.send(new QueryCommand({ TableName: this.table, ...input }));
    return Items ?? [];
  }

  async overdueNachforderungen(before: string, limit: number): Promise<string[]> {
    // gsi4sk is `<dueAt>#<id>`: everything sorting below `before` was due before it.
    const items = await this.query({
      IndexName: 'gsi4',
      KeyConditionExpression: 'gsi4pk = :due AND gsi4sk < :before',
      ExpressionAttributeValues: { ':due': 'DUE#NACHFORDERUNG', ':before': before },
      Limit: limit,
    });
    return items.map((item) => item.id as string);
  }

  async appealPeriodsEndedBefore(before: string, limit: number): Promise<string[]> {
    return this.dueBefore('DUE#APPEAL_PERIOD', before, limit);
  }

  async letterRemindersDueBefore(before: string, limit: number): Promise<string[]> {
    return this.dueBefore('DUE#LETTER_REMINDER', before, limit);
  }

  /** One due-date partition of gsi4 up to `before` (its sort keys lead with a UTC instant, see keys.ts). */
  private async dueBefore(partition: string, before: string, limit: number): Promise<string[]> {
    const items = await this.query({
      IndexName: 'gsi4',
      KeyConditionExpression: 'gsi4pk = :due AND gsi4sk < :before',
      ExpressionAttributeValues: { ':due': partition, ':before': before },
      Limit: limit,
    });
    return items.map((item) => item.id as string);
  }

  async closeIncomplete(
    next: Application,
    event: ApplicationEvent,
    expectedVersion: number,
    release: readonly Assignment[],
  ): Promise<void> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                // Out of the due-date partition, into the closing-email one until the email is sent.
                Item: {
                  ...this.applications.itemOf(next),
                  gsi4pk: CLOSING_EMAIL_PARTITION,
                  gsi4sk: `${next.updatedAt}#${next.id}`,
                },
                ConditionExpression: 'version = :expected AND #status = :incomplete',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':expected': expectedVersion, ':incomplete': 'INCOMPLETE' },
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: { ...keys.event(event.applicationId, event.version), itemType: 'Event', ...event },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            // Released: out of the reviewer's queue (sparse gsi3) and off their workload.
            ...release.flatMap((assignment) => [
              {
                Update: {
                  TableName: this.table,
                  Key: keys.assignment(assignment.applicationId, assignment.role),
                  UpdateExpression: 'SET releasedAt = :at REMOVE gsi3pk, gsi3sk',
                  ConditionExpression:
                    'reviewerSub = :sub AND attribute_not_exists(assessedAt) AND attribute_exists(gsi3pk)',
                  ExpressionAttributeValues: { ':at': next.updatedAt, ':sub': assignment.reviewerSub },
                },
              },
              {
                Update: {
                  TableName: this.table,
                  Key: keys.staff(assignment.reviewerSub),
                  UpdateExpression: 'ADD openAssignments :minusOne',
                  ConditionExpression: 'attribute_exists(pk)',
                  ExpressionAttributeValues: { ':minusOne': -1 },
                },
              },
            ]),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw new ConcurrentChangeError();
      throw error;
    }
  }

  async closedAwaitingEmail(limit: number): Promise<string[]> {
    const items = await this.query({
      IndexName: 'gsi4',
      KeyConditionExpression: 'gsi4pk = :notify',
      ExpressionAttributeValues: { ':notify': CLOSING_EMAIL_PARTITION },
      Limit: limit,
    });
    return items.map((item) => item.id as string);
  }

  async closingEmailDone(applicationId: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.application(applicationId),
          UpdateExpression: 'REMOVE gsi4pk, gsi4sk',
          ConditionExpression: 'gsi4pk = :notify',
          ExpressionAttributeValues: { ':notify': CLOSING_EMAIL_PARTITION },
        }),
      );
    } catch (error) {
      // Already done by an earlier attempt: nothing left to do.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async openAssignmentsDue(
    reviewerSub: string,
    from: string,
    to: string,
    limit: number,
  ): Promise<Assignment[]> {
    // gsi3sk is `<dueAt>#<applicationId>#<role>`; the range on its leading due date is the window.
    const items = await this.query({
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :reviewer AND gsi3sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':reviewer': `REVIEWER#${reviewerSub}`,
        ':from': from,
        ':to': `${to}#\uffff`,
      },
      Limit: limit,
    });
    return items.map((item) => withoutKeys<Assignment>(item));
  }

  async stalePendingWork(
    workflow: Workflow,
    before: string,
    limit: number,
  ): Promise<{ id: string; pendingSince: string }[]> {
    const items = await this.query({
      IndexName: 'pending',
      KeyConditionExpression: 'pendingWork = :workflow AND pendingSince < :before',
      ExpressionAttributeValues: { ':workflow': workflow, ':before': before },
      Limit: limit,
    });
    return items.map((item) => ({ id: item.id as string, pendingSince: item.pendingSince as string }));
  }

  async remarkPendingWork(id: string, pendingSince: string, now: string): Promise<boolean> {
    try {
      // A new pendingSince is a new marking: the stream passes it and the dispatcher starts the workflow.
      await this.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.application(id),
          UpdateExpression: 'SET pendingSince = :now',
          ConditionExpression: 'pendingSince = :since',
          ExpressionAttributeValues: { ':since': pendingSince, ':now': now },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
