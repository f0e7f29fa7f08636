import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { reportedFailure } from '../../../infra/local/stream/stream-poller.ts';

const batch: DynamoDBRecord[] = [
  '000000000000000000008',
  '000000000000000000009',
  '000000000000000000010',
].map((SequenceNumber) => ({ eventID: SequenceNumber, dynamodb: { SequenceNumber } }));

describe('reportedFailure (ReportBatchItemFailures)', () => {
  it('is success without a response, without a list, or with an empty list', () => {
    expect(reportedFailure(undefined, batch)).toBeUndefined();
    expect(reportedFailure(null, batch)).toBeUndefined();
    expect(reportedFailure({}, batch)).toBeUndefined();
    expect(reportedFailure({ batchItemFailures: null }, batch)).toBeUndefined();
    expect(reportedFailure({ batchItemFailures: [] }, batch)).toBeUndefined();
  });

  it('retries from the lowest reported sequence number, compared as numbers', () => {
    const response = {
      batchItemFailures: [
        { itemIdentifier: '000000000000000000010' },
        { itemIdentifier: '000000000000000000009' },
      ],
    };

    expect(reportedFailure(response, batch)).toEqual({ sequenceNumber: '000000000000000000009', count: 2 });
  });

  it('fails the whole batch on an identifier that is empty, missing or not in the batch', () => {
    expect(reportedFailure({ batchItemFailures: [{ itemIdentifier: '' }] }, batch)).toEqual({
      invalid: 'itemIdentifier "" is empty or missing',
    });
    expect(reportedFailure({ batchItemFailures: [{ id: '000000000000000000009' }] }, batch)).toHaveProperty(
      'invalid',
    );
    expect(reportedFailure({ batchItemFailures: [null] }, batch)).toHaveProperty('invalid');
    // A common slip: the eventID instead of the SequenceNumber.
    expect(reportedFailure({ batchItemFailures: [{ itemIdentifier: 'some-event-id' }] }, batch)).toEqual({
      invalid: 'itemIdentifier some-event-id is not the SequenceNumber of a record in this batch',
    });
    expect(reportedFailure({ batchItemFailures: 'all' }, batch)).toEqual({
      invalid: 'batchItemFailures is not an array',
    });
    expect(reportedFailure('ok', batch)).toEqual({ invalid: 'response is a string' });
  });
});
