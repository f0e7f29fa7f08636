import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3EventRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  localS3ClientConfig,
  type S3LocalHandle,
  startS3Local,
} from '../../../infra/local/services/s3-local.ts';
import { holdPort } from './busy-port.ts';

const handles: S3LocalHandle[] = [];
let root: string;

async function start(dataDir: string): Promise<S3LocalHandle> {
  const startedAt = performance.now();
  const handle = await startS3Local({ dataDir });
  console.info(`s3rver ready in ${Math.round(performance.now() - startedAt)} ms`);
  handles.push(handle);
  return handle;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'foerderflow-s3-'));
});

afterAll(async () => {
  await Promise.all(handles.map((handle) => handle.stop()));
  rmSync(root, { recursive: true, force: true });
});

describe('startS3Local', () => {
  test('stores objects and reports each created object like an S3 notification', async () => {
    const s3 = await start(join(root, 'one'));
    expect(s3.endpoint).toBe(`http://127.0.0.1:${s3.port}`);
    await s3.createBucket('uploads');
    await s3.createBucket('uploads'); // idempotent

    const created = new Promise<S3EventRecord>((resolve) => s3.onObjectCreated(resolve));
    const client = new S3Client(localS3ClientConfig(s3.endpoint));
    await client.send(
      new PutObjectCommand({
        Bucket: 'uploads',
        Key: 'applications/app 1/budget.pdf',
        Body: '%PDF-1.7 test',
        ContentType: 'application/pdf',
      }),
    );
    const object = await client.send(
      new GetObjectCommand({ Bucket: 'uploads', Key: 'applications/app 1/budget.pdf' }),
    );
    expect(await object.Body?.transformToString()).toBe('%PDF-1.7 test');

    const record = await created;
    expect(record.eventName).toBe('ObjectCreated:Put');
    expect(record.awsRegion).toBe('eu-central-1');
    expect(record.s3.bucket.name).toBe('uploads');
    expect(record.s3.bucket.arn).toBe('arn:aws:s3:::uploads');
    // URL-encoded like S3 does it; handlers decode with decodeURIComponent(key.replaceAll('+', ' ')).
    expect(record.s3.object.key).toBe('applications/app+1/budget.pdf');
    expect(record.s3.object.size).toBe(13);
    client.destroy();
  });

  test('answers a browser CORS preflight for an upload', async () => {
    const s3 = await start(join(root, 'cors'));
    await s3.createBucket('uploads', { corsOrigins: ['http://localhost:5173'] });
    const preflight = await fetch(`${s3.endpoint}/uploads/some-key`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');

    const otherOrigin = await fetch(`${s3.endpoint}/uploads/some-key`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'PUT' },
    });
    expect(otherOrigin.status).toBe(403);
  });

  test('two instances in one process keep separate buckets and events', async () => {
    const a = await start(join(root, 'a'));
    const b = await start(join(root, 'b'));
    const seenByB: S3EventRecord[] = [];
    b.onObjectCreated((record) => {
      seenByB.push(record);
    });
    await a.createBucket('only-in-a');
    const createdInA = new Promise<S3EventRecord>((resolve) => a.onObjectCreated(resolve));
    const clientA = new S3Client(localS3ClientConfig(a.endpoint));
    const clientB = new S3Client(localS3ClientConfig(b.endpoint));
    await clientA.send(new PutObjectCommand({ Bucket: 'only-in-a', Key: 'x', Body: 'x' }));
    await createdInA;

    const bucketsInB = await clientB.send(new ListBucketsCommand({}));
    expect(bucketsInB.Buckets ?? []).toEqual([]);
    expect(seenByB).toEqual([]);
    clientA.destroy();
    clientB.destroy();
  });

  test('rejects when the port is taken', async () => {
    const busy = await holdPort();
    try {
      await expect(startS3Local({ dataDir: join(root, 'busy'), port: busy.port })).rejects.toThrow(
        /EADDRINUSE/,
      );
    } finally {
      await busy.release();
    }
  });
});
