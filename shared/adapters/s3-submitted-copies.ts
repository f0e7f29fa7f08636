import { GetObjectCommand, PutObjectCommand, type S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { SubmittedCopies } from '../ports/submitted-copies.ts';

/**
 * Where a round's copy lives in the letters bucket: `applications/<id>/copies/<round>.pdf`, the round
 * being the time the applicant handed the application in, with the characters S3 keys are better
 * without (the colons of a timestamp) made dashes.
 */
export function submittedCopyKey(applicationId: string, round: string): string {
  return `applications/${applicationId}/copies/${round.replace(/[^0-9A-Za-z.-]/g, '-')}.pdf`;
}

/** The copies in S3 (the bucket is private, encrypted and versioned; see LettersBucket). */
export class S3SubmittedCopies implements SubmittedCopies {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(client: S3Client, bucket: string) {
    this.client = client;
    this.bucket = bucket;
  }

  async put(applicationId: string, round: string, pdf: Uint8Array): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: submittedCopyKey(applicationId, round),
        Body: pdf,
        ContentType: 'application/pdf',
        ContentDisposition: 'attachment; filename="antrag.pdf"',
      }),
    );
  }

  async get(applicationId: string, round: string): Promise<Uint8Array | undefined> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: submittedCopyKey(applicationId, round) }),
      );
      return (await object.Body?.transformToByteArray()) ?? new Uint8Array();
    } catch (error) {
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return undefined;
      throw error;
    }
  }
}
