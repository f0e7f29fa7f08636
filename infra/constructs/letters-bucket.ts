import { Duration, RemovalPolicy as Removal, type RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface LettersBucketProps {
  removalPolicy: RemovalPolicy;
  accessLogs: IBucket;
}

/**
 * What the administering body issues: the PDF copy of each application as submitted
 * (`applications/<id>/copies/…`) and the letters (`letters/<applicationId>/<letterId>.pdf`: Bescheide,
 * objection decisions). Kept apart from the uploads: made by the server, so not malware-scanned; read
 * only through presigned GETs opened as a page, so no CORS; files of record, so versioned, with old
 * versions kept for a year and current ones never expired by a rule (how long files are kept is the
 * administering body's records policy, not a lifecycle default). No move to Infrequent Access: a
 * letter is ~50–100 KB and IA bills at least 128 KB per object, so it would cost more, not less.
 */
export class LettersBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: LettersBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: props.removalPolicy === Removal.DESTROY,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'letters/',
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { noncurrentVersionExpiration: Duration.days(365) },
      ],
    });
  }
}
