import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { documentsS3Client, S3DocumentStore } from '../../../shared/adapters/s3-document-store.ts';
import { uploadPolicy } from '../../../shared/domain/document-upload.ts';

const KEY = 'applications/0b6f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

/** The policy document S3 will enforce, decoded from the signed form (signing needs no network). */
async function signedPolicy(client: S3Client) {
  const store = new S3DocumentStore(client, 'foerderflow-documents');
  const form = await store.presignUpload(
    uploadPolicy({ key: KEY, contentType: 'application/pdf', size: 4711 }),
  );
  const policy = JSON.parse(Buffer.from(form.fields.Policy ?? '', 'base64').toString('utf8')) as {
    expiration: string;
    conditions: unknown[];
  };
  return { form, policy };
}

describe('S3DocumentStore.presignUpload', () => {
  it('signs a policy for exactly the issued key, size and content type', async () => {
    // As on AWS: no endpoint override (a full test run may have the local stack's in the environment,
    // which the SDK would pick up by itself).
    const overrides = {
      AWS_ENDPOINT_URL_S3: process.env.AWS_ENDPOINT_URL_S3,
      AWS_ENDPOINT_URL: process.env.AWS_ENDPOINT_URL,
    };
    delete process.env.AWS_ENDPOINT_URL_S3;
    delete process.env.AWS_ENDPOINT_URL;
    const client = new S3Client({ region: 'eu-central-1', credentials });
    const before = Date.now();
    const { form, policy } = await signedPolicy(client).finally(() => {
      for (const [name, value] of Object.entries(overrides))
        if (value !== undefined) process.env[name] = value;
    });

    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { key: KEY },
        { bucket: 'foerderflow-documents' },
        ['content-length-range', 4711, 4711],
        ['eq', '$Content-Type', 'application/pdf'],
        { 'Content-Type': 'application/pdf' },
      ]),
    );
    // No condition that would let the form write elsewhere (e.g. starts-with on $key).
    expect(policy.conditions.filter((c) => Array.isArray(c) && c[0] === 'starts-with')).toEqual([]);
    const expiresInMs = Date.parse(policy.expiration) - before;
    expect(expiresInMs).toBeGreaterThan(14 * 60_000);
    expect(expiresInMs).toBeLessThanOrEqual(15 * 60_000 + 1000);

    // The browser must send these fields as they are, and the key is the issued one.
    expect(form.fields).toMatchObject({ key: KEY, 'Content-Type': 'application/pdf' });
    expect(form.fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(form.url).toBe('https://foerderflow-documents.s3.eu-central-1.amazonaws.com/');
  });

  it('posts to the bucket path on a local endpoint (path style), since 127.0.0.1 has no bucket subdomains', async () => {
    const names = [
      'AWS_ENDPOINT_URL_S3',
      'AWS_REGION',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
    ] as const;
    const previous = names.map((name) => process.env[name]);
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4569',
      AWS_REGION: 'eu-central-1',
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    });
    try {
      const { form } = await signedPolicy(documentsS3Client());
      expect(form.url).toBe('http://127.0.0.1:4569/foerderflow-documents');
    } finally {
      names.forEach((name, index) => {
        if (previous[index] === undefined) delete process.env[name];
        else process.env[name] = previous[index];
      });
    }
  });

  it('uses virtual-hosted URLs on AWS (no endpoint override)', () => {
    expect(documentsS3Client({}).config.forcePathStyle).toBe(false);
    expect(documentsS3Client({ AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:1' }).config.forcePathStyle).toBe(true);
  });
});
