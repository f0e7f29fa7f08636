import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { CreateBucketCommand, PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3EventRecord } from 'aws-lambda';
import S3rver from 's3rver';
import { DUMMY_ACCOUNT } from 's3rver/lib/models/account.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION, type ServiceHandle } from './types.ts';

// s3rver runs in this process. Known gaps (see LOCAL-STACK.md): it does not verify signatures nor
// enforce presigned-POST policies, and a paginated ListObjectsV2 fails with "error:0308010C ...
// unsupported" unless Node runs with --openssl-legacy-provider (the start script passes it).

export interface S3LocalOptions {
  /** Folder for buckets and objects; kept across restarts. Created if missing. */
  dataDir: string;
  /** Defaults to a free port chosen by the OS. */
  port?: number;
}

export interface CreateBucketOptions {
  /** Origins allowed by the bucket's CORS rule (browser uploads with presigned URLs). Default: any. */
  corsOrigins?: string[];
}

export type ObjectCreatedListener = (record: S3EventRecord) => void | Promise<void>;

export interface S3LocalHandle extends ServiceHandle {
  /**
   * Calls the listener for every object created (Put, Post, Copy, multipart complete) with a record
   * shaped like an S3 event notification record, after the request has been answered. This is the
   * local stand-in for a bucket notification. Returns a function that removes the listener.
   */
  onObjectCreated(listener: ObjectCreatedListener): () => void;
  /** Creates the bucket (an existing one is fine) and gives it a CORS rule for browser uploads. */
  createBucket(name: string, options?: CreateBucketOptions): Promise<void>;
}

export interface LocalS3ClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: true;
}

/** SDK client settings for a local S3 endpoint. Path-style, since bucket subdomains of 127.0.0.1 do not resolve. */
export function localS3ClientConfig(endpoint: string): LocalS3ClientConfig {
  return { endpoint, region: LOCAL_REGION, credentials: { ...LOCAL_CREDENTIALS }, forcePathStyle: true };
}

// s3rver's record differs from S3's in a few places that a handler may rely on; fix those.
function toS3EventRecord(raw: S3EventRecord): S3EventRecord {
  const bucket = raw.s3.bucket.name;
  return {
    ...raw,
    awsRegion: LOCAL_REGION,
    s3: {
      ...raw.s3,
      bucket: { ...raw.s3.bucket, arn: `arn:aws:s3:::${bucket}` },
      object: {
        ...raw.s3.object,
        // S3 URL-encodes the key in notifications (space as '+'); s3rver sends it raw. Handlers must
        // decode it, so give them the encoded form here too.
        key: encodeURIComponent(raw.s3.object.key).replaceAll('%20', '+').replaceAll('%2F', '/'),
        // s3rver gives no ETag for copies.
        eTag: raw.s3.object.eTag ?? '',
      },
    },
  };
}

/** Starts s3rver in this process on 127.0.0.1 with its files in dataDir. */
export async function startS3Local(options: S3LocalOptions): Promise<S3LocalHandle> {
  // It answers InvalidAccessKeyId for keys it does not know (it checks no SigV4 signature, though).
  DUMMY_ACCOUNT.createKeyPair(LOCAL_CREDENTIALS.accessKeyId, LOCAL_CREDENTIALS.secretAccessKey);
  const directory = resolve(options.dataDir);
  mkdirSync(directory, { recursive: true });
  const s3rver = new S3rver({
    directory,
    silent: true,
    // Otherwise any host name other than an IP or localhost is taken as a bucket name; we use path style.
    vhostBuckets: false,
  });
  // Our own HTTP server instead of s3rver.run(): that one does not reject when the port is taken but
  // crashes the process with an unhandled 'error' event.
  const server = createServer(s3rver.callback());
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${port}`;

  const listeners = new Set<ObjectCreatedListener>();
  s3rver.on('event', (event: { Records: S3EventRecord[] }) => {
    for (const raw of event.Records) {
      if (!raw.eventName.startsWith('ObjectCreated:')) continue;
      const record = toS3EventRecord(raw);
      for (const listener of listeners) {
        // Later, like a real notification, and a failing listener must not fail the upload.
        setImmediate(() => {
          Promise.resolve()
            .then(() => listener(record))
            .catch((error: unknown) => {
              console.error(
                `[local-stack] object-created listener failed for ${record.s3.object.key}:`,
                error,
              );
            });
        });
      }
    }
  });

  const client = new S3Client(localS3ClientConfig(endpoint));
  let stopped = false;
  return {
    endpoint,
    port,
    onObjectCreated: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    createBucket: async (name, bucketOptions = {}) => {
      try {
        await client.send(new CreateBucketCommand({ Bucket: name }));
      } catch (error) {
        // s3rver answers BucketAlreadyExists for our own bucket; S3 answers BucketAlreadyOwnedByYou.
        const code = error instanceof Error ? error.name : '';
        if (code !== 'BucketAlreadyExists' && code !== 'BucketAlreadyOwnedByYou') throw error;
      }
      await client.send(
        new PutBucketCorsCommand({
          Bucket: name,
          CORSConfiguration: {
            CORSRules: [
              {
                AllowedOrigins: bucketOptions.corsOrigins ?? ['*'],
                AllowedMethods: ['GET', 'PUT', 'POST', 'HEAD'],
                AllowedHeaders: ['*'],
                ExposeHeaders: ['ETag'],
                MaxAgeSeconds: 3000,
              },
            ],
          },
        }),
      );
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      listeners.clear();
      client.destroy();
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        // Keep-alive connections from SDK clients would otherwise hold close() open.
        server.closeAllConnections();
      });
    },
  };
}
