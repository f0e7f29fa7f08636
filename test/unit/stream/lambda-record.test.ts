import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { compareSequenceNumbers, toLambdaRecord } from '../../../infra/local/stream/lambda-record.ts';

const STREAM_ARN = 'arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/2026-01-01T00:00:00.000';

describe('toLambdaRecord', () => {
  it('gives the Lambda event shape: JSON values, epoch seconds, base64 binaries, local region', () => {
    // As GetRecords returns it from DynamoDB Local (SDK shape: Date, Uint8Array, region "ddblocal").
    const record: StreamRecord = {
      eventID: 'e1',
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'ddblocal',
      dynamodb: {
        ApproximateCreationDateTime: new Date('2026-01-01T10:05:00.000Z'),
        Keys: { pk: { S: 'APP#1' } },
        NewImage: {
          pk: { S: 'APP#1' },
          n: { N: '6' },
          b: { B: new Uint8Array([1, 2, 3]) },
          bs: { BS: [new Uint8Array([255])] },
          nested: {
            M: { l: { L: [{ S: 'x' }, { B: new Uint8Array([0]) }, { NULL: true }, { BOOL: false }] } },
          },
          sets: { M: { ss: { SS: ['a'] }, ns: { NS: ['1'] } } },
        },
        OldImage: { pk: { S: 'APP#1' }, n: { N: '5' } },
        SequenceNumber: '000000000000000000002',
        SizeBytes: 47,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    };

    const lambdaRecord = toLambdaRecord(record, STREAM_ARN, 'eu-central-1');

    expect(lambdaRecord).toEqual({
      eventID: 'e1',
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-central-1',
      eventSourceARN: STREAM_ARN,
      dynamodb: {
        ApproximateCreationDateTime: Date.parse('2026-01-01T10:05:00.000Z') / 1000,
        Keys: { pk: { S: 'APP#1' } },
        NewImage: {
          pk: { S: 'APP#1' },
          n: { N: '6' },
          b: { B: 'AQID' },
          bs: { BS: ['/w=='] },
          nested: { M: { l: { L: [{ S: 'x' }, { B: 'AA==' }, { NULL: true }, { BOOL: false }] } } },
          sets: { M: { ss: { SS: ['a'] }, ns: { NS: ['1'] } } },
        },
        OldImage: { pk: { S: 'APP#1' }, n: { N: '5' } },
        SequenceNumber: '000000000000000000002',
        SizeBytes: 47,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
    // Plain JSON all the way down, as the handler gets it on Lambda.
    expect(JSON.parse(JSON.stringify(lambdaRecord))).toEqual(lambdaRecord);
  });

  it('leaves out images the record does not have, and maps the TTL identity', () => {
    const record: StreamRecord = {
      eventID: 'e2',
      eventName: 'REMOVE',
      dynamodb: { Keys: { pk: { S: 'X' } }, SequenceNumber: '7' },
      userIdentity: { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' },
    };

    const lambdaRecord = toLambdaRecord(record, STREAM_ARN, 'eu-central-1');

    expect(lambdaRecord.dynamodb).toEqual({ Keys: { pk: { S: 'X' } }, SequenceNumber: '7' });
    expect(lambdaRecord.userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
  });
});

describe('compareSequenceNumbers', () => {
  it('compares as numbers, whatever the length', () => {
    expect(compareSequenceNumbers('000000000000000000009', '000000000000000000010')).toBe(-1);
    expect(compareSequenceNumbers('9', '10')).toBe(-1);
    expect(compareSequenceNumbers('49668042306924566283476113227596616373437446219946409986', '9')).toBe(1);
    expect(compareSequenceNumbers('0010', '10')).toBe(0);
  });
});
