import { type CfnElement, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import {
  DefinitionBody,
  Errors,
  type IChainable,
  LogLevel,
  QueryLanguage,
  StateMachine,
  StateMachineType,
  type Succeed,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { DOMAIN_TASK_ERRORS } from '../../shared/workflows/workflow-input.ts';
import { logRetentionOf } from '../stage-config.ts';
import { AppFunction } from './app-function.ts';
import { grantTable } from './grants.ts';

/**
 * Step task: one Lambda per side effect, with its own Retry (transient failures) and a Catch for the
 * domain errors only (the work no longer applies). Any other failure ends the execution as FAILED, so
 * the dispatcher reports the record and the stream delivers it again: nothing is hidden.
 */
export function workflowTask(scope: Construct, id: string, fn: AppFunction, stale: Succeed) {
  const task = new LambdaInvoke(scope, id, {
    lambdaFunction: fn,
    payloadResponseOnly: true,
    retryOnServiceExceptions: false,
    resultPath: `$.results.${id}`,
  });
  // Domain errors are final at once; everything else is retried with backoff.
  task.addRetry({ errors: [...DOMAIN_TASK_ERRORS], maxAttempts: 0 });
  task.addRetry({ errors: [Errors.ALL], interval: Duration.seconds(1), backoffRate: 2, maxAttempts: 3 });
  task.addCatch(stale, { errors: [...DOMAIN_TASK_ERRORS], resultPath: '$.stale' });
  // LambdaInvoke grants the state machine the function and `<function ARN>:*` (its versions and
  // aliases); cdk-nag reports the latter by the function's logical id.
  const functionId = Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnElement);
  Validations.of(scope).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${functionId}.Arn>:*]`,
    reason: `The state machine may invoke ${id}'s function and its versions/aliases (\`:*\`), as LambdaInvoke grants; no other function.`,
  });
  return task;
}

/**
 * Every workflow's state machine: Express (seconds long, nothing long-running to migrate), JSONPath
 * (the local runner ignores JSONata), traced. Express executions have no execution history in the
 * console: the log is the only record of which state ran and failed, so every event is logged (ALL) —
 * but without execution data, which carries personal data (names, addresses, amounts).
 */
export function expressStateMachine(
  scope: Construct,
  definition: IChainable,
  timeout: Duration,
): StateMachine {
  const stateMachine = new StateMachine(scope, 'StateMachine', {
    stateMachineType: StateMachineType.EXPRESS,
    queryLanguage: QueryLanguage.JSON_PATH,
    definitionBody: DefinitionBody.fromChainable(definition),
    timeout,
    tracingEnabled: true,
    logs: {
      destination: new LogGroup(scope, 'Logs', {
        retention: logRetentionOf(scope),
        removalPolicy: RemovalPolicy.DESTROY,
      }),
      level: LogLevel.ALL,
      includeExecutionData: false,
    },
  });
  Validations.of(stateMachine).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'Logging to CloudWatch (logs:CreateLogDelivery, …) and X-Ray tracing have no resource-level permissions; AWS requires Resource "*" for them. Lambda invocations are granted per function.',
  });
  return stateMachine;
}

/** The last task of every application workflow: clears the pending-work marker of its round. */
export function completePendingWorkFunction(scope: Construct, table: ITableV2): AppFunction {
  const complete = new AppFunction(scope, 'CompletePendingWorkFunction', {
    entry: 'functions/workflows/complete-pending-work.handler.ts',
    description: 'workflows: clear the pending-work marker',
    environment: { TABLE_NAME: table.tableName },
  });
  grantTable(complete, table, 'read-write');
  return complete;
}
