import { CfnOutput, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { operations } from '../../shared/api/contract.ts';
import type { Operation } from '../../shared/api/operation.ts';
import { functionAccess } from '../function-access.ts';
import { logRetentionOf } from '../stage-config.ts';
import { AppFunction } from './app-function.ts';
import { grantObjects, grantTable } from './grants.ts';

export interface ApiProps {
  table: ITableV2;
  documentsBucket: IBucket;
  /** Copies of submitted applications and the letters (read through presigned GETs). */
  lettersBucket: IBucket;
  userPool: IUserPool;
  webClient: IUserPoolClient;
  /** Sender address of every email (a verified SES identity on AWS). */
  mailFrom: string;
}

const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

/**
 * Requests per second the whole API takes (steady, and in a burst): far above a programme's peak (a
 * call's last day: a few hundred people saving drafts every few seconds), far below what would let a
 * runaway client or a flood run up the Lambda and DynamoDB bill. Above it, clients get 429.
 */
export const API_THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

/**
 * The HttpApi: one function and one route per operation of the contract, the JWT authorizer on every
 * route that is not public, and each function granted only what function-access.ts says. Its one
 * stage throttles and writes an access log line per request (JSON, no bodies, no tokens).
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly functions = new Map<string, AppFunction>();

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'foerderflow API',
      corsPreflight: undefined, // the web apps are served from the same origin through CloudFront
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: logRetentionOf(this),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationStatus: '$context.integrationStatus',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            // The caller's id, not their name or token: enough to follow one person's requests.
            sub: '$context.authorizer.claims.sub',
            sourceIp: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });
    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', props.userPool, {
      userPoolClients: [props.webClient],
      identitySource: ['$request.header.Authorization'],
    });

    for (const operation of operations) {
      const fn = this.functionFor(operation, props);
      const routes = this.httpApi.addRoutes({
        path: operation.path,
        methods: [HttpMethod[operation.method]],
        integration: new HttpLambdaIntegration(`${pascal(operation.operationId)}Integration`, fn),
        authorizer: operation.access === 'public' ? new HttpNoneAuthorizer() : authorizer,
      });
      // Public by contract (the calls, the OpenAPI document): anyone may read them without signing in.
      if (operation.access === 'public') {
        for (const route of routes) {
          for (const rule of ['AwsSolutions-APIG4', 'AwsSolutions-COG4']) {
            Validations.of(route).acknowledge({
              id: rule,
              reason: `${operation.method} ${operation.path} is public by the API contract (access 'public' in shared/api/operations): no sign-in is needed to read it.`,
            });
          }
        }
      }
    }
    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
  }

  private functionFor(operation: Operation, props: ApiProps): AppFunction {
    const existing = this.functions.get(operation.handler);
    if (existing) return existing;
    const access = functionAccess[operation.handler];
    if (!access) throw new Error(`No entry in infra/function-access.ts for ${operation.handler}`);
    const environment: Record<string, string> = {};
    const fn = new AppFunction(this, `${pascal(operation.operationId)}Function`, {
      entry: `functions/${operation.handler}.handler.ts`,
      description: `${operation.method} ${operation.path}`,
      environment,
    });
    if (access.table) {
      fn.addEnvironment('TABLE_NAME', props.table.tableName);
      grantTable(fn, props.table, access.table);
    }
    if (access.documents) {
      fn.addEnvironment('DOCUMENTS_BUCKET', props.documentsBucket.bucketName);
      // Uploads live under applications/<applicationId>/…; nothing else in the bucket is theirs.
      grantObjects(
        fn,
        props.documentsBucket,
        'applications/*',
        access.documents === 'read' ? ['read'] : ['read', 'write', 'delete'],
      );
    }
    if (access.malwareScan) {
      // GuardDuty's tag on the uploaded object is the scan result (shared/domain/malware-scan.ts).
      fn.addEnvironment('MALWARE_SCAN', 'guardduty-tags');
      grantObjects(fn, props.documentsBucket, 'applications/*', ['scan-result']);
    }
    if (access.letters) {
      fn.addEnvironment('LETTERS_BUCKET', props.lettersBucket.bucketName);
      grantObjects(fn, props.lettersBucket, 'letters/*', ['read']);
    }
    if (access.mail) {
      fn.addEnvironment('MAIL_FROM', props.mailFrom);
      fn.addToRolePolicy(sendEmailFrom(this, props.mailFrom));
    }
    if (access.userPool) {
      fn.addEnvironment('USER_POOL_ID', props.userPool.userPoolId);
      fn.addToRolePolicy(
        new PolicyStatement({ actions: [...access.userPool], resources: [props.userPool.userPoolArn] }),
      );
    }
    this.functions.set(operation.handler, fn);
    return fn;
  }
}

/**
 * SES SendEmail, only as the sender address: allowed for the address identity and for its domain
 * identity (whichever of the two is verified). While the SES account is in the sandbox, AWS also checks
 * the recipients' identities; out of it, these two resources are all SendEmail needs.
 */
export function sendEmailFrom(scope: Construct, mailFrom: string): PolicyStatement {
  const identity = (name: string) =>
    Stack.of(scope).formatArn({ service: 'ses', resource: 'identity', resourceName: name });
  const domain = mailFrom.split('@')[1] ?? mailFrom;
  return new PolicyStatement({
    actions: ['ses:SendEmail'],
    resources: [identity(mailFrom), identity(domain)],
  });
}
