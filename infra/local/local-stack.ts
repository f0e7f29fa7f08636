import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  type ExplicitAuthFlowsType,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { PROJECT_ROOT } from '../constructs/app-function.ts';
import { type LocalGateway, type LocalRoute, startLocalGateway } from './gateway/index.ts';
import { seedDemoData } from './seed.ts';
import {
  type CognitoLocalHandle,
  cognitoClient,
  type DynamoDbLocalHandle,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  localDynamoDbClientConfig,
  type S3LocalHandle,
  type SesLocalHandle,
  startCognitoLocal,
  startDynamoDbLocal,
  startS3Local,
  startSesLocal,
} from './services/index.ts';
import { synthesizeTemplates } from './synth.ts';
import { type LocalPlan, planFromTemplates, resolveValue } from './template-plan.ts';

export interface LocalStackOptions {
  /** Folder for all local data (tables, objects, users); kept across restarts. */
  dataDir: string;
  /** Port of the API gateway; a free one when absent. */
  gatewayPort?: number;
  /** Seed the demo calls, organisations and users. */
  seed?: boolean;
  log?: (line: string) => void;
}

/** Where everything runs, for tests, the ready line and tools. */
export interface LocalStackInfo {
  apiUrl: string;
  region: string;
  dynamodbEndpoint: string;
  s3Endpoint: string;
  sesEndpoint: string;
  cognitoEndpoint: string;
  userPoolId: string;
  userPoolClientId: string;
  tableName: string;
  bucketNames: Record<string, string>;
}

export interface LocalStack extends LocalStackInfo {
  services: {
    dynamodb: DynamoDbLocalHandle;
    s3: S3LocalHandle;
    ses: SesLocalHandle;
    cognito: CognitoLocalHandle;
  };
  gateway: LocalGateway;
  /** The environment the functions run with (also applied to this process). */
  environment: Record<string, string>;
  stop(): Promise<void>;
}

const ACCOUNT_ID = '000000000000';
const IDS_FILE = 'local-ids.json';

interface RecordedIds {
  userPoolId?: string;
  userPoolClientId?: string;
}

/**
 * Starts the whole product offline: DynamoDB Local, s3rver, aws-ses-v2-local and cognito-local on
 * 127.0.0.1, with the tables, buckets, user pool and routes of the synthesized CDK templates, and the
 * local gateway in front of the same handlers that run on Lambda. `npm start` and the integration
 * tests both use it.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });

  const plan = planFromTemplates(synthesizeTemplates());
  const started: { stop(): Promise<void> }[] = [];
  try {
    const [dynamodb, s3, ses, cognito] = await Promise.all([
      startDynamoDbLocal({ dataDir: path.join(dataDir, 'dynamodb') }),
      startS3Local({ dataDir: path.join(dataDir, 's3') }),
      startSesLocal(),
      startCognitoLocal({ dataDir: path.join(dataDir, 'cognito') }),
    ]);
    started.push(dynamodb, s3, ses, cognito);
    log(
      `stand-ins up: dynamodb ${dynamodb.endpoint}, s3 ${s3.endpoint}, ses ${ses.endpoint}, cognito ${cognito.endpoint}`,
    );

    await createTables(plan, dynamodb.endpoint);
    for (const bucket of plan.buckets) await s3.createBucket(bucket.name);
    const pool = await ensureUserPool(plan, cognito.endpoint, dataDir);

    const refs: Record<string, string> = {
      [plan.userPool.logicalId]: pool.userPoolId,
      [plan.userPool.clientLogicalId]: pool.userPoolClientId,
    };
    for (const table of plan.tables) refs[table.logicalId] = table.input.TableName as string;
    for (const bucket of plan.buckets) refs[bucket.logicalId] = bucket.name;

    const environment = functionEnvironment(plan, { refs, region: LOCAL_REGION, accountId: ACCOUNT_ID });
    Object.assign(process.env, environment, {
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      // The SDK's own service-specific endpoint variables: handler code has no local branches.
      AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_SESV2: ses.endpoint,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
    });

    const tableName = plan.tables[0]?.input.TableName as string;
    if (options.seed) {
      const documentClient = DynamoDBDocumentClient.from(
        new DynamoDBClient(localDynamoDbClientConfig(dynamodb.endpoint)),
      );
      const seeded = await seedDemoData({
        documentClient,
        tableName,
        cognito: cognitoClient(cognito.endpoint),
        userPoolId: pool.userPoolId,
        now: new Date(),
      });
      log(`seeded ${seeded.calls.length} calls and ${seeded.users.length} demo users`);
    }

    const issuer = `${cognito.endpoint}/${pool.userPoolId}`;
    const routes = await localRoutes(plan, {
      issuer,
      audience: [pool.userPoolClientId],
      jwksUri: `${issuer}/.well-known/jwks.json`,
    });
    const gateway = await startLocalGateway({
      routes,
      ...(options.gatewayPort !== undefined ? { port: options.gatewayPort } : {}),
      log,
    });
    started.push(gateway);

    const info: LocalStackInfo = {
      apiUrl: gateway.url,
      region: LOCAL_REGION,
      dynamodbEndpoint: dynamodb.endpoint,
      s3Endpoint: s3.endpoint,
      sesEndpoint: ses.endpoint,
      cognitoEndpoint: cognito.endpoint,
      userPoolId: pool.userPoolId,
      userPoolClientId: pool.userPoolClientId,
      tableName,
      bucketNames: Object.fromEntries(plan.buckets.map((b) => [b.logicalId, b.name])),
    };
    return {
      ...info,
      services: { dynamodb, s3, ses, cognito },
      gateway,
      environment,
      stop: () => stopAll(started),
    };
  } catch (error) {
    await stopAll(started);
    throw error;
  }
}

async function stopAll(started: { stop(): Promise<void> }[]) {
  // Reverse order: the gateway first, so no request reaches a stopped service.
  for (const service of [...started].reverse()) {
    await service.stop().catch(() => {});
  }
}

async function createTables(plan: LocalPlan, endpoint: string) {
  const client = new DynamoDBClient(localDynamoDbClientConfig(endpoint));
  for (const table of plan.tables) {
    try {
      await client.send(new DescribeTableCommand({ TableName: table.input.TableName }));
      // Kept from an earlier run, with its data.
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
      await client.send(new CreateTableCommand(table.input));
    }
  }
  client.destroy();
}

/**
 * cognito-local chooses pool ids itself; they are recorded in the data folder so that users and
 * tokens survive a restart.
 */
async function ensureUserPool(plan: LocalPlan, endpoint: string, dataDir: string) {
  const client = cognitoClient(endpoint);
  const idsFile = path.join(dataDir, IDS_FILE);
  let recorded: RecordedIds = {};
  try {
    recorded = JSON.parse(readFileSync(idsFile, 'utf8')) as RecordedIds;
  } catch {
    recorded = {};
  }
  if (recorded.userPoolId && recorded.userPoolClientId) {
    try {
      await client.send(
        new DescribeUserPoolClientCommand({
          UserPoolId: recorded.userPoolId,
          ClientId: recorded.userPoolClientId,
        }),
      );
      client.destroy();
      return { userPoolId: recorded.userPoolId, userPoolClientId: recorded.userPoolClientId };
    } catch {
      // The recorded pool is gone (data folder partly deleted): make a new one below.
    }
  }
  const pool = await client.send(
    new CreateUserPoolCommand({
      PoolName: 'foerderflow-local',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
    }),
  );
  const userPoolId = pool.UserPool?.Id as string;
  const appClient = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'web',
      ExplicitAuthFlows: plan.userPool.clientAuthFlows as ExplicitAuthFlowsType[],
    }),
  );
  const userPoolClientId = appClient.UserPoolClient?.ClientId as string;
  for (const group of plan.userPool.groups) {
    await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group }));
  }
  writeFileSync(idsFile, `${JSON.stringify({ userPoolId, userPoolClientId }, null, 2)}\n`);
  client.destroy();
  return { userPoolId, userPoolClientId };
}

/**
 * All functions run in this one process, so they share process.env. That is safe as long as no two
 * functions give the same variable different values; if they ever do, fail loudly instead of guessing.
 */
function functionEnvironment(plan: LocalPlan, values: Parameters<typeof resolveValue>[1]) {
  const environment: Record<string, string> = {};
  for (const fn of plan.functions) {
    for (const [name, raw] of Object.entries(fn.environment)) {
      const value = resolveValue(raw, values, plan.exports);
      if (environment[name] !== undefined && environment[name] !== value) {
        throw new Error(`functions disagree on ${name}: ${environment[name]} vs ${value}`);
      }
      environment[name] = value;
    }
  }
  return environment;
}

type LambdaHandler = (event: unknown, context: Context) => Promise<APIGatewayProxyResultV2>;

function lambdaContext(functionName: string): Context {
  const deadline = Date.now() + 30_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:${ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: crypto.randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

async function localRoutes(
  plan: LocalPlan,
  authorizer: { issuer: string; audience: string[]; jwksUri: string },
): Promise<LocalRoute[]> {
  const handlers = new Map<string, LambdaHandler>();
  for (const fn of plan.functions) {
    const module = (await import(pathToFileURL(path.join(PROJECT_ROOT, fn.entry)).href)) as {
      handler?: LambdaHandler;
    };
    if (typeof module.handler !== 'function') throw new Error(`${fn.entry} exports no handler`);
    handlers.set(fn.logicalId, module.handler);
  }
  return plan.routes.map((route) => {
    const handler = handlers.get(route.functionLogicalId);
    if (!handler)
      throw new Error(`route ${route.routeKey} points at unknown function ${route.functionLogicalId}`);
    return {
      routeKey: route.routeKey,
      ...(route.authorization === 'JWT' ? { authorizer } : {}),
      invoke: (event) => handler(event, lambdaContext(route.functionLogicalId)),
    };
  });
}
