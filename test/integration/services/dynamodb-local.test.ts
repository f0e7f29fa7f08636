import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  type DynamoDbLocalHandle,
  localDynamoDbClientConfig,
  startDynamoDbLocal,
} from '../../../infra/local/services/dynamodb-local.ts';
import { isRunning, killIfRunning, startAndAbandon } from './abandoned-child.ts';

const handles: DynamoDbLocalHandle[] = [];
let root: string;

async function start(dataDir: string, port?: number): Promise<DynamoDbLocalHandle> {
  const startedAt = performance.now();
  const handle = await startDynamoDbLocal({ dataDir, port });
  console.info(`DynamoDB Local ready in ${Math.round(performance.now() - startedAt)} ms`);
  handles.push(handle);
  return handle;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'foerderflow-ddb-'));
});

afterAll(async () => {
  await Promise.all(handles.map((handle) => handle.stop()));
  rmSync(root, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('startDynamoDbLocal', () => {
  test('keeps a table with a GSI and a stream, and its items, across a restart', async () => {
    const dataDir = join(root, 'restart');
    // A pid file naming a live process that is not DynamoDB Local (a reused pid): left alone.
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'dynamodb-local.pid'), `${process.pid}\n`);
    const warn = vi.spyOn(console, 'warn');
    const first = await start(dataDir);
    expect(warn).not.toHaveBeenCalled();
    expect(first.endpoint).toBe(`http://127.0.0.1:${first.port}`);
    await expect(startDynamoDbLocal({ dataDir })).rejects.toThrow(/already running/);

    const client = new DynamoDBClient(localDynamoDbClientConfig(first.endpoint));
    await client.send(
      new CreateTableCommand({
        TableName: 'applications',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'status', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byStatus',
            KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    await client.send(
      new PutItemCommand({
        TableName: 'applications',
        Item: { pk: { S: 'APP#1' }, status: { S: 'SUBMITTED' } },
      }),
    );
    client.destroy();
    await first.stop();

    // A second, independent instance alongside, as a test suite may start one per file.
    const [second, elsewhere] = await Promise.all([start(dataDir), start(join(root, 'elsewhere'))]);
    const elsewhereClient = new DynamoDBClient(localDynamoDbClientConfig(elsewhere.endpoint));
    expect((await elsewhereClient.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    elsewhereClient.destroy();
    // sharedDb: another access key and region see the same database. (DynamoDB Local rejects access
    // keys with anything but letters and digits: UnrecognizedClientException.)
    const other = new DynamoDBClient({
      endpoint: second.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'someoneElse', secretAccessKey: 'x' },
    });
    const table = await other.send(new DescribeTableCommand({ TableName: 'applications' }));
    expect(table.Table?.GlobalSecondaryIndexes?.[0]?.IndexName).toBe('byStatus');
    expect(table.Table?.StreamSpecification?.StreamEnabled).toBe(true);
    expect(table.Table?.LatestStreamArn).toBeTruthy();
    const item = await other.send(
      new GetItemCommand({ TableName: 'applications', Key: { pk: { S: 'APP#1' } } }),
    );
    expect(item.Item?.status?.S).toBe('SUBMITTED');
    const byStatus = await other.send(
      new QueryCommand({
        TableName: 'applications',
        IndexName: 'byStatus',
        KeyConditionExpression: '#s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': { S: 'SUBMITTED' } },
      }),
    );
    expect(byStatus.Items?.map((i) => i.pk?.S)).toEqual(['APP#1']);

    // A transaction whose condition fails is cancelled as a whole, with a reason per item.
    const transaction = other.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Put: {
              TableName: 'applications',
              Item: { pk: { S: 'APP#2' }, status: { S: 'DRAFT' } },
            },
          },
          {
            Put: {
              TableName: 'applications',
              Item: { pk: { S: 'APP#1' }, status: { S: 'DRAFT' } },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    const error = await transaction.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect((error as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual([
      'None',
      'ConditionalCheckFailed',
    ]);
    const notWritten = await other.send(
      new GetItemCommand({ TableName: 'applications', Key: { pk: { S: 'APP#2' } } }),
    );
    expect(notWritten.Item).toBeUndefined();
    other.destroy();
  });

  test('reports and kills a DynamoDB Local left behind by a crashed parent', async () => {
    const dataDir = join(root, 'stale');
    const leftover = await startAndAbandon('dynamodb', dataDir);
    try {
      // The parent is gone, its Java child is not.
      expect(isRunning(leftover.pid, 'DynamoDBLocal')).toBe(true);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

      // Same port on purpose: it is only free again if the leftover is really gone.
      const handle = await start(dataDir, leftover.port);

      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain(`pid ${leftover.pid}`);
      expect(String(warn.mock.calls[0]?.[0])).toContain(dataDir);
      expect(isRunning(leftover.pid, 'DynamoDBLocal')).toBe(false);
      const client = new DynamoDBClient(localDynamoDbClientConfig(handle.endpoint));
      await expect(client.send(new ListTablesCommand({}))).resolves.toBeDefined();
      client.destroy();
    } finally {
      killIfRunning(leftover.pid, 'DynamoDBLocal');
    }
  });

  test('says how to install Java when java is not on PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = join(root, 'no-such-bin');
    try {
      await expect(startDynamoDbLocal({ dataDir: join(root, 'no-java') })).rejects.toThrow(
        /Java runtime.*apt-get install default-jre-headless/,
      );
    } finally {
      process.env.PATH = path;
    }
  });
});
