import { describe, expect, it } from 'vitest';
import { percentile } from '../../../bench/support/percentiles.ts';
import { inWaves, isWrite, repeatable } from '../../../bench/support/sdk-replay.ts';

describe('percentile (nearest rank)', () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted

  it('reports a measured sample: p50 of 1…100 is 50, p99 is 99, p100 the largest', () => {
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
  });

  it('gives the largest sample as p99 of fewer than 100 samples', () => {
    expect(percentile([3, 1, 2], 99)).toBe(3);
    expect(percentile([3, 1, 2], 50)).toBe(2);
  });

  it('refuses no samples and percentiles outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow();
    expect(() => percentile([1], 0)).toThrow();
    expect(() => percentile([1], 101)).toThrow();
  });
});

describe('replaying the DynamoDB calls a handler made', () => {
  it('groups calls that ran at the same time into one wave, and sequential calls into waves of their own', () => {
    const calls = [
      { id: 'application', startedAt: 0, endedAt: 5 },
      { id: 'call', startedAt: 6, endedAt: 10 },
      { id: 'organisation', startedAt: 6.2, endedAt: 9 },
      { id: 'documents', startedAt: 6.3, endedAt: 11 },
      { id: 'save', startedAt: 12, endedAt: 20 },
    ];
    expect(inWaves(calls).map((wave) => wave.map((call) => call.id))).toEqual([
      ['application'],
      ['call', 'organisation', 'documents'],
      ['save'],
    ]);
  });

  it('drops a write’s condition and the values only the condition used, keeping what the update uses', () => {
    const replayed = repeatable({
      command: 'UpdateItemCommand',
      input: {
        TableName: 't',
        Key: { pk: { S: 'A' } },
        UpdateExpression: 'SET #s = :submitted, version = :next',
        ConditionExpression: 'version = :expected AND #s = :draft',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':submitted': { S: 'SUBMITTED' },
          ':next': { N: '3' },
          ':expected': { N: '2' },
          ':draft': { S: 'DRAFT' },
        },
      },
    });
    expect(replayed).toEqual({
      TableName: 't',
      Key: { pk: { S: 'A' } },
      UpdateExpression: 'SET #s = :submitted, version = :next',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':submitted': { S: 'SUBMITTED' }, ':next': { N: '3' } },
    });
  });

  it('leaves a transaction’s condition checks out and strips the conditions of its writes', () => {
    const replayed = repeatable({
      command: 'TransactWriteItemsCommand',
      input: {
        TransactItems: [
          { ConditionCheck: { TableName: 't', Key: {}, ConditionExpression: 'attribute_exists(pk)' } },
          {
            Put: {
              TableName: 't',
              Item: { pk: { S: 'A' } },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      },
    });
    expect(replayed).toEqual({ TransactItems: [{ Put: { TableName: 't', Item: { pk: { S: 'A' } } } }] });
  });

  it('sends reads as they were, and tells writes from reads', () => {
    const query = {
      command: 'QueryCommand',
      input: { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: 'A' } } },
    };
    expect(repeatable(query)).toBe(query.input);
    expect(isWrite(query)).toBe(false);
    expect(isWrite({ command: 'TransactWriteItemsCommand' })).toBe(true);
  });
});
