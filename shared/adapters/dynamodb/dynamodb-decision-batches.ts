import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { DecisionBatch } from '../../domain/decision-batch.ts';
import { ConcurrentChangeError, IdempotencyKeyTakenError } from '../../domain/errors.ts';
import type { IdempotencyRecord } from '../../domain/idempotency.ts';
import type { DecisionBatchStore } from '../../ports/decision-batch-store.ts';
import { idempotencyItem } from './dynamodb-application-repository.ts';
import { keys, withoutKeys } from './keys.ts';

/** The batch record of a competitive call, beside the call item (pk CALL#<callId>, sk BATCH). */
export class DynamoDbDecisionBatches implements DecisionBatchStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
  }

  async get(callId: string): Promise<DecisionBatch | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: keys.decisionBatch(callId), ConsistentRead: true }),
    );
    return Item ? withoutKeys<DecisionBatch>(Item) : undefined;
  }

  async start(batch: DecisionBatch): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.decisionBatch(batch.callId), itemType: 'DecisionBatch', ...batch },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async finish(
    batch: Pick<DecisionBatch, 'callId' | 'batchId' | 'decisions'> & { finishedAt: string },
    idempotency?: IdempotencyRecord,
  ): Promise<void> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: keys.decisionBatch(batch.callId),
                UpdateExpression: 'SET #status = :done, finishedAt = :at, decisions = :decisions',
                ConditionExpression: 'batchId = :batchId',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':done': 'done',
                  ':at': batch.finishedAt,
                  ':decisions': batch.decisions,
                  ':batchId': batch.batchId,
                },
              },
            },
            ...(idempotency
              ? [
                  {
                    Put: {
                      TableName: this.table,
                      Item: idempotencyItem(idempotency),
                      ConditionExpression: 'attribute_not_exists(pk)',
                    },
                  },
                ]
              : []),
          ],
        }),
      );
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      if (error.CancellationReasons?.[1]?.Code === 'ConditionalCheckFailed')
        throw new IdempotencyKeyTakenError();
      throw new ConcurrentChangeError();
    }
  }
}
