import { GetObjectCommand, PutObjectCommand, type S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { LetterFiles } from '../ports/letter-files.ts';

/** Letters in S3 (the letters bucket: private, encrypted and versioned; see LettersBucket). */
export class S3LetterFiles implements LetterFiles {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(client: S3Client, bucket: string) {
    this.client = client;
    this.bucket = bucket;
  }

  async put(key: string, pdf: Uint8Array, fileName: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: pdf,
        ContentType: 'application/pdf',
        // The server names the file; nothing the applicant typed goes into the header.
        ContentDisposition: `attachment; filename="${fileName.replace(/[^0-9A-Za-z._-]/g, '-')}"`,
      }),
    );
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return (await object.Body?.transformToByteArray()) ?? new Uint8Array();
    } catch (error) {
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return undefined;
      throw error;
    }
  }
}
