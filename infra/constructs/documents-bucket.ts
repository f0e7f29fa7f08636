import { Duration, RemovalPolicy as Removal, type RemovalPolicy } from 'aws-cdk-lib';
import { AnyPrincipal, Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { MALWARE_SCAN_TAG } from '../../shared/domain/malware-scan.ts';

export interface DocumentsBucketProps {
  removalPolicy: RemovalPolicy;
  /** Origins allowed to upload from the browser (the web domain); a deploy input. */
  allowedOrigins: string[];
  accessLogs: IBucket;
}

/**
 * Applicants' uploads, under `applications/<applicationId>/<documentId>`. Private, TLS only,
 * encrypted. Versioned: a presigned form stays usable until it expires, so the key may be written
 * again after the server checked it, and the check records the version it saw (reads ask for that
 * version). Browsers upload by presigned POST, so CORS allows exactly POST from the web domain.
 * GuardDuty Malware Protection scans every new object (see MalwareProtection) and tags it with its
 * verdict; an object tagged as infected can be read by nobody, not even through a presigned link.
 */
export class DocumentsBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: DocumentsBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: props.removalPolicy === Removal.DESTROY,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'documents/',
      cors: [
        {
          allowedMethods: [HttpMethods.POST],
          allowedOrigins: props.allowedOrigins,
          // A multipart form post sends only CORS-safelisted headers; nothing else is needed.
          allowedHeaders: ['content-type'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        // An upload that never finished costs money and helps nobody.
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Replaced and deleted files stay restorable for 90 days, then go.
        { noncurrentVersionExpiration: Duration.days(90), expiredObjectDeleteMarker: true },
      ],
    });
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'DenyReadingInfectedObjects',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [this.bucket.arnForObjects('*')],
        conditions: { StringEquals: { [`s3:ExistingObjectTag/${MALWARE_SCAN_TAG}`]: 'THREATS_FOUND' } },
      }),
    );
  }
}
