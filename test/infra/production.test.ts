import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp, STATEFUL_STACK } from '../../infra/build-app.ts';
import { ENTRY_METADATA, PROJECT_ROOT } from '../../infra/constructs/app-function.ts';
import { SPA_ROUTING_CODE } from '../../infra/constructs/spa-routing.ts';
import type { CfnTemplate } from '../../infra/local/synth.ts';
import { planFromTemplates } from '../../infra/local/template-plan.ts';
import { operations } from '../../shared/api/contract.ts';
import { routeKeyOf } from '../../shared/api/operation.ts';
import { templates } from './synthesized.ts';

type Resource = CfnTemplate['Resources'][string];
const propsOf = (resource: Resource): Record<string, unknown> => resource.Properties ?? {};
const all = () => {
  const t = templates();
  return { ...t.stateful.Resources, ...t.stateless.Resources, ...t.web.Resources } as Record<
    string,
    Resource
  >;
};
const ofType = (type: string) => Object.entries(all()).filter(([, r]) => r.Type === type);

const cdkContext = () =>
  (
    JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as {
      context: Record<string, unknown>;
    }
  ).context;

/** The app synthesized for a stage, without bundling. */
function synthStage(stage: 'dev' | 'prod') {
  // As `cdk deploy` does: the CLI gives the app an account and region, so ARNs render with a literal
  // region and partition, and every cdk-nag acknowledgment must still match.
  const saved = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  process.env.CDK_DEFAULT_ACCOUNT = '123456789012';
  process.env.CDK_DEFAULT_REGION = 'eu-central-1';
  const { app } = (() => {
    try {
      return buildApp({ context: { ...cdkContext(), stage, 'aws:cdk:bundling-stacks': [] } });
    } finally {
      for (const [key, value] of [
        ['CDK_DEFAULT_ACCOUNT', saved.account],
        ['CDK_DEFAULT_REGION', saved.region],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  })();
  const assembly = app.synth();
  return Template.fromJSON(assembly.getStackByName(STATEFUL_STACK).template);
}

describe('functions', () => {
  it('run our code on arm64 with the project Node LTS, and the only others are CDK’s own helpers', () => {
    const functions = ofType('AWS::Lambda::Function');
    const ours = functions.filter(([, fn]) => fn.Metadata?.[ENTRY_METADATA]);
    expect(ours.length).toBeGreaterThan(new Set(operations.map((o) => o.handler)).size);
    for (const [id, fn] of ours) {
      expect(fn.Properties, id).toMatchObject({ Architectures: ['arm64'], Runtime: 'nodejs24.x' });
    }
    // Anything else is a CDK-provided handler: the web deployment's copier and the buckets' auto-delete.
    const others = functions.filter(([, fn]) => !fn.Metadata?.[ENTRY_METADATA]).map(([id]) => id);
    for (const id of others) expect(id).toMatch(/^(CustomCDKBucketDeployment|CustomS3AutoDeleteObjects)/);
  });

  it('have their own role that may write only to their own log group, not the account-wide managed policy', () => {
    for (const [id, role] of ofType('AWS::IAM::Role')) {
      const managed = JSON.stringify(role.Properties?.ManagedPolicyArns ?? []);
      if (id.startsWith('CustomCDKBucketDeployment') || id.startsWith('CustomS3AutoDeleteObjects')) continue;
      expect(managed, id).not.toContain('AWSLambdaBasicExecutionRole');
    }
  });
});

describe('data access', () => {
  const statements = () =>
    ofType('AWS::IAM::Policy').flatMap(([id, policy]) =>
      (
        (
          propsOf(policy).PolicyDocument as {
            Statement: { Action: string | string[]; Resource: unknown }[];
          }
        ).Statement ?? []
      ).map((statement) => ({ id, statement })),
    );
  const dataResource =
    /DataTable|foerderflow-stateful-(documents|letters)-bucket|DocumentsBucket|LettersBucket/;

  it('names every action on the table and the buckets: no wildcard action, and never Scan', () => {
    const onData = statements().filter(({ statement }) =>
      dataResource.test(JSON.stringify(statement.Resource)),
    );
    expect(onData.length).toBeGreaterThan(50);
    for (const { id, statement } of onData) {
      const actions = [statement.Action].flat();
      expect(
        actions.filter((action) => action.includes('*')),
        id,
      ).toEqual([]);
      expect(actions, id).not.toContain('dynamodb:Scan');
    }
  });

  it('gives a read-only route no write action, and the upload check the scan tag but no Put', () => {
    const actionsOf = (prefix: string) =>
      statements()
        .filter(({ id }) => id.startsWith(prefix))
        .flatMap(({ statement }) => [statement.Action].flat());
    expect(actionsOf('ApiListCallsFunction')).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem']),
    );
    expect(
      actionsOf('ApiListCallsFunction')
        .filter((action) => action.startsWith('dynamodb:'))
        .sort(),
    ).toEqual(['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:Query']);
    expect(actionsOf('ApiCompleteDocumentFunction')).toEqual(
      expect.arrayContaining(['s3:GetObjectTagging', 's3:GetObjectVersionTagging']),
    );
    expect(actionsOf('ApiGetLetterFunction')).not.toContain('s3:PutObject');
  });
});

describe('stateful stack', () => {
  it('has point-in-time recovery on the table', () => {
    Template.fromJSON(templates().stateful).hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [
        Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
      ],
    });
  });

  it('blocks public access to every bucket of every stack and refuses requests without TLS', () => {
    const buckets = ofType('AWS::S3::Bucket');
    expect(buckets.length).toBe(5); // access logs, documents, letters; web and its logs
    for (const [id, bucket] of buckets) {
      expect(bucket.Properties?.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties?.BucketEncryption, id).toBeDefined();
    }
    const policies = ofType('AWS::S3::BucketPolicy').map(([, p]) => JSON.stringify(p.Properties));
    for (const [id] of buckets) {
      const policy = policies.find((p) => p.includes(`"Ref":"${id}"`));
      expect(policy, id).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('scans uploads with GuardDuty, tagging each object, and lets nobody read one tagged infected', () => {
    const stateful = Template.fromJSON(templates().stateful);
    const documents = Object.keys(stateful.findResources('AWS::S3::Bucket')).find((id) =>
      id.startsWith('DocumentsBucket'),
    );
    stateful.hasResourceProperties('AWS::GuardDuty::MalwareProtectionPlan', {
      Actions: { Tagging: { Status: 'ENABLED' } },
      ProtectedResource: { S3Bucket: { BucketName: { Ref: documents } } },
    });
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: documents },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: {
              StringEquals: { 's3:ExistingObjectTag/GuardDutyMalwareScanStatus': 'THREATS_FOUND' },
            },
          }),
        ]),
      },
    });
  });

  it('allows uploads from the web origins only (CORS POST), and versions documents and letters', () => {
    const stateful = Template.fromJSON(templates().stateful);
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['POST'] })] },
      VersioningConfiguration: { Status: 'Enabled' },
    });
    const cors = Object.values(stateful.findResources('AWS::S3::Bucket')).filter(
      (b) => b.Properties.CorsConfiguration,
    );
    expect(cors).toHaveLength(1);
    expect(cors[0]?.Properties.CorsConfiguration.CorsRules[0].AllowedOrigins).not.toContain('*');
  });

  it('offers TOTP (never SMS), withholds staff groups without it, and sends through SES only once asked to', () => {
    const stateful = Template.fromJSON(templates().stateful);
    stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      LambdaConfig: { PreTokenGeneration: Match.anyValue(), PostConfirmation: Match.anyValue() },
      // cdk.json has no cognitoMailViaSes: the first deploy uses Cognito's mailer.
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
    });
    stateful.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('keeps data in prod (retain, deletion protection, Plus tier) and lets dev go; cdk-nag passes with a real account and region', () => {
    const prod = synthStage('prod');
    prod.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] }),
    });
    prod.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain' });
    prod.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      DeletionProtection: 'ACTIVE',
    });
    const dev = Template.fromJSON(templates().stateful);
    dev.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
  }, 60_000);
});

describe('the API', () => {
  it('has the JWT authorizer on every route that is not public', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties ?? {});
    for (const operation of operations) {
      const route = routes.find((r) => r.RouteKey === routeKeyOf(operation));
      expect(route?.AuthorizationType, routeKeyOf(operation)).toBe(
        operation.access === 'public' ? 'NONE' : 'JWT',
      );
    }
  });

  it('throttles its stage and writes an access log line per request', () => {
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage') as [[string, Resource]];
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 },
      AccessLogSettings: { DestinationArn: expect.anything() },
    });
    const format = JSON.parse(String((propsOf(stage).AccessLogSettings as { Format: string }).Format));
    expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
  });
});

describe('workflows', () => {
  it('feed failed stream records to a dead-letter queue after bisecting, reporting failures per item', () => {
    const [[, mapping]] = ofType('AWS::Lambda::EventSourceMapping') as [[string, Resource]];
    const queues = ofType('AWS::SQS::Queue').map(([id]) => id);
    expect(mapping.Properties).toMatchObject({
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } } },
      FilterCriteria: { Filters: [expect.objectContaining({ Pattern: expect.any(String) })] },
    });
    const dlq = (
      propsOf(mapping).DestinationConfig as {
        OnFailure: { Destination: { 'Fn::GetAtt': string[] } };
      }
    ).OnFailure.Destination['Fn::GetAtt'][0];
    expect(queues).toContain(dlq);
  });

  it('log every state machine (all events, no execution data) and start the deadlines one on a schedule', () => {
    for (const [id, machine] of ofType('AWS::StepFunctions::StateMachine')) {
      expect(machine.Properties, id).toMatchObject({
        StateMachineType: 'EXPRESS',
        LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
        TracingConfiguration: { Enabled: true },
      });
    }
    const schedules = ofType('AWS::Events::Rule').filter(([, rule]) => rule.Properties?.ScheduleExpression);
    expect(schedules.map(([, rule]) => rule.Properties?.ScheduleExpression)).toEqual(['rate(1 hour)']);
  });

  it('are run locally exactly as the template defines them: definitions, stream filters, schedules', () => {
    const plan = planFromTemplates(templates());
    const machines = ofType('AWS::StepFunctions::StateMachine');
    expect(plan.stateMachines.map((m) => m.logicalId).sort()).toEqual(machines.map(([id]) => id).sort());
    for (const machine of plan.stateMachines) {
      expect(machine.definition).toEqual(all()[machine.logicalId]?.Properties?.DefinitionString);
    }
    const mappings = ofType('AWS::Lambda::EventSourceMapping');
    expect(plan.eventSources.map((s) => s.filters)).toEqual(
      mappings.map(([, m]) =>
        (propsOf(m).FilterCriteria as { Filters: { Pattern: string }[] }).Filters.map((f) => f.Pattern),
      ),
    );
    expect(plan.schedules.map((s) => s.expression)).toEqual(['rate(1 hour)']);
  });
});

describe('alarms', () => {
  it('watch errors, throttles, the dead-letter queue and failed executions, and notify the topic', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm');
    const described = alarms.map(([, a]) => JSON.stringify(a.Properties));
    for (const metric of [
      '"5xx"',
      '"Errors"',
      '"Throttles"',
      'ApproximateNumberOfMessagesVisible',
      'ExecutionsFailed',
    ]) {
      expect(
        described.some((d) => d.includes(metric)),
        metric,
      ).toBe(true);
    }
    for (const [id, alarm] of alarms) expect(alarm.Properties?.AlarmActions, id).toHaveLength(1);
  });
});

describe('web hosting', () => {
  const distribution = () => {
    const [[, d]] = ofType('AWS::CloudFront::Distribution') as [[string, Resource]];
    return d.Properties?.DistributionConfig as Record<string, unknown>;
  };

  it('never answers 403/404 with a page: no custom error responses, so API 404s stay JSON', () => {
    expect(distribution().CustomErrorResponses).toBeUndefined();
  });

  it('routes /api/* to the HttpApi uncached, with every method and the viewer headers but Host', () => {
    const api = (distribution().CacheBehaviors as Record<string, unknown>[]).find(
      (b) => b.PathPattern === '/api/*',
    );
    expect(api).toMatchObject({
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
    });
    expect(api?.FunctionAssociations).toBeUndefined();
    const origin = (distribution().Origins as { Id: string; DomainName: unknown }[]).find(
      (o) => o.Id === api?.TargetOriginId,
    );
    expect(JSON.stringify(origin?.DomainName)).toContain('execute-api');
  });

  it('does SPA routing with a viewer-request function on the portal only, and sends security headers', () => {
    const portal = distribution().DefaultCacheBehavior as Record<string, unknown>;
    expect(portal.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: expect.anything() },
    ]);
    const [[, headers]] = ofType('AWS::CloudFront::ResponseHeadersPolicy') as [[string, Resource]];
    const security = JSON.stringify(headers.Properties);
    for (const expected of [
      'frame-ancestors',
      'cognito-idp.',
      'StrictTransportSecurity',
      'ContentTypeOptions',
    ]) {
      expect(security).toContain(expected);
    }
  });

  it('writes config.json from the user pool client and the region, and invalidates the cache', () => {
    const pages = ofType('Custom::CDKBucketDeployment')
      .map(([, d]) => d.Properties ?? {})
      .find((p) => (p.Exclude as string[] | undefined)?.includes('assets/*'));
    const markers = JSON.stringify(pages?.SourceMarkers);
    expect(markers).toContain('SignInUserPoolWebClient');
    expect(markers).toContain('AWS::Region');
    expect(pages).toMatchObject({ Prune: false, DistributionPaths: ['/*'] });
  });
});

describe('the SPA routing function', () => {
  // cloudfront-js is plain JavaScript: the same code runs here.
  const route = (uri: string) =>
    (new Function(`${SPA_ROUTING_CODE}; return handler;`)() as (e: unknown) => { uri: string })({
      request: { uri },
    }).uri;

  it('serves index.html for the portal routes and leaves files alone', () => {
    expect(route('/')).toBe('/index.html');
    expect(route('/applications/0b6f3a4e-1c2d/edit')).toBe('/index.html');
    expect(route('/backoffice')).toBe('/index.html');
    expect(route('/config.json')).toBe('/config.json');
    expect(route('/assets/index-BYfuCRas.js')).toBe('/assets/index-BYfuCRas.js');
  });
});

describe('cdk-nag', () => {
  it('gives every acknowledged finding a reason that says why', () => {
    const { app } = buildApp({ context: { ...cdkContext(), 'aws:cdk:bundling-stacks': [] } });
    app.synth();
    const acknowledged = app.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules'))
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    expect(acknowledged.length).toBeGreaterThan(10);
    for (const [id, reason] of acknowledged) expect(reason.length, id).toBeGreaterThan(40);
  });
});
