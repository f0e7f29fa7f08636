import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../shared/api/contract.ts';
import { routeKeyOf } from '../../shared/api/operation.ts';
import { GROUPS } from '../../shared/domain/roles.ts';
import { templates } from './synthesized.ts';

describe('stateful stack', () => {
  let stateful: Template;
  beforeAll(() => {
    stateful = Template.fromJSON(templates().stateful);
  });

  it('has one on-demand table with its indexes, a stream for the workflows, TTL and PITR', () => {
    stateful.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    stateful.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: ['gsi1', 'gsi2', 'gsi3', 'gsi4', 'pending'].map((name) =>
        Match.objectLike({ IndexName: name }),
      ),
      Replicas: [
        Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
      ],
    });
  });

  it('keeps documents private, encrypted and reachable over TLS only', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.anyValue(),
      VersioningConfiguration: { Status: 'Enabled' },
    });
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('has a user pool with the four groups and a client that signs in with USER_PASSWORD_AUTH', () => {
    stateful.resourceCountIs('AWS::Cognito::UserPool', 1);
    for (const group of GROUPS)
      stateful.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
    stateful.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH']),
      GenerateSecret: false,
    });
  });
});

describe('stateless stack', () => {
  let stateless: Template;
  beforeAll(() => {
    stateless = Template.fromJSON(templates().stateless);
  });

  it('has exactly one route per operation of the contract', () => {
    const routes = stateless.findResources('AWS::ApiGatewayV2::Route');
    const keys = Object.values(routes).map((route) => route.Properties.RouteKey as string);
    expect(keys.sort()).toEqual(operations.map(routeKeyOf).sort());
  });

  it('puts the JWT authorizer on every route that is not public, and on no other', () => {
    for (const operation of operations) {
      stateless.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKeyOf(operation),
        AuthorizationType: operation.access === 'public' ? 'NONE' : 'JWT',
      });
    }
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: Match.anyValue(), Issuer: Match.anyValue() },
    });
  });

  it('runs every function on arm64 with the project runtime, tracing and source maps', () => {
    const functions = Object.values(stateless.findResources('AWS::Lambda::Function'));
    expect(functions.length).toBeGreaterThanOrEqual(new Set(operations.map((o) => o.handler)).size);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({
        Architectures: ['arm64'],
        Runtime: 'nodejs24.x',
        TracingConfig: { Mode: 'Active' },
        Environment: { Variables: expect.objectContaining({ NODE_OPTIONS: '--enable-source-maps' }) },
      });
    }
  });

  it('grants a read-only handler no write actions on the table', () => {
    const policies = Object.entries(stateless.findResources('AWS::IAM::Policy'));
    const listCalls = policies.find(([id]) => id.startsWith('ApiListCallsFunction'));
    const actions = JSON.stringify(listCalls?.[1].Properties.PolicyDocument);
    expect(actions).toContain('dynamodb:Query');
    expect(actions).not.toMatch(/dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)/);
  });
});
