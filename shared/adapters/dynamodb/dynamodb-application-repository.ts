import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  paginateQuery,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type Application, type ApplicationEvent, formatReference } from '../../domain/application.ts';
import { letterReminderDueAt } from '../../domain/decision.ts';
import {
  ConcurrentChangeError,
  IdempotencyKeyTakenError,
  TransactionConflictError,
} from '../../domain/errors.ts';
import type { IdempotencyRecord } from '../../domain/idempotency.ts';
import {
  type ApplicationRepository,
  type BudgetChange,
  BudgetConditionFailedError,
} from '../../ports/application-repository.ts';
import { keys, withoutKeys } from './keys.ts';

export class DynamoDbApplicationRepository implements ApplicationRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
  }

  /** The stored item: the record plus the keys of every index it belongs in. */
  itemOf(application: Application) {
    return this.item(application);
  }

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
      ...this.dueIndex(application),
      itemType: 'Application',
      ...application,
    };
  }

  /** The one due date (gsi4) the application waits on in its status, if any (see keys.ts). */
  private dueIndex(application: Application) {
    const utc = (at: string) => new Date(at).toISOString();
    if (application.status === 'INCOMPLETE' && application.nachforderung) {
      return keys.nachforderungDueIndex(utc(application.nachforderung.dueAt), application.id);
    }
    if (application.status === 'NOTIFIED' && application.notification) {
      return keys.appealPeriodIndex(utc(application.notification.appealPeriodEndsAt), application.id);
    }
    const remindAt = letterReminderDueAt(application);
    return remindAt ? keys.letterReminderIndex(remindAt, application.id) : {};
  }

  async create(application: Application, event: ApplicationEvent): Promise<void> {
    // The application, its first event and the call's application count are written together, or not
    // at all. The count is what locks the call's rules (an admin's rule change requires it to be 0),
    // so a draft and a rule change cannot both slip through concurrently.
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.table,
              Key: keys.call(application.callId),
              UpdateExpression: 'ADD applicationCount :one',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
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

  async save(
    next: Application,
    event: ApplicationEvent,
    expectedVersion: number,
    options: {
      idempotency?: IdempotencyRecord;
      verifiedDocuments?: readonly string[];
      budget?: BudgetChange;
    } = {},
  ): Promise<void> {
    const { idempotency, verifiedDocuments = [], budget } = options;
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
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
    ];
    const idempotencyIndex = idempotency ? items.length : -1;
    if (idempotency) {
      items.push({
        Put: {
          TableName: this.table,
          Item: idempotencyItem(idempotency),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    const budgetIndex = budget ? items.length : -1;
    if (budget) items.push({ Update: budgetUpdate(this.table, budget) });
    // A document deleted or replaced between reading and writing would leave a submitted application
    // without what its check counted: the documents must still be as they were read.
    for (const documentId of verifiedDocuments) {
      items.push({
        ConditionCheck: {
          TableName: this.table,
          Key: keys.document(next.id, documentId),
          ConditionExpression: '#status = :verified',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':verified': 'verified' },
        },
      });
    }
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      // The answer stored under the key wins over a version conflict: the retry is answered with it.
      if (idempotencyIndex >= 0 && reasons[idempotencyIndex]?.Code === 'ConditionalCheckFailed') {
        throw new IdempotencyKeyTakenError();
      }
      // A version conflict means someone else decided first; only with the application unchanged is a
      // failed budget condition the budget's doing.
      if (
        budgetIndex >= 0 &&
        reasons[budgetIndex]?.Code === 'ConditionalCheckFailed' &&
        reasons[0]?.Code !== 'ConditionalCheckFailed'
      ) {
        throw new BudgetConditionFailedError();
      }
      if (reasons.some((reason) => reason.Code === 'TransactionConflict'))
        throw new TransactionConflictError();
      throw new ConcurrentChangeError();
    }
  }

  async listEvents(id: string): Promise<ApplicationEvent[]> {
    const events: ApplicationEvent[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :event)',
        ExpressionAttributeValues: { ':pk': `APP#${id}`, ':event': 'EVENT#' },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) events.push(withoutKeys<ApplicationEvent>(item));
    }
    return events;
  }

  async get(id: string): Promise<Application | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: keys.application(id), ConsistentRead: true }),
    );
    return Item ? withoutKeys<Application>(Item) : undefined;
  }

  async listByOrganisation(orgId: string): Promise<Application[]> {
    const applications: Application[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :org AND begins_with(gsi1sk, :app)',
        ExpressionAttributeValues: { ':org': `ORG#${orgId}`, ':app': 'APP#' },
        ScanIndexForward: false,
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) applications.push(withoutKeys<Application>(item));
    }
    return applications;
  }

  async assignReference(input: {
    id: string;
    prefix: string;
    expectedVersion: number;
    actor: string;
    at: string;
  }): Promise<string> {
    // Optimistic on the counter: read it, then write counter, application and event together on the
    // condition that nobody took the number meanwhile. Concurrent intakes of one call retry here.
    for (let attempt = 0; attempt < 20; attempt++) {
      const { Item: counter } = await this.client.send(
        new GetCommand({
          TableName: this.table,
          Key: keys.referenceCounter(input.prefix),
          ConsistentRead: true,
        }),
      );
      const current = (counter?.seq as number | undefined) ?? 0;
      const reference = formatReference(input.prefix, current + 1);
      const version = input.expectedVersion + 1;
      try {
        await this.client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.table,
                  Item: { ...keys.referenceCounter(input.prefix), itemType: 'Counter', seq: current + 1 },
                  ConditionExpression: current === 0 ? 'attribute_not_exists(pk)' : 'seq = :current',
                  ...(current === 0 ? {} : { ExpressionAttributeValues: { ':current': current } }),
                },
              },
              {
                Update: {
                  TableName: this.table,
                  Key: keys.application(input.id),
                  UpdateExpression:
                    'SET #reference = :reference, version = :version, updatedAt = :at, updatedBy = :actor',
                  ConditionExpression: 'version = :expected AND attribute_not_exists(#reference)',
                  ExpressionAttributeNames: { '#reference': 'reference' },
                  ExpressionAttributeValues: {
                    ':reference': reference,
                    ':version': version,
                    ':expected': input.expectedVersion,
                    ':at': input.at,
                    ':actor': input.actor,
                  },
                },
              },
              {
                Put: {
                  TableName: this.table,
                  Item: {
                    ...keys.event(input.id, version),
                    itemType: 'Event',
                    applicationId: input.id,
                    version,
                    at: input.at,
                    actor: input.actor,
                    type: 'REFERENCE_ALLOCATED',
                    to: 'SUBMITTED',
                    reason: reference,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        );
        return reference;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const [counterReason, applicationReason] = error.CancellationReasons ?? [];
        if (applicationReason?.Code === 'ConditionalCheckFailed') {
          const current = await this.get(input.id);
          if (current?.reference) return current.reference;
          throw new ConcurrentChangeError();
        }
        if (counterReason?.Code !== 'ConditionalCheckFailed') throw error;
        // Someone else took this number: read the counter again.
      }
    }
    throw new ConcurrentChangeError();
  }

  async clearPendingWork(id: string, pendingSince: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.application(id),
          UpdateExpression: 'REMOVE pendingWork, pendingSince',
          ConditionExpression: 'pendingSince = :since',
          ExpressionAttributeValues: { ':since': pendingSince },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

/**
 * An answer stored under an Idempotency-Key. The response is kept as its JSON text: a DynamoDB map
 * does not keep key order, and a retry should get the very same bytes.
 */
export function idempotencyItem(record: IdempotencyRecord) {
  const { response, ...rest } = record;
  return {
    ...keys.idempotency(record.scope, record.key),
    itemType: 'IdempotencyRecord',
    ...rest,
    responseJson: JSON.stringify(response),
  };
}

/**
 * The call's budget counter moved in a decision's transaction. DynamoDB conditions cannot add, so a
 * reservation conditions on the budget as read and on committed ≤ budget − amount: whatever runs
 * concurrently, the committed sum never passes the budget, and it moves only together with the
 * applications whose approvals it counts.
 */
function budgetUpdate(table: string, change: BudgetChange) {
  if ('releaseCents' in change) {
    return {
      TableName: table,
      Key: keys.call(change.callId),
      UpdateExpression: 'ADD committedCents :minus',
      ConditionExpression: 'committedCents >= :amount',
      ExpressionAttributeValues: { ':minus': -change.releaseCents, ':amount': change.releaseCents },
    };
  }
  const limit = change.budgetCents - change.reserveCents;
  return {
    TableName: table,
    Key: keys.call(change.callId),
    UpdateExpression: 'ADD committedCents :amount',
    ConditionExpression:
      limit < 0
        ? 'attribute_not_exists(pk)' // cannot fit at all: fails on the existing call
        : 'budgetCents = :budget AND (attribute_not_exists(committedCents) OR committedCents <= :limit)',
    ExpressionAttributeValues: {
      ':amount': change.reserveCents,
      ...(limit < 0 ? {} : { ':budget': change.budgetCents, ':limit': limit }),
    },
  };
}
