import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  paginateQuery,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { ApplicationStatus } from '../../api/schemas/application.schema.ts';
import type { ApplicationDocument } from '../../domain/document.ts';
import { ConcurrentChangeError } from '../../domain/errors.ts';
import type { DocumentRepository } from '../../ports/document-repository.ts';
import { keys, withoutKeys } from './keys.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * The statuses in which an application's documents may change: those `isEditable` accepts (a unit
 * test keeps the two in step). Written out here because DynamoDB checks them in the transaction.
 */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ['DRAFT', 'INCOMPLETE'];

/** Transactions that collide with another one on the same items are retried this often. */
const CONFLICT_ATTEMPTS = 3;

export class DynamoDbDocumentRepository implements DocumentRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
  }

  async listByApplication(applicationId: string): Promise<ApplicationDocument[]> {
    const documents: ApplicationDocument[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :doc)',
        ExpressionAttributeValues: { ':pk': keys.application(applicationId).pk, ':doc': 'DOC#' },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) documents.push(withoutKeys<ApplicationDocument>(item));
    }
    // Keys carry random ids; upload order is the order people expect.
    return documents.sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || a.id.localeCompare(b.id));
  }

  async get(applicationId: string, documentId: string): Promise<ApplicationDocument | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.table,
        Key: keys.document(applicationId, documentId),
        ConsistentRead: true,
      }),
    );
    return Item ? withoutKeys<ApplicationDocument>(Item) : undefined;
  }

  async create(document: ApplicationDocument): Promise<void> {
    await this.transact([
      this.applicationEditable(document.applicationId),
      {
        Put: {
          TableName: this.table,
          Item: this.item(document),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ]);
  }

  async settle(
    settled: ApplicationDocument,
    effects: { replaced: readonly ApplicationDocument[]; stillPending: readonly ApplicationDocument[] },
  ): Promise<void> {
    await this.transact([
      this.applicationEditable(settled.applicationId),
      {
        Put: {
          TableName: this.table,
          Item: this.item(settled),
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending' },
        },
      },
      ...effects.replaced.map(
        (replaced): TransactItem => ({
          Delete: {
            TableName: this.table,
            Key: keys.document(replaced.applicationId, replaced.id),
            ConditionExpression: '#status = :status',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':status': replaced.status },
          },
        }),
      ),
      // A pending document of the type that was verified meanwhile would have to be replaced too:
      // if one is no longer pending, this fails and the caller reads the documents again.
      ...effects.stillPending.map(
        (pending): TransactItem => ({
          ConditionCheck: {
            TableName: this.table,
            Key: keys.document(pending.applicationId, pending.id),
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pending': 'pending' },
          },
        }),
      ),
    ]);
  }

  async delete(document: ApplicationDocument): Promise<void> {
    await this.transact([
      this.applicationEditable(document.applicationId),
      {
        Delete: {
          TableName: this.table,
          Key: keys.document(document.applicationId, document.id),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
    ]);
  }

  private item(document: ApplicationDocument) {
    return { ...keys.document(document.applicationId, document.id), itemType: 'Document', ...document };
  }

  /** Documents change only with an editable application: a submit in between makes the write fail. */
  private applicationEditable(applicationId: string): TransactItem {
    const names = EDITABLE_STATUSES.map((_, index) => `:editable${index}`);
    return {
      ConditionCheck: {
        TableName: this.table,
        Key: keys.application(applicationId),
        ConditionExpression: `#status IN (${names.join(', ')})`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: Object.fromEntries(
          EDITABLE_STATUSES.map((status, index) => [names[index], status]),
        ),
      },
    };
  }

  /**
   * Runs the transaction. A failed condition is a ConcurrentChangeError (nothing written); a collision
   * with another transaction in flight on the same items (an autosave of the application, say) is
   * retried, since nothing was decided by it.
   */
  private async transact(items: TransactItem[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: items }));
        return;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
        if (codes.includes('ConditionalCheckFailed')) throw new ConcurrentChangeError();
        if (!codes.includes('TransactionConflict') || attempt >= CONFLICT_ATTEMPTS) {
          throw codes.includes('TransactionConflict') ? new ConcurrentChangeError() : error;
        }
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
      }
    }
  }
}
