import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { LetterLinks } from '../ports/letter-links.ts';

/**
 * Presigned GETs on the letters bucket (private; see LettersBucket). The client is the documents
 * client (documentsS3Client), so locally the URL points at s3rver, path-style, like the upload forms.
 */
export class S3LetterLinks implements LetterLinks {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(client: S3Client, bucket: string) {
    this.client = client;
    this.bucket = bucket;
  }

  downloadUrl(key: string, options: { expiresInSeconds: number; fileName: string }): Promise<string> {
    return getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentType: 'application/pdf',
        ResponseContentDisposition: `attachment; filename="${options.fileName}"`,
      }),
      { expiresIn: options.expiresInSeconds },
    );
  }
}
