import { CfnOutput, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { AccessLogsBucket } from './constructs/access-logs-bucket.ts';
import { DataTable } from './constructs/data-table.ts';
import { DocumentsBucket } from './constructs/documents-bucket.ts';
import { LettersBucket } from './constructs/letters-bucket.ts';
import { MailIdentity } from './constructs/mail-identity.ts';
import { MalwareProtection } from './constructs/malware-protection.ts';
import { SignIn } from './constructs/user-pool.ts';
import type { StageConfig } from './stage-config.ts';

export interface StatefulStackProps extends StackProps {
  config: StageConfig;
}

/**
 * What holds data or identity: the table, the documents and letters buckets (with their access logs
 * and the malware scan of uploads), the user pool and the SES sender. Deployed rarely, kept safe: in
 * prod nothing here is deleted with the stack.
 */
export class StatefulStack extends Stack {
  readonly data: DataTable;
  readonly accessLogs: AccessLogsBucket;
  readonly documents: DocumentsBucket;
  readonly letters: LettersBucket;
  readonly malwareProtection: MalwareProtection;
  readonly mail: MailIdentity;
  readonly signIn: SignIn;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.data = new DataTable(this, 'Data', {
      removalPolicy: config.removalPolicy,
      deletionProtection: config.deletionProtection,
    });
    this.accessLogs = new AccessLogsBucket(this, 'AccessLogs', {
      removalPolicy: config.removalPolicy,
      expireAfterDays: config.accessLogDays,
    });
    this.documents = new DocumentsBucket(this, 'Documents', {
      removalPolicy: config.removalPolicy,
      allowedOrigins: config.webOrigins,
      accessLogs: this.accessLogs.bucket,
    });
    this.letters = new LettersBucket(this, 'Letters', {
      removalPolicy: config.removalPolicy,
      accessLogs: this.accessLogs.bucket,
    });
    this.malwareProtection = new MalwareProtection(this, 'MalwareProtection', {
      bucket: this.documents.bucket,
    });
    this.mail = new MailIdentity(this, 'Mail', {
      mailFrom: config.mailFrom,
      stage: config.stage,
      ...(config.mailDomain ? { mailDomain: config.mailDomain } : {}),
    });
    this.signIn = new SignIn(this, 'SignIn', {
      removalPolicy: config.removalPolicy,
      threatProtection: config.stage === 'prod',
      ...(config.cognitoMailViaSes
        ? {
            sesMail: {
              from: config.mailFrom,
              configurationSetName: this.mail.configurationSet.configurationSetName,
              ...(config.mailDomain ? { verifiedDomain: config.mailDomain } : {}),
            },
          }
        : {}),
    });
    if (config.cognitoMailViaSes) this.signIn.node.addDependency(this.mail);

    for (const [name, bucket] of [
      ['documents', this.documents.bucket],
      ['letters', this.letters.bucket],
    ] as const) {
      new CfnOutput(this, `${name}BucketName`, {
        value: bucket.bucketName,
        exportName: this.bucketExport(name),
      });
    }
  }

  private bucketExport(name: 'documents' | 'letters'): string {
    return `${this.stackName}-${name}-bucket`;
  }

  /**
   * The buckets as another stack uses them: by name, through exports this stack names itself. Object
   * ARNs then read `arn:…:s3:::<export>/applications/*` in every policy, the same in each stack, so a
   * grant and its cdk-nag acknowledgment can name them (see grants.ts), and the local stack resolves the
   * names like any other import.
   */
  importedBuckets(scope: Construct): { documents: IBucket; letters: IBucket } {
    const holder = new Construct(scope, 'StatefulBuckets');
    const imported = (name: 'documents' | 'letters') =>
      Bucket.fromBucketName(holder, name, Fn.importValue(this.bucketExport(name)));
    return { documents: imported('documents'), letters: imported('letters') };
  }
}
