import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type CfnFunction, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { logRetentionOf } from '../stage-config.ts';
import { LAMBDA_RUNTIME, NODE_MAJOR } from './node-runtime.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Metadata key on each function that names its entry file, so the local stack can run the same code. */
export const ENTRY_METADATA = 'foerderflow:entry';

export interface AppFunctionProps {
  /** Entry file relative to the project root, e.g. functions/calls/list-calls.handler.ts. */
  entry: string;
  description: string;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
  /** Files the bundle needs beside its code (copied by command hooks) and constants that name them. */
  bundling?: Pick<BundlingOptions, 'define' | 'commandHooks'>;
}

/**
 * A Lambda function with the project's defaults: arm64 (cheaper per GB-second than x86), the project's
 * Node LTS, an ESM bundle that is minified with source maps and carries its own SDK (tree-shaken,
 * version-pinned), X-Ray tracing and a log group with the stage's retention.
 *
 * Its own role instead of the AWSLambdaBasicExecutionRole managed policy: that one lets a function write
 * to every log group of the account; this role may write to its own log group only. Everything else is
 * granted by the construct that uses the function (see grants.ts and function-access.ts).
 */
export class AppFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: logRetentionOf(scope),
      removalPolicy: RemovalPolicy.DESTROY, // logs of a deleted function have no owner left
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    });
    logGroup.grantWrite(role);
    super(scope, id, {
      role,
      entry: path.join(PROJECT_ROOT, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: LAMBDA_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      logGroup,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        format: OutputFormat.ESM,
        target: `node${NODE_MAJOR}`,
        minify: true,
        sourceMap: true,
        // Bundle the SDK too: tree-shaken, and the version we tested is the version that runs.
        externalModules: [],
        mainFields: ['module', 'main'],
        // Some dependencies still call require(); give the ESM bundle one.
        banner: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
        ...props.bundling,
      },
    });
    (this.node.defaultChild as CfnFunction).addMetadata(ENTRY_METADATA, props.entry);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords have no resource-level permissions, so AWS requires Resource "*" for them (added by Tracing.ACTIVE). Data access is granted per resource.',
    });
  }
}
