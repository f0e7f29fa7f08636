import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Assignment } from '../../domain/review.ts';
import type { AssignmentRelease } from '../../use-cases/withdrawal/release-assignments.ts';
import { keys } from './keys.ts';

/** Releases an assignment: out of the reviewer's queue (sparse gsi3 keys removed), workload −1, at once. */
export class DynamoDbAssignmentRelease implements AssignmentRelease {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
  }

  async release(assignment: Assignment, at: string, reviewerInDirectory: boolean): Promise<boolean> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: keys.assignment(assignment.applicationId, assignment.role),
                UpdateExpression: 'SET releasedAt = :at REMOVE gsi3pk, gsi3sk',
                ConditionExpression:
                  'reviewerSub = :sub AND attribute_not_exists(assessedAt) AND attribute_not_exists(releasedAt)',
                ExpressionAttributeValues: { ':at': at, ':sub': assignment.reviewerSub },
              },
            },
            ...(reviewerInDirectory
              ? [
                  {
                    Update: {
                      TableName: this.table,
                      Key: keys.staff(assignment.reviewerSub),
                      UpdateExpression: 'ADD openAssignments :minusOne',
                      ConditionExpression: 'attribute_exists(pk)',
                      ExpressionAttributeValues: { ':minusOne': -1 },
                    },
                  },
                ]
              : []),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }
}
