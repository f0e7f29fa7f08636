import { CfnOutput, Stack } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpNoneAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { operations } from '../../shared/api/contract.ts';
import type { Operation } from '../../shared/api/operation.ts';
import { functionAccess } from '../function-access.ts';
import { AppFunction } from './app-function.ts';

export interface ApiProps {
  table: ITableV2;
  documentsBucket: IBucket;
  userPool: IUserPool;
  webClient: IUserPoolClient;
  /** Sender address of every email (a verified SES identity on AWS). */
  mailFrom: string;
}

const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

/**
 * The HttpApi: one function and one route per operation of the contract, the JWT authorizer on every
 * route that is not public, and each function granted only what function-access.ts says.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly functions = new Map<string, AppFunction>();

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'foerderflow API',
      corsPreflight: undefined, // the web apps are served from the same origin through CloudFront
    });
    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', props.userPool, {
      userPoolClients: [props.webClient],
      identitySource: ['$request.header.Authorization'],
    });

    for (const operation of operations) {
      const fn = this.functionFor(operation, props);
      this.httpApi.addRoutes({
        path: operation.path,
        methods: [HttpMethod[operation.method]],
        integration: new HttpLambdaIntegration(`${pascal(operation.operationId)}Integration`, fn),
        authorizer: operation.access === 'public' ? new HttpNoneAuthorizer() : authorizer,
      });
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
      if (access.table === 'read') props.table.grantReadData(fn);
      else props.table.grantReadWriteData(fn);
    }
    if (access.documents) {
      fn.addEnvironment('DOCUMENTS_BUCKET', props.documentsBucket.bucketName);
      if (access.documents === 'read') props.documentsBucket.grantRead(fn);
      else props.documentsBucket.grantReadWrite(fn);
    }
    if (access.mail) {
      fn.addEnvironment('MAIL_FROM', props.mailFrom);
      fn.addToRolePolicy(sendEmailFrom(this, props.mailFrom));
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
