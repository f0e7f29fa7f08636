import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';

/** Context key under which build-app.ts records the stage's log retention for every construct. */
export const LOG_RETENTION_CONTEXT = 'foerderflow:logRetentionDays';

/** The stage's log retention, for functions, state machines and API access logs. */
export function logRetentionOf(scope: IConstruct): RetentionDays {
  const days = scope.node.tryGetContext(LOG_RETENTION_CONTEXT);
  return typeof days === 'number' ? (days as RetentionDays) : RetentionDays.ONE_MONTH;
}

/**
 * The deploy inputs and what each stage makes of them. Inputs come as CDK context (`-c name=value`, or
 * cdk.json) or, where noted, from the environment; the README lists them with examples.
 *
 * dev is for trying things: data goes with the stack, logs are kept briefly. prod keeps data when a
 * stack is deleted, refuses to delete the table, and keeps logs for the audit trail.
 */
export interface StageConfig {
  stage: 'dev' | 'prod';
  /** RETAIN in prod: a deleted stack must never take applications, uploads or letters with it. */
  removalPolicy: RemovalPolicy;
  /** Table deletion protection (prod): even a deliberate delete needs a second, explicit step. */
  deletionProtection: boolean;
  /** How long function, workflow and API logs are kept. */
  logRetention: RetentionDays;
  /** How long S3 and CloudFront access logs are kept, in days. */
  accessLogDays: number;
  /**
   * Origins allowed to POST uploads from the browser straight to the documents bucket (CORS). The web
   * domain is an input, not CloudFront's generated name: the bucket would otherwise depend on the
   * distribution, which depends on the API, which depends on the bucket.
   */
  webOrigins: string[];
  /** Sender address of every email; its address (or its domain) is the SES identity. */
  mailFrom: string;
  /** A domain to verify in SES instead of the single address (DKIM; better delivery). */
  mailDomain?: string;
  /**
   * Whether Cognito sends its emails (codes) through SES. Cognito refuses an SES sender that is not yet
   * verified, so the first deploy leaves this off and uses Cognito's own mailer (50 emails a day); once
   * the identity is verified, deploy again with `-c cognitoMailViaSes=true`.
   */
  cognitoMailViaSes: boolean;
  /** A custom domain for CloudFront, with its ACM certificate (which must be in us-east-1). */
  domainName?: string;
  certificateArn?: string;
  /** An existing WAF web ACL (scope CLOUDFRONT, us-east-1) to put in front of the distribution. */
  webAclArn?: string;
  /** Who receives alarm emails (an SNS subscription); without it, alarms only show in CloudWatch. */
  alarmEmail?: string;
}

type Context = { tryGetContext(key: string): unknown };

const text = (context: Context, key: string, envName?: string): string | undefined => {
  const value = context.tryGetContext(key) ?? (envName ? process.env[envName] : undefined);
  return value === undefined || value === null || value === '' ? undefined : String(value);
};

const flag = (context: Context, key: string): boolean => {
  const value = context.tryGetContext(key);
  return value === true || value === 'true';
};

/** Reads the inputs; fails on an unknown stage rather than deploying something half-configured. */
export function stageConfig(context: Context): StageConfig {
  const stage = text(context, 'stage', 'FOERDERFLOW_STAGE') ?? 'dev';
  if (stage !== 'dev' && stage !== 'prod') throw new Error(`stage must be dev or prod, not "${stage}"`);
  const prod = stage === 'prod';
  const domainName = text(context, 'domainName', 'FOERDERFLOW_DOMAIN');
  const certificateArn = text(context, 'certificateArn', 'FOERDERFLOW_CERTIFICATE_ARN');
  if (Boolean(domainName) !== Boolean(certificateArn)) {
    throw new Error('domainName and certificateArn go together (the certificate must be in us-east-1)');
  }
  const webOrigins = (
    text(context, 'webOrigins', 'FOERDERFLOW_WEB_ORIGINS') ??
    (domainName ? `https://${domainName}` : 'http://localhost:5173')
  )
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const mailDomain = text(context, 'mailDomain', 'FOERDERFLOW_MAIL_DOMAIN');
  const webAclArn = text(context, 'webAclArn', 'FOERDERFLOW_WEB_ACL_ARN');
  const alarmEmail = text(context, 'alarmEmail', 'FOERDERFLOW_ALARM_EMAIL');
  return {
    stage,
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    deletionProtection: prod,
    logRetention: prod ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
    accessLogDays: prod ? 365 : 30,
    webOrigins,
    mailFrom: text(context, 'mailFrom', 'FOERDERFLOW_MAIL_FROM') ?? 'foerderflow@example.org',
    ...(mailDomain ? { mailDomain } : {}),
    cognitoMailViaSes: flag(context, 'cognitoMailViaSes'),
    ...(domainName && certificateArn ? { domainName, certificateArn } : {}),
    ...(webAclArn ? { webAclArn } : {}),
    ...(alarmEmail ? { alarmEmail } : {}),
  };
}
