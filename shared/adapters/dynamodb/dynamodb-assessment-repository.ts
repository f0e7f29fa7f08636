import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, paginateQuery, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Application, ApplicationEvent } from '../../domain/application.ts';
import type { Assessment } from '../../domain/assessment.ts';
import { ConcurrentChangeError } from '../../domain/errors.ts';
import type { AssessmentRepository } from '../../ports/assessment-repository.ts';
import { DynamoDbApplicationRepository } from './dynamodb-application-repository.ts';
import { keys, withoutKeys } from './keys.ts';

export class DynamoDbAssessmentRepository implements AssessmentRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly applications: DynamoDbApplicationRepository;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
    this.applications = new DynamoDbApplicationRepository(client, table);
  }

  async listByApplication(applicationId: string): Promise<Assessment[]> {
    const assessments: Assessment[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :assessment)',
        ExpressionAttributeValues: { ':pk': `APP#${applicationId}`, ':assessment': 'ASSESSMENT#' },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) assessments.push(withoutKeys<Assessment>(item));
    }
    return assessments;
  }

  async record(input: {
    assessment: Assessment;
    next: Application;
    event: ApplicationEvent;
    expectedVersion: number;
    reviewerInDirectory: boolean;
  }): Promise<void> {
    const { assessment } = input;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: {
                  ...keys.assessment(assessment.applicationId, assessment.role),
                  itemType: 'Assessment',
                  ...assessment,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              // Closed: out of the reviewer's queue (the sparse gsi3 keys go), no longer open workload.
              Update: {
                TableName: this.table,
                Key: keys.assignment(assessment.applicationId, assessment.role),
                UpdateExpression: 'SET assessedAt = :at REMOVE gsi3pk, gsi3sk',
                ExpressionAttributeNames: { '#conflict': 'conflict' },
                ConditionExpression:
                  'reviewerSub = :me AND declaration.#conflict = :false AND attribute_not_exists(assessedAt)',
                ExpressionAttributeValues: {
                  ':at': assessment.submittedAt,
                  ':me': assessment.reviewerSub,
                  ':false': false,
                },
              },
            },
            ...(input.reviewerInDirectory
              ? [
                  {
                    Update: {
                      TableName: this.table,
                      Key: keys.staff(assessment.reviewerSub),
                      UpdateExpression: 'ADD openAssignments :minusOne',
                      ConditionExpression: 'attribute_exists(pk)',
                      ExpressionAttributeValues: { ':minusOne': -1 },
                    },
                  },
                ]
              : []),
            {
              Put: {
                TableName: this.table,
                Item: this.applications.itemOf(input.next),
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': input.expectedVersion },
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: {
                  ...keys.event(input.event.applicationId, input.event.version),
                  itemType: 'Event',
                  ...input.event,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw new ConcurrentChangeError();
      throw error;
    }
  }
}
