import { describe, expect, it } from 'vitest';
import { floorName, floorSource, sdkPackagesIn } from '../../../bench/support/sdk-floor.ts';

describe('the cold-start floor of a function', () => {
  it('takes the SDK clients from the bundle inputs, innermost package, and leaves the SDK’s own clients out', () => {
    const inputs = [
      '../../node_modules/@aws-sdk/client-dynamodb/dist-es/DynamoDBClient.js',
      '../../node_modules/@aws-sdk/lib-dynamodb/dist-es/index.js',
      '../../node_modules/@aws-sdk/client-s3/dist-es/S3Client.js',
      // STS comes with the credential chain: a floor pulls it in the same way, so it is not the function's
      '../../node_modules/@aws-sdk/credential-provider-ini/node_modules/@aws-sdk/client-sts/dist-es/index.js',
      '../../node_modules/@aws-sdk/core/dist-es/index.js',
      '../../shared/adapters/clients.ts',
      'C:\\work\\node_modules\\@aws-sdk\\client-sfn\\dist-es\\SFNClient.js',
    ];
    expect(sdkPackagesIn(inputs)).toEqual([
      '@aws-sdk/client-dynamodb',
      '@aws-sdk/client-s3',
      '@aws-sdk/client-sfn',
      '@aws-sdk/lib-dynamodb',
    ]);
    expect(sdkPackagesIn(['../../shared/http/problem.ts'])).toEqual([]);
  });

  it('imports and instantiates exactly those clients, the Document client over a DynamoDB client', () => {
    const source = floorSource(['@aws-sdk/lib-dynamodb', '@aws-sdk/client-sesv2']);
    expect(source).toContain("import { DynamoDBClient } from '@aws-sdk/client-dynamodb';");
    expect(source).toContain("import { SESv2Client } from '@aws-sdk/client-sesv2';");
    expect(source).toContain('DynamoDBDocumentClient.from(new DynamoDBClient({}))');
    expect(source).toContain('new SESv2Client({})');
    expect(source).not.toContain('S3Client');
    expect(source).toContain('export const handler');
  });

  it('refuses a package it has no client for rather than build a floor without it', () => {
    expect(() => floorSource(['@aws-sdk/client-kinesis'])).toThrow(/FLOOR_CLIENTS/);
  });

  it('names equal sets alike, and an SDK-free function’s floor "none"', () => {
    expect(floorName(['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'])).toBe('dynamodb+lib-dynamodb');
    expect(floorName([])).toBe('none');
  });
});
