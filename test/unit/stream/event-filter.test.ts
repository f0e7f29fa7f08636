import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { compileFilters } from '../../../infra/local/stream/event-filter.ts';

/** A stream record in the Lambda event shape, with the given new image (DynamoDB JSON). */
function record(
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  newImage?: Record<string, AttributeValue>,
  extra: Record<string, unknown> = {},
): DynamoDBRecord {
  return {
    eventID: 'e1',
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-central-1',
    eventSourceARN: 'arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/2026-01-01T00:00:00.000',
    dynamodb: {
      ApproximateCreationDateTime: 1_767_225_600,
      Keys: { pk: { S: 'APP#1' } },
      ...(newImage ? { NewImage: newImage } : {}),
      SequenceNumber: '000000000000000000001',
      SizeBytes: 42,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    ...extra,
  };
}

/** Matches one pattern (given as an object, as CDK writes it) against a plain JSON event. */
function matches(pattern: unknown, event: unknown): boolean {
  return compileFilters([JSON.stringify(pattern)])(event as DynamoDBRecord);
}

describe('compileFilters with the dispatcher pattern', () => {
  const dispatcherPattern =
    '{"eventName":["INSERT","MODIFY"],"dynamodb":{"NewImage":{"itemType":{"S":["Application"]},"pendingWork":{"S":[{"exists":true}]}}}}';
  const filter = compileFilters([dispatcherPattern]);

  it('passes inserted and modified applications that carry pending work', () => {
    const image = { pk: { S: 'APP#1' }, itemType: { S: 'Application' }, pendingWork: { S: 'intake' } };

    expect(filter(record('INSERT', image))).toBe(true);
    expect(filter(record('MODIFY', image))).toBe(true);
  });

  it('drops removals, other item types, and applications without pending work', () => {
    const image = { pk: { S: 'APP#1' }, itemType: { S: 'Application' }, pendingWork: { S: 'intake' } };

    expect(filter(record('REMOVE', image))).toBe(false);
    expect(filter(record('REMOVE'))).toBe(false);
    expect(filter(record('INSERT', { ...image, itemType: { S: 'Call' } }))).toBe(false);
    expect(filter(record('INSERT', { pk: { S: 'APP#1' }, itemType: { S: 'Application' } }))).toBe(false);
  });

  it('does not match pendingWork of another DynamoDB type, or with a NULL value', () => {
    const base = { itemType: { S: 'Application' } };

    expect(filter(record('INSERT', { ...base, pendingWork: { N: '1' } }))).toBe(false);
    expect(filter(record('INSERT', { ...base, pendingWork: { NULL: true } }))).toBe(false);
    // An empty string is still a string that exists.
    expect(filter(record('INSERT', { ...base, pendingWork: { S: '' } }))).toBe(true);
  });
});

describe('compileFilters: patterns and filters', () => {
  it('lets everything through without patterns, like a mapping without FilterCriteria', () => {
    expect(compileFilters([])(record('REMOVE'))).toBe(true);
  });

  it('treats several patterns as OR', () => {
    const filter = compileFilters(['{"eventName":["INSERT"]}', '{"eventName":["REMOVE"]}']);

    expect(filter(record('INSERT'))).toBe(true);
    expect(filter(record('REMOVE'))).toBe(true);
    expect(filter(record('MODIFY'))).toBe(false);
  });

  it('requires every field of a pattern (AND) and any value of a list (OR)', () => {
    const pattern = { a: ['x', 'y'], b: { c: ['z'] } };

    expect(matches(pattern, { a: 'y', b: { c: 'z' } })).toBe(true);
    expect(matches(pattern, { a: 'w', b: { c: 'z' } })).toBe(false);
    expect(matches(pattern, { a: 'x', b: { c: 'q' } })).toBe(false);
    expect(matches(pattern, { a: 'x' })).toBe(false);
  });

  it('matches exact values by type: strings, numbers, booleans, null', () => {
    expect(matches({ v: ['5'] }, { v: '5' })).toBe(true);
    expect(matches({ v: ['5'] }, { v: 5 })).toBe(false);
    expect(matches({ v: [5] }, { v: 5.0 })).toBe(true);
    expect(matches({ v: [true] }, { v: true })).toBe(true);
    expect(matches({ v: [true] }, { v: 'true' })).toBe(false);
    expect(matches({ v: [null] }, { v: null })).toBe(true);
    expect(matches({ v: [null] }, {})).toBe(false);
    expect(matches({ v: [''] }, { v: '' })).toBe(true);
    expect(matches({ v: ['Application'] }, { v: 'application' })).toBe(false);
  });

  it('matches a value against an array in the event if one element matches', () => {
    expect(matches({ tags: { SS: ['urgent'] } }, { tags: { SS: ['late', 'urgent'] } })).toBe(true);
    expect(matches({ tags: { SS: ['urgent'] } }, { tags: { SS: ['late'] } })).toBe(false);
    expect(matches({ grid: [2] }, { grid: [[1], [3, 2]] })).toBe(true);
    // Objects in an array: the fields must match within one element.
    const list = { L: [{ S: 'a' }, { N: '1' }] };
    expect(matches({ list: { L: { S: ['a'] } } }, { list })).toBe(true);
    expect(matches({ list: { L: { S: ['a'], N: ['1'] } } }, { list })).toBe(false);
  });

  it('does not match a value against an object in the event (only leaves match)', () => {
    expect(
      matches(
        { dynamodb: { NewImage: { itemType: ['Application'] } } },
        record('INSERT', { itemType: { S: 'Application' } }),
      ),
    ).toBe(false);
  });
});

describe('compileFilters: operators', () => {
  it('exists: true matches a present leaf; exists: false matches an absent one', () => {
    expect(matches({ v: [{ exists: true }] }, { v: 'x' })).toBe(true);
    expect(matches({ v: [{ exists: true }] }, { v: null })).toBe(true);
    expect(matches({ v: [{ exists: true }] }, {})).toBe(false);
    expect(matches({ v: [{ exists: false }] }, {})).toBe(true);
    expect(matches({ v: [{ exists: false }] }, { v: 'x' })).toBe(false);
    // Absent all the way up: an INSERT has no OldImage.
    expect(matches({ dynamodb: { OldImage: { s: { S: [{ exists: false }] } } } }, record('INSERT'))).toBe(
      true,
    );
  });

  it('exists works on leaves only: an object is not an existing leaf (the event-ruler trap)', () => {
    const event = record('INSERT', { pendingWork: { S: 'intake' } });

    // Written without the type key, "exists" looks at an object: true never matches, false always does.
    expect(matches({ dynamodb: { NewImage: { pendingWork: [{ exists: true }] } } }, event)).toBe(false);
    expect(matches({ dynamodb: { NewImage: { pendingWork: [{ exists: false }] } } }, event)).toBe(true);
    expect(matches({ dynamodb: { NewImage: { pendingWork: { S: [{ exists: false }] } } } }, event)).toBe(
      false,
    );
  });

  it('treats an empty array in the event like an absent field', () => {
    expect(matches({ v: [{ exists: false }] }, { v: [] })).toBe(true);
    expect(matches({ v: [{ exists: true }] }, { v: [] })).toBe(false);
  });

  it('prefix and suffix match strings only', () => {
    expect(matches({ pk: { S: [{ prefix: 'APP#' }] } }, { pk: { S: 'APP#1' } })).toBe(true);
    expect(matches({ pk: { S: [{ prefix: 'APP#' }] } }, { pk: { S: 'CALL#1' } })).toBe(false);
    expect(matches({ f: [{ suffix: '.pdf' }] }, { f: 'a.pdf' })).toBe(true);
    expect(matches({ f: [{ suffix: '.pdf' }] }, { f: 'a.PDF' })).toBe(false);
    expect(matches({ f: [{ prefix: '1' }] }, { f: 12 })).toBe(false);
  });

  it('equals-ignore-case compares strings without case', () => {
    expect(matches({ s: [{ 'equals-ignore-case': 'submitted' }] }, { s: 'SUBMITTED' })).toBe(true);
    expect(matches({ s: [{ 'equals-ignore-case': 'submitted' }] }, { s: 'submitted!' })).toBe(false);
  });

  it('anything-but takes a value, a list or a prefix, and needs the field to be present', () => {
    expect(matches({ s: [{ 'anything-but': 'draft' }] }, { s: 'submitted' })).toBe(true);
    expect(matches({ s: [{ 'anything-but': 'draft' }] }, { s: 'draft' })).toBe(false);
    expect(matches({ s: [{ 'anything-but': 'draft' }] }, {})).toBe(false);
    expect(matches({ s: [{ 'anything-but': ['draft', 'withdrawn'] }] }, { s: 'withdrawn' })).toBe(false);
    expect(matches({ s: [{ 'anything-but': ['draft', 'withdrawn'] }] }, { s: 'approved' })).toBe(true);
    expect(matches({ n: [{ 'anything-but': [1, 2] }] }, { n: 3 })).toBe(true);
    expect(matches({ n: [{ 'anything-but': [1, 2] }] }, { n: 2 })).toBe(false);
    expect(matches({ pk: [{ 'anything-but': { prefix: 'APP#' } }] }, { pk: 'CALL#1' })).toBe(true);
    expect(matches({ pk: [{ 'anything-but': { prefix: 'APP#' } }] }, { pk: 'APP#1' })).toBe(false);
  });

  it('numeric compares JSON numbers, with one bound or a range', () => {
    const range = { size: [{ numeric: ['>', 0, '<=', 5] }] };
    expect(matches(range, { size: 5 })).toBe(true);
    expect(matches(range, { size: 0 })).toBe(false);
    expect(matches(range, { size: 5.5 })).toBe(false);
    expect(matches(range, { size: '3' })).toBe(false);
    expect(matches({ size: [{ numeric: ['=', 3.018e2] }] }, { size: 301.8 })).toBe(true);
    expect(matches({ size: [{ numeric: ['>=', 10] }] }, { size: 10 })).toBe(true);
    expect(matches({ size: [{ numeric: ['<', 10] }] }, { size: 10 })).toBe(false);
    expect(matches({ dynamodb: { SizeBytes: [{ numeric: ['<', 100] }] } }, record('INSERT'))).toBe(true);
  });

  it('combines values and operators in one list as OR', () => {
    const pattern = { s: ['draft', { prefix: 'sub' }, { exists: false }] };

    expect(matches(pattern, { s: 'draft' })).toBe(true);
    expect(matches(pattern, { s: 'submitted' })).toBe(true);
    expect(matches(pattern, {})).toBe(true);
    expect(matches(pattern, { s: 'approved' })).toBe(false);
  });

  it('$or matches if one branch matches, next to the other fields (AND)', () => {
    const pattern = {
      eventName: ['MODIFY'],
      dynamodb: {
        NewImage: { $or: [{ status: { S: ['submitted'] } }, { pendingWork: { S: [{ exists: true }] } }] },
      },
    };

    expect(matches(pattern, record('MODIFY', { status: { S: 'submitted' } }))).toBe(true);
    expect(matches(pattern, record('MODIFY', { pendingWork: { S: 'x' } }))).toBe(true);
    expect(matches(pattern, record('MODIFY', { status: { S: 'draft' } }))).toBe(false);
    expect(matches(pattern, record('INSERT', { status: { S: 'submitted' } }))).toBe(false);
  });
});

describe('compileFilters: invalid or unsupported patterns throw at compile time', () => {
  const rejects = (pattern: string) => () => compileFilters([pattern]);

  it('rejects malformed patterns', () => {
    expect(rejects('{"eventName": ["INSERT"]')).toThrow(/Filters\[0\] is not valid JSON/);
    expect(rejects('["INSERT"]')).toThrow(/must be a JSON object/);
    expect(rejects('{"eventName": "INSERT"}')).toThrow(/Filters\[0\]\.eventName must be an array/);
    expect(rejects('{"eventName": []}')).toThrow(/empty array; to match null use \[null\]/);
    expect(rejects('{"v": [["a"]]}')).toThrow(
      /must be a string, number, boolean, null or an operator object/,
    );
    expect(rejects('{"v": [{"prefix": "a", "suffix": "b"}]}')).toThrow(/exactly one operator/);
  });

  it('rejects operators that are unknown or not supported locally', () => {
    expect(rejects('{"v": [{"wildcard": "a*"}]}')).toThrow(
      /"wildcard", which the local filter does not support/,
    );
    expect(rejects('{"v": [{"cidr": "10.0.0.0/8"}]}')).toThrow(/"cidr"/);
    expect(rejects('{"v": [{"anything-but": {"suffix": ".png"}}]}')).toThrow(/not supported locally/);
    expect(rejects('{"v": [{"prefix": {"equals-ignore-case": "a"}}]}')).toThrow(/"prefix" takes a string/);
  });

  it('rejects operators with invalid operands', () => {
    expect(rejects('{"v": [{"exists": "yes"}]}')).toThrow(/"exists" takes true or false/);
    expect(rejects('{"v": [{"numeric": [">", "5"]}]}')).toThrow(/"numeric" takes/);
    expect(rejects('{"v": [{"numeric": ["<", 5, ">", 0]}]}')).toThrow(/lower bound/);
    expect(rejects('{"v": [{"numeric": ["=", 5, "<", 6]}]}')).toThrow(/lower bound/);
    expect(rejects('{"v": [{"numeric": ["!=", 5]}]}')).toThrow(/"numeric" takes/);
    expect(rejects('{"v": [{"anything-but": ["a", 1]}]}')).toThrow(/only strings or only numbers/);
    expect(rejects('{"v": [{"anything-but": []}]}')).toThrow(/non-empty list/);
    expect(rejects('{"$or": [{"a": ["x"]}]}')).toThrow(/at least two pattern objects/);
    expect(rejects('{"$or": {"a": ["x"]}}')).toThrow(/at least two pattern objects/);
  });

  it('rejects number comparisons on DynamoDB N values, which are strings in stream records', () => {
    expect(rejects('{"dynamodb": {"NewImage": {"amount": {"N": [{"numeric": [">", 5]}]}}}}')).toThrow(
      /N values as strings/,
    );
    expect(rejects('{"dynamodb": {"NewImage": {"amount": {"N": [5]}}}}')).toThrow(/N values as strings/);
    expect(
      matches({ dynamodb: { NewImage: { amount: { N: ['5'] } } } }, record('INSERT', { amount: { N: '5' } })),
    ).toBe(true);
  });

  it('names the failing pattern among several', () => {
    expect(() => compileFilters(['{"a": ["x"]}', '{"b": [{"regex": "."}]}'])).toThrow(/Filters\[1\]\.b\[0\]/);
  });
});
