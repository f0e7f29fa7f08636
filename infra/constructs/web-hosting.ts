import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  AssetHashType,
  Aws,
  CfnOutput,
  DockerImage,
  Duration,
  RemovalPolicy,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import { Construct } from 'constructs';
import { AccessLogsBucket } from './access-logs-bucket.ts';
import { PROJECT_ROOT } from './app-function.ts';
import { SPA_ROUTING_CODE } from './spa-routing.ts';

export interface WebHostingProps {
  httpApi: HttpApi;
  webClient: IUserPoolClient;
  /** Browsers upload straight to this bucket (presigned POST), so the CSP must allow connecting to it. */
  documentsBucket: IBucket;
  removalPolicy: RemovalPolicy;
  accessLogDays: number;
  /** A custom domain with its certificate (us-east-1); without, the distribution's own name. */
  domain?: { name: string; certificateArn: string };
  /** A WAF web ACL (CLOUDFRONT scope) to attach. */
  webAclArn?: string;
}

const WEB_DIR = path.join(PROJECT_ROOT, 'web');

/**
 * The Content-Security-Policy for the portal: its own scripts and styles only (Vite emits no inline
 * ones), data: for the empty favicon, and connections to itself (/api, /config.json), to Cognito's API
 * (sign-in from the browser) and to the documents bucket (the upload form posts there). No frames, no
 * plugins, forms post to itself only.
 */
export function contentSecurityPolicy(region: string, documentsBucketName: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' https://cognito-idp.${region}.amazonaws.com https://${documentsBucketName}.s3.${region}.amazonaws.com`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The web apps on CloudFront: the built portal (web/dist) in a private bucket read through Origin
 * Access Control, `/api/*` passed to the HttpApi uncached with every method and header (the bearer
 * token included: with caching off, the all-viewer origin request policy may forward Authorization),
 * SPA routing by a CloudFront Function (never by error responses), security headers on every answer,
 * and `/config.json` written beside index.html at deploy from the user pool client and the region.
 */
export class WebHosting extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    const logs = new AccessLogsBucket(this, 'AccessLogs', {
      removalPolicy: props.removalPolicy,
      expireAfterDays: props.accessLogDays,
      forCloudFront: true,
    });
    // A build artefact, made again by every deploy: nothing here to keep.
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
      serverAccessLogsBucket: logs.bucket,
      serverAccessLogsPrefix: 'web-bucket/',
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'foerderflow: security headers for the portal and the API',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(Aws.REGION, props.documentsBucket.bucketName),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()', override: true },
        ],
      },
    });
    const spaRouting = new CloudFrontFunction(this, 'SpaRouting', {
      comment: 'Serve index.html for the portal routes (paths without a file extension)',
      code: FunctionCode.fromInline(SPA_ROUTING_CODE),
      runtime: FunctionRuntime.JS_2_0,
    });

    const certificate = props.domain
      ? Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn)
      : undefined;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'foerderflow web apps and API',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100, // Europe and North America: where the users are
      enableLogging: true,
      logBucket: logs.bucket,
      logFilePrefix: 'cloudfront/',
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      ...(props.domain && certificate
        ? {
            domainNames: [props.domain.name],
            certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: spaRouting, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(`${props.httpApi.apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Everything but Host (API Gateway needs its own): Authorization, Idempotency-Key, If-Match,
          // Accept-Language, the query string.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
      // No errorResponses, on purpose: mapping 403/404 to index.html would turn the API's JSON 404s
      // into HTML. SPA routing is the function's job.
    });

    // The portal, built by Vite when CDK bundles assets (cdk synth/deploy; tests skip bundling).
    const portal = Source.asset(WEB_DIR, {
      assetHashType: AssetHashType.OUTPUT,
      bundling: {
        image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
        local: { tryBundle: (outputDir) => buildPortalInto(outputDir) },
      },
    });
    // Hashed assets never change: cached for a year. Deployed first and never pruned, so a browser
    // holding the previous index.html still finds its chunks.
    const assets = new BucketDeployment(this, 'DeployAssets', {
      sources: [portal],
      destinationBucket: this.bucket,
      exclude: ['*'],
      include: ['assets/*'],
      prune: false,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
    });
    // index.html and config.json: always asked for again, and the cache invalidated on every deploy.
    const pages = new BucketDeployment(this, 'DeployPages', {
      sources: [
        portal,
        Source.jsonData('config.json', {
          region: Aws.REGION,
          userPoolClientId: props.webClient.userPoolClientId,
          cognitoEndpoint: `https://cognito-idp.${Aws.REGION}.amazonaws.com/`,
        }),
      ],
      destinationBucket: this.bucket,
      exclude: ['assets/*'],
      prune: false,
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    pages.node.addDependency(assets);

    for (const [rule, reason] of [
      [
        'AwsSolutions-CFR1',
        'No geo restriction: applicants and staff may sign in from anywhere (travel, cross-border associations); access is controlled by sign-in, not by country.',
      ],
      ...(props.webAclArn
        ? []
        : [
            [
              'AwsSolutions-CFR2',
              'No WAF unless the webAclArn input names one: a CloudFront web ACL must live in us-east-1 and costs ~10 USD a month; the API is throttled and every non-public route needs a Cognito token. README: deploy inputs.',
            ],
          ]),
      ...(props.domain
        ? []
        : [
            [
              'AwsSolutions-CFR4',
              "Without the domainName/certificateArn inputs the distribution uses CloudFront's default *.cloudfront.net certificate, whose viewer TLS policy CloudFront fixes; with a custom domain the minimum is TLSv1.2_2021.",
            ],
          ]),
    ] as [string, string][]) {
      Validations.of(this.distribution).acknowledge({ id: rule, reason });
    }

    // The deployment's copy function is CDK's own (one per stack, Python): what it may do is CDK's
    // choice, and it runs only during a deploy.
    const copier = Stack.of(this).node.children.filter((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    const stack = Stack.of(this);
    const webObjects = flattenCfnReference(stack.resolve(this.bucket.arnForObjects('*')));
    // CDK's bootstrap asset bucket (default qualifier), rendered as cdk-nag renders it.
    const assetBucketObjects = flattenCfnReference(
      stack.resolve(
        stack.formatArn({
          service: 's3',
          region: '',
          account: '',
          resource: `cdk-hnb659fds-assets-${stack.account}-${stack.region}/*`,
        }),
      ),
    );
    for (const construct of copier) {
      for (const [rule, reason] of [
        [
          'AwsSolutions-L1',
          "CDK's BucketDeployment brings its own Python runtime; CDK updates it with aws-cdk-lib.",
        ],
        [
          'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          "CDK's BucketDeployment function role: logging only, set by CDK.",
        ],
        ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((action) => [
          `AwsSolutions-IAM5[Action::${action}]`,
          `CDK's BucketDeployment copies the build from the CDK asset bucket into the web bucket (${action} from CDK's grantRead/grantReadWrite).`,
        ]),
        [
          `AwsSolutions-IAM5[Resource::${assetBucketObjects}]`,
          "Reads the zipped build from CDK's bootstrap asset bucket.",
        ],
        [`AwsSolutions-IAM5[Resource::${webObjects}]`, 'Writes the portal files into the web bucket.'],
        [
          'AwsSolutions-IAM5[Resource::*]',
          'CDK\'s BucketDeployment invalidates the distribution\'s cache after copying; cloudfront:CreateInvalidation/GetInvalidation are granted on "*" by CDK.',
        ],
      ] as [string, string][]) {
        Validations.of(construct).acknowledge({ id: rule, reason });
      }
    }

    new CfnOutput(this, 'WebUrl', {
      value: `https://${props.domain?.name ?? this.distribution.distributionDomainName}`,
      description:
        'The portal and back office; set it as the webOrigins input (CORS for uploads) if it is new.',
    });
  }
}

/** Runs Vite into CDK's bundling folder (see infra/local/portal.ts for why NODE_ENV is set). */
function buildPortalInto(outputDir: string): boolean {
  const vite = path.join(
    path.dirname(createRequire(import.meta.url).resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
  const result = spawnSync(
    process.execPath,
    [vite, 'build', WEB_DIR, '--logLevel', 'warn', '--outDir', outputDir, '--emptyOutDir'],
    // Vite's output goes to stderr: stdout of a CDK app is not for chatter.
    { cwd: PROJECT_ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 2, 2] },
  );
  if (result.status !== 0) throw new Error('building the portal (vite build web) failed');
  return true;
}
