import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { UploadPolicy } from '../domain/document-upload.ts';
import { ConcurrentChangeError } from '../domain/errors.ts';
import type { DocumentStore, StoredObjectInfo, UploadForm } from '../ports/document-store.ts';

/**
 * The S3 client of the documents bucket, made once per Lambda container. Its endpoint comes from the
 * SDK's own AWS_ENDPOINT_URL_S3 (or AWS_ENDPOINT_URL), which the local stack sets. A local endpoint
 * (s3rver on 127.0.0.1) needs path-style URLs, since bucket subdomains of an IP do not resolve; AWS
 * needs virtual-hosted ones, so the style follows whether an endpoint is overridden.
 */
export function documentsS3Client(env: NodeJS.ProcessEnv = process.env): S3Client {
  const endpointOverridden = Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL);
  return new S3Client({ forcePathStyle: endpointOverridden });
}

export function documentsBucket(): string {
  const name = process.env.DOCUMENTS_BUCKET;
  if (!name) throw new Error('DOCUMENTS_BUCKET is not set');
  return name;
}

/**
 * The letters bucket: the PDF copies of submitted applications and the letters the administering body
 * issues. Apart from the uploads (not malware-scanned, kept as files of record); the same S3 client.
 */
export function lettersBucket(): string {
  const name = process.env.LETTERS_BUCKET;
  if (!name) throw new Error('LETTERS_BUCKET is not set');
  return name;
}

/** The HTTP status S3 answered with, for errors that are answers rather than faults. */
const statusOf = (error: unknown) =>
  error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;

export class S3DocumentStore implements DocumentStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(client: S3Client, bucket: string) {
    this.client = client;
    this.bucket = bucket;
  }

  async presignUpload(policy: UploadPolicy): Promise<UploadForm> {
    const { url, fields } = await createPresignedPost(this.client, {
      Bucket: this.bucket,
      Key: policy.key,
      Fields: policy.fields,
      Conditions: policy.conditions,
      Expires: policy.expiresInSeconds,
    });
    return { url, fields };
  }

  async head(key: string): Promise<StoredObjectInfo | undefined> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        size: head.ContentLength ?? 0,
        ...(head.ETag ? { etag: head.ETag } : {}),
        ...(head.VersionId ? { versionId: head.VersionId } : {}),
      };
    } catch (error) {
      // HEAD answers have no body, so the SDK names them NotFound rather than NoSuchKey.
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async readFirstBytes(key: string, count: number, etag?: string): Promise<Uint8Array> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Range: `bytes=0-${count - 1}`,
          ...(etag ? { IfMatch: etag } : {}),
        }),
      );
      const bytes = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
      // A store that ignores Range would send everything: look at the start only.
      return bytes.subarray(0, count);
    } catch (error) {
      // 412: the key holds another object than the one measured; 404: it was deleted meanwhile.
      if (statusOf(error) === 412 || statusOf(error) === 404) throw new ConcurrentChangeError();
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
