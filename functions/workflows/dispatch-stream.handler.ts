import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { SfnWorkflowStarter } from '#shared/adapters/sfn-workflow-starter.ts';
import { workflowToStart } from '#shared/workflows/dispatch.ts';

const starter = new SfnWorkflowStarter();

const image = (value: Record<string, AttributeValue> | undefined) =>
  value ? unmarshall(value as Parameters<typeof unmarshall>[0]) : undefined;

/**
 * Reads the table's stream (filtered in CDK to application items with pending work) and runs the
 * workflow each change asks for, to its end. A record whose workflow does not succeed is reported, and
 * so is everything after it, so the stream delivers them again in order: no follow-up work is lost.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  for (const [index, record] of event.Records.entries()) {
    const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
    try {
      const input = workflowToStart(image(record.dynamodb?.NewImage), image(record.dynamodb?.OldImage));
      if (!input) continue;
      const run = await starter.run(input);
      if (run.status !== 'SUCCEEDED') {
        throw new Error(
          `${input.workflow} for ${input.applicationId} ended ${run.status}: ${run.error ?? ''} ${run.cause ?? ''}`,
        );
      }
    } catch (error) {
      console.error(
        JSON.stringify({
          level: 'ERROR',
          message: 'workflow dispatch failed',
          sequenceNumber,
          error: String(error),
        }),
      );
      return {
        batchItemFailures: event.Records.slice(index).map((r) => ({
          itemIdentifier: r.dynamodb?.SequenceNumber ?? '',
        })),
      };
    }
  }
  return { batchItemFailures: [] };
};
