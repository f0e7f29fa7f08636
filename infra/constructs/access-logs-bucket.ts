import { Duration, RemovalPolicy as Removal, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface AccessLogsBucketProps {
  removalPolicy: RemovalPolicy;
  /** Days an access log is kept. */
  expireAfterDays: number;
  /**
   * CloudFront's standard logs are written with an ACL, so a bucket that receives them must allow ACLs
   * (object writer ownership); S3 server access logs need none.
   */
  forCloudFront?: boolean;
}

/**
 * Where S3 server access logs (and CloudFront's) go: who read or wrote which upload or letter, for
 * audits and incident analysis. Private, TLS only, encrypted, and expiring. Access logs can only be
 * delivered to a bucket encrypted with S3-managed keys.
 */
export class AccessLogsBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: AccessLogsBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: props.forCloudFront
        ? ObjectOwnership.OBJECT_WRITER
        : ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: props.removalPolicy === Removal.DESTROY,
      lifecycleRules: [{ expiration: Duration.days(props.expireAfterDays) }],
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself: logging its own access would log the logging.',
    });
  }
}
