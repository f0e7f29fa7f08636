import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { contentDisposition } from '../domain/file-name.ts';
import type { DocumentLinks } from '../ports/document-links.ts';

/**
 * Presigned GETs of uploaded documents on the documents bucket (private; see DocumentsBucket). The
 * client is the documents client (documentsS3Client), so locally the URL points at s3rver, path-style.
 * The response's type and disposition are fixed in the signature: the browser gets the type the
 * server checked, whatever the object's own metadata says.
 */
export class S3DocumentLinks implements DocumentLinks {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(client: S3Client, bucket: string) {
    this.client = client;
    this.bucket = bucket;
  }

  linkTo(
    object: { key: string; versionId?: string | undefined },
    options: {
      expiresInSeconds: number;
      fileName: string;
      contentType: string;
      disposition: 'inline' | 'attachment';
    },
  ): Promise<string> {
    return getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: object.key,
        ...(object.versionId ? { VersionId: object.versionId } : {}),
        ResponseContentType: options.contentType,
        ResponseContentDisposition: contentDisposition(options.disposition, options.fileName),
      }),
      { expiresIn: options.expiresInSeconds },
    );
  }
}
