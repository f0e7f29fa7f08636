import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  AdminGetUserCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  type ExplicitAuthFlowsType,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient as DocClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyResultV2, Context, DynamoDBStreamEvent } from 'aws-lambda';
import { WorkflowInput } from '../../shared/workflows/workflow-input.ts';
import { PROJECT_ROOT } from '../constructs/app-function.ts';
import { startControlServer } from './control-server.ts';
import { seedDemoApplications } from './demo-applications.ts';
import { type LocalGateway, type LocalRoute, startLocalGateway } from './gateway/index.ts';
import { LOCAL_ACCOUNT_ID, lambdaContext } from './lambda-context.ts';
import { startLambdaEndpoint } from './lambda-endpoint.ts';
import { DEMO_USERS, seedDemoData } from './seed.ts';
import {
  type CognitoLocalHandle,
  cognitoClient,
  type DynamoDbLocalHandle,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  localDynamoDbClientConfig,
  localSesClientConfig,
  type S3LocalHandle,
  type SesLocalHandle,
  startCognitoLocal,
  startDynamoDbLocal,
  startS3Local,
  startSesLocal,
} from './services/index.ts';
import { type StreamPoller, startStreamPoller } from './stream/stream-poller.ts';
import { synthesizeTemplates } from './synth.ts';
import { type LocalPlan, type LocalValues, planFromTemplates, resolveValue } from './template-plan.ts';
import { webHosting } from './web-hosting.ts';
import { startSfnEndpoint } from './workflows/sfn-endpoint.ts';
import {
  type AslDefinition,
  createWorkflowRunner,
  type ExecutionResult,
  type WorkflowRunner,
  type WorkflowRunnerOptions,
} from './workflows/workflow-runner.ts';

export interface LocalStackOptions {
  /** Folder for all local data (tables, objects, users); kept across restarts. */
  dataDir: string;
  /** Port of the API gateway; a free one when absent. */
  gatewayPort?: number;
  /** Seed the demo calls, organisations and users. */
  seed?: boolean;
  /**
   * With `seed` and the workflows: also make the demo applications through the API, once (see
   * demo-applications.ts). `npm start` does; the shared integration stack does not, so its seeded
   * reviewers start without workload.
   */
  demoApplications?: boolean;
  /** Run the stream poller and the workflows (default true). */
  workflows?: boolean;
  /** Workflow runner test hook: hold every execution after this state (see workflow-runner.ts). */
  holdAfterState?: string;
  /**
   * Run the scheduled workflows (deadlines) every this many milliseconds, as their schedule does on AWS;
   * absent or 0: only on request (`POST /deadlines/run`), which is what tests want.
   */
  scheduleEveryMs?: number;
  log?: (line: string) => void;
  /** The built portal served at `/` of the gateway's origin (default web/dist; see web-hosting.ts). */
  webDistDir?: string;
  /** Told of every function invocation and workflow execution (the bench's cost section counts them). */
  observe?: {
    invocation?: (functionLogicalId: string, ms: number) => void;
    execution?: WorkflowRunnerOptions['onExecution'];
  };
}

/** Where everything runs, for tests, the ready line and tools. */
export interface LocalStackInfo {
  apiUrl: string;
  region: string;
  dynamodbEndpoint: string;
  s3Endpoint: string;
  sesEndpoint: string;
  cognitoEndpoint: string;
  sfnEndpoint: string;
  /** Local-only controls: drain, clock, stream redelivery, workflow stop/start (see control-server.ts). */
  controlUrl: string;
  userPoolId: string;
  userPoolClientId: string;
  tableName: string;
  bucketNames: Record<string, string>;
}

export interface LocalStack extends LocalStackInfo {
  /** The plain, serializable part: endpoints and ids. */
  info: LocalStackInfo;
  services: {
    dynamodb: DynamoDbLocalHandle;
    s3: S3LocalHandle;
    ses: SesLocalHandle;
    cognito: CognitoLocalHandle;
  };
  gateway: LocalGateway;
  /** The environment the functions run with (also applied to this process). */
  environment: Record<string, string>;
  /** Resolves once no follow-up work is pending and no workflow runs; rejects on a failed workflow. */
  drain(timeoutMs?: number): Promise<void>;
  /** Stops the stream poller and aborts running workflows, as a crash of the runner would. */
  stopWorkflows(): Promise<void>;
  /** Starts the stream poller and runner again, from the checkpoint on disk. */
  startWorkflows(options?: { holdAfterState?: string }): Promise<void>;
  /** The poller of the running workflows (for redelivery in tests). */
  poller(): StreamPoller | undefined;
  /**
   * Runs the scheduled workflows (deadlines) once, now, with the stack's (movable) clock; resolves with
   * each execution's result when they are done. Independent of stopWorkflows, like a schedule on AWS.
   */
  runScheduled(): Promise<ExecutionResult[]>;
  stop(): Promise<void>;
}

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

  log('synthesizing the CDK app (the same templates `cdk deploy` uses) …');
  const plan = planFromTemplates(synthesizeTemplates());
  log(
    `  ${plan.tables.length} table, ${plan.buckets.length} bucket, ${plan.functions.length} functions, ${plan.routes.length} routes, ${plan.stateMachines.length} workflow(s)`,
  );
  log('starting DynamoDB Local, s3rver, aws-ses-v2-local and cognito-local …');
  const started: { stop(): Promise<void> }[] = [];
  try {
    // The user pool's triggers (PostConfirmation: self-registered users become applicants), which
    // cognito-local invokes through the Lambda API.
    const triggerFunctions = plan.userPool.triggers;
    const triggers = await startLambdaEndpoint(triggerFunctions, log);
    started.push(triggers);
    // cognito-local only logs the codes it "sends"; deliver them as the emails Cognito sends on AWS.
    let deliverCode: (delivery: { username: string; destination: string; code: string }) => void = () => {};
    const [dynamodb, s3, ses, cognito] = await Promise.all([
      startDynamoDbLocal({ dataDir: path.join(dataDir, 'dynamodb') }),
      startS3Local({ dataDir: path.join(dataDir, 's3') }),
      startSesLocal(),
      startCognitoLocal({
        dataDir: path.join(dataDir, 'cognito'),
        triggers: {
          lambdaEndpoint: triggers.endpoint,
          functions: Object.fromEntries(Object.keys(triggerFunctions).map((trigger) => [trigger, trigger])),
        },
        onCode: (delivery) => deliverCode(delivery),
      }),
    ]);
    const codeMailer = new SESv2Client(localSesClientConfig(ses.endpoint));
    // Set once the pool exists (codes are only sent after that).
    let poolIdForCodes: string | undefined;
    const codeUsers = cognitoClient(cognito.endpoint);
    deliverCode = ({ username, destination, code }) => {
      // cognito-local logs a temporary password (an admin created the account: it awaits its first
      // sign-in) like a confirmation code; Cognito sends the pool's invitation email for it instead.
      const invited = poolIdForCodes
        ? codeUsers
            .send(new AdminGetUserCommand({ UserPoolId: poolIdForCodes, Username: username }))
            .then((user) => user.UserStatus === 'FORCE_CHANGE_PASSWORD')
        : Promise.resolve(false);
      invited
        .then((isInvitation) => {
          const { subject, message } = isInvitation
            ? plan.userPool.invitationEmail
            : plan.userPool.verificationEmail;
          return codeMailer.send(
            new SendEmailCommand({
              // The sender Cognito's default email configuration uses.
              FromEmailAddress: 'no-reply@verificationemail.com',
              Destination: { ToAddresses: [destination] },
              Content: {
                Simple: {
                  Subject: { Data: subject },
                  Body: {
                    Text: { Data: message.replaceAll('{####}', code).replaceAll('{username}', destination) },
                  },
                },
              },
            }),
          );
        })
        .catch((error: unknown) => log(`confirmation code email to ${destination} failed: ${String(error)}`));
    };
    started.push(dynamodb, s3, ses, cognito);
    log(
      `stand-ins up: dynamodb ${dynamodb.endpoint}, s3 ${s3.endpoint}, ses ${ses.endpoint}, cognito ${cognito.endpoint}`,
    );

    log('creating tables, buckets and the user pool from the templates …');
    await createTables(plan, dynamodb.endpoint);
    for (const bucket of plan.buckets) await s3.createBucket(bucket.name);
    const pool = await ensureUserPool(plan, cognito.endpoint, dataDir);
    poolIdForCodes = pool.userPoolId;
    const tableName = plan.tables[0]?.input.TableName as string;
    const values = localValues(plan, pool);

    // Started before any handler is imported: the SFN client reads its endpoint when it is made.
    let runner: WorkflowRunner | undefined;
    const sfn = await startSfnEndpoint(() => runner);
    started.push(sfn);

    const environment = functionEnvironment(plan, values);
    Object.assign(process.env, environment, {
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      // The SDK's own service-specific endpoint variables: handler code has no local branches.
      AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_SESV2: ses.endpoint,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
      AWS_ENDPOINT_URL_SFN: sfn.endpoint,
      // There is no GuardDuty offline: the stand-in reports every upload scanned clean (on AWS the
      // template's MALWARE_SCAN=guardduty-tags reads GuardDuty's tag). See malware-scan-results.ts.
      MALWARE_SCAN: 'stand-in-clean',
    });

    if (options.seed) {
      const documentClient = DocClient.from(new DynamoDBClient(localDynamoDbClientConfig(dynamodb.endpoint)));
      const seeded = await seedDemoData({
        documentClient,
        tableName,
        cognito: cognitoClient(cognito.endpoint),
        userPoolId: pool.userPoolId,
        now: new Date(),
      });
      log(`seeded ${seeded.calls.length} calls and ${seeded.users.length} demo users`);
    }

    log('loading the handlers and starting the workflows …');
    const handlers = await loadHandlers(plan, options.observe?.invocation);
    const issuer = `${cognito.endpoint}/${pool.userPoolId}`;
    const routes = localRoutes(plan, handlers, {
      issuer,
      audience: [pool.userPoolClientId],
      jwksUri: `${issuer}/.well-known/jwks.json`,
    });

    // Workflows: the runner executes the template's state machines with the task handlers; the poller
    // feeds the dispatcher from the stream with the template's filter.
    const stateMachines = plan.stateMachines.map((machine) => ({
      arn: values.refs[machine.logicalId] as string,
      name: machine.logicalId,
      definition: JSON.parse(resolveValue(machine.definition, values, plan.exports)) as AslDefinition,
    }));
    const taskFunctions = new Map(
      plan.functions.map((fn) => {
        const handler = handlers.get(fn.logicalId) as LambdaHandler;
        return [
          values.arns[fn.logicalId] as string,
          (input: unknown) => handler(input, lambdaContext(fn.logicalId)),
        ];
      }),
    );
    const source = plan.eventSources[0];
    if (plan.eventSources.length !== 1 || !source)
      throw new Error('expected one stream event source (the dispatcher)');
    const dispatcher = handlers.get(source.functionLogicalId) as unknown as (
      event: DynamoDBStreamEvent,
      context: Context,
    ) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

    let poller: StreamPoller | undefined;
    const startWorkflows = async (hooks: { holdAfterState?: string } = {}) => {
      if (poller) return;
      runner = createWorkflowRunner({
        stateMachines,
        functions: taskFunctions,
        ...(hooks.holdAfterState ? { holdAfterState: hooks.holdAfterState } : {}),
        ...(options.observe?.execution ? { onExecution: options.observe.execution } : {}),
        log,
      });
      poller = await startStreamPoller({
        endpoint: dynamodb.endpoint,
        tableName,
        filters: source.filters,
        batchSize: source.batchSize,
        handler: (event) => dispatcher(event, lambdaContext(source.functionLogicalId, 600_000)),
        checkpointFile: path.join(dataDir, 'stream-checkpoint.json'),
        log,
      });
    };
    const stopWorkflows = async () => {
      const [stoppingPoller, stoppingRunner] = [poller, runner];
      poller = undefined;
      runner = undefined;
      // Abort first: a held or running workflow must not finish after the "crash".
      await stoppingRunner?.abortAll();
      await stoppingPoller?.stop();
    };
    if (options.workflows !== false)
      await startWorkflows({ ...(options.holdAfterState ? { holdAfterState: options.holdAfterState } : {}) });
    started.push({ stop: stopWorkflows });

    // Scheduled workflows: their own runner, so they run while the stream's workflows are stopped
    // (on AWS the schedule does not depend on the dispatcher either). One run at a time.
    const scheduledRunner = createWorkflowRunner({
      stateMachines: stateMachines.filter((machine) =>
        plan.schedules.some((schedule) => schedule.stateMachineLogicalId === machine.name),
      ),
      functions: taskFunctions,
      ...(options.observe?.execution ? { onExecution: options.observe.execution } : {}),
      log,
    });
    let scheduledRun: Promise<ExecutionResult[]> = Promise.resolve([]);
    const runScheduled = () => {
      const run = scheduledRun.then(() =>
        Promise.all(
          plan.schedules.map((schedule) =>
            scheduledRunner.execute(values.refs[schedule.stateMachineLogicalId] as string, {
              ...(schedule.input as object),
              source: 'local',
            }),
          ),
        ),
      );
      scheduledRun = run.catch(() => []);
      return run;
    };
    if (options.scheduleEveryMs && options.scheduleEveryMs > 0) {
      const timer = setInterval(() => {
        runScheduled().then(
          (results) => {
            for (const result of results.filter((r) => r.status !== 'SUCCEEDED'))
              log(`scheduled workflow ${result.executionArn} ended ${result.status}: ${result.cause ?? ''}`);
          },
          (error: unknown) => log(`scheduled workflows failed: ${String(error)}`),
        );
      }, options.scheduleEveryMs);
      started.push({
        stop: async () => {
          clearInterval(timer);
          await scheduledRun;
        },
      });
    }

    const pendingClient = DocClient.from(new DynamoDBClient(localDynamoDbClientConfig(dynamodb.endpoint)));
    const drain = async (timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (!poller || !runner) throw new Error('the workflows are stopped: nothing would drain');
        await poller.pollOnce();
        await runner.idle();
        const failures = runner.takeFailures();
        if (failures.length > 0) {
          throw new Error(`workflow failed: ${failures.map((f) => `${f.error}: ${f.cause}`).join('; ')}`);
        }
        const pending = await pendingWork(pendingClient, tableName);
        if (pending.length === 0) return;
        if (Date.now() > deadline) {
          const dispatchFailures = poller.failures().map((f) => f.message);
          throw new Error(
            `work still pending after ${timeoutMs} ms: ${pending.join(', ')} ${dispatchFailures.join('; ')}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };

    // While the demo applications are made, their ~50 request lines would bury the start's output;
    // gateway and handler errors are still logged.
    let quietRequests = false;
    const gateway = await startLocalGateway({
      routes,
      ...(options.gatewayPort !== undefined ? { port: options.gatewayPort } : {}),
      site: webHosting({
        distDir: options.webDistDir ?? path.join(PROJECT_ROOT, 'web', 'dist'),
        region: LOCAL_REGION,
        userPoolClientId: pool.userPoolClientId,
        cognitoEndpoint: cognito.endpoint,
        log,
      }),
      log: (line) => {
        if (!quietRequests || !/^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) /.test(line)) log(line);
      },
    });
    started.push(gateway);

    const control = await startControlServer({
      drain,
      stopWorkflows,
      startWorkflows,
      poller: () => poller,
      runScheduled,
    });
    started.push(control);

    if (options.seed && options.demoApplications && options.workflows !== false) {
      const began = Date.now();
      const client = cognitoClient(cognito.endpoint);
      quietRequests = true;
      // A demo that cannot be made (e.g. old data whose calls have closed) must not keep the product
      // from starting: say why and go on.
      await seedDemoApplications({
        apiUrl: gateway.url,
        controlUrl: control.url,
        cognito: { client, userPoolClientId: pool.userPoolClientId },
        users: DEMO_USERS,
      }).then(
        (demo) =>
          log(
            demo.skipped
              ? `demo applications kept (${demo.reason})`
              : `demo applications created in ${((Date.now() - began) / 1000).toFixed(1)} s: ${demo.applications.map((a) => `${a.applicant} “${a.title}” ${a.status}${a.reference ? ` ${a.reference}` : ''}`).join(', ')}`,
          ),
        (error: unknown) =>
          log(`✖ demo applications not made: ${error instanceof Error ? error.message : String(error)}`),
      );
      client.destroy();
      quietRequests = false;
    }

    const info: LocalStackInfo = {
      apiUrl: gateway.url,
      region: LOCAL_REGION,
      dynamodbEndpoint: dynamodb.endpoint,
      s3Endpoint: s3.endpoint,
      sesEndpoint: ses.endpoint,
      cognitoEndpoint: cognito.endpoint,
      sfnEndpoint: sfn.endpoint,
      controlUrl: control.url,
      userPoolId: pool.userPoolId,
      userPoolClientId: pool.userPoolClientId,
      tableName,
      bucketNames: Object.fromEntries(plan.buckets.map((b) => [b.logicalId, b.name])),
    };
    return {
      ...info,
      info,
      services: { dynamodb, s3, ses, cognito },
      gateway,
      environment,
      drain,
      stopWorkflows,
      startWorkflows,
      poller: () => poller,
      runScheduled,
      stop: () => stopAll(started),
    };
  } catch (error) {
    await stopAll(started);
    throw error;
  }
}

/** Local names and ARNs of every resource the templates refer to. */
function localValues(
  plan: LocalPlan,
  pool: { userPoolId: string; userPoolClientId: string },
): LocalValues & { arns: Record<string, string> } {
  const arn = (service: string, resource: string) =>
    `arn:aws:${service}:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${resource}`;
  const refs: Record<string, string> = {
    [plan.userPool.logicalId]: pool.userPoolId,
    [plan.userPool.clientLogicalId]: pool.userPoolClientId,
  };
  const arns: Record<string, string> = {
    [plan.userPool.logicalId]: arn('cognito-idp', `userpool/${pool.userPoolId}`),
  };
  for (const table of plan.tables) {
    refs[table.logicalId] = table.input.TableName as string;
    arns[table.logicalId] = arn('dynamodb', `table/${table.input.TableName}`);
  }
  for (const bucket of plan.buckets) {
    refs[bucket.logicalId] = bucket.name;
    arns[bucket.logicalId] = `arn:aws:s3:::${bucket.name}`;
  }
  for (const fn of plan.functions) {
    refs[fn.logicalId] = fn.logicalId;
    arns[fn.logicalId] = arn('lambda', `function:${fn.logicalId}`);
  }
  for (const machine of plan.stateMachines) {
    // Ref of a state machine is its ARN.
    refs[machine.logicalId] = arn('states', `stateMachine:${machine.logicalId}`);
    arns[machine.logicalId] = refs[machine.logicalId] as string;
  }
  return { refs, arns, region: LOCAL_REGION, accountId: LOCAL_ACCOUNT_ID };
}

/** Applications that still carry a pending-work marker, from the sparse index (no scan). */
async function pendingWork(client: DocClient, tableName: string): Promise<string[]> {
  const pending: string[] = [];
  for (const workflow of WorkflowInput.shape.workflow.options) {
    const { Items } = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'pending',
        KeyConditionExpression: 'pendingWork = :workflow',
        ExpressionAttributeValues: { ':workflow': workflow },
        Limit: 10,
      }),
    );
    for (const item of Items ?? []) pending.push(`${workflow}:${item.id}`);
  }
  return pending;
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
      // A pool made before the template's MFA setting was read takes it now.
      await client.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId: recorded.userPoolId,
          MfaConfiguration: plan.userPool.mfaConfiguration,
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
      // As the template's pool (OPTIONAL with TOTP): cognito-local asks whoever set up an app for a code.
      MfaConfiguration: plan.userPool.mfaConfiguration,
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
function functionEnvironment(plan: LocalPlan, values: LocalValues) {
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

type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

/** Imports every function's entry point: the same modules that esbuild bundles for Lambda. */
async function loadHandlers(
  plan: LocalPlan,
  observe?: (functionLogicalId: string, ms: number) => void,
): Promise<Map<string, LambdaHandler>> {
  const handlers = new Map<string, LambdaHandler>();
  for (const fn of plan.functions) {
    const module = (await import(pathToFileURL(path.join(PROJECT_ROOT, fn.entry)).href)) as {
      handler?: LambdaHandler;
    };
    const handler = module.handler;
    if (typeof handler !== 'function') throw new Error(`${fn.entry} exports no handler`);
    handlers.set(
      fn.logicalId,
      observe
        ? async (event, context) => {
            const started = performance.now();
            try {
              return await handler(event, context);
            } finally {
              observe(fn.logicalId, performance.now() - started);
            }
          }
        : handler,
    );
  }
  return handlers;
}

function localRoutes(
  plan: LocalPlan,
  handlers: Map<string, LambdaHandler>,
  authorizer: { issuer: string; audience: string[]; jwksUri: string },
): LocalRoute[] {
  return plan.routes.map((route) => {
    const handler = handlers.get(route.functionLogicalId);
    if (!handler)
      throw new Error(`route ${route.routeKey} points at unknown function ${route.functionLogicalId}`);
    return {
      routeKey: route.routeKey,
      ...(route.authorization === 'JWT' ? { authorizer } : {}),
      invoke: (event) =>
        handler(event, lambdaContext(route.functionLogicalId)) as Promise<APIGatewayProxyResultV2>,
    };
  });
}
