import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Chain,
  DefinitionBody,
  Errors,
  LogLevel,
  QueryLanguage,
  StateMachine,
  StateMachineType,
  Succeed,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { DOMAIN_TASK_ERRORS } from '../../shared/workflows/workflow-input.ts';
import { AppFunction } from './app-function.ts';

export interface IntakeWorkflowProps {
  table: ITableV2;
  mailFrom: string;
}

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
  return task;
}

/**
 * The intake workflow (first version): Aktenzeichen, receipt email, then clear the pending marker.
 * An Express state machine: seconds long; waits and deadlines live in the table, not here.
 */
export class IntakeWorkflow extends Construct {
  readonly stateMachine: StateMachine;
  readonly functions: AppFunction[];

  constructor(scope: Construct, id: string, props: IntakeWorkflowProps) {
    super(scope, id);
    const environment = { TABLE_NAME: props.table.tableName };
    const allocate = new AppFunction(this, 'AllocateReferenceFunction', {
      entry: 'functions/workflows/intake/allocate-reference.handler.ts',
      description: 'intake: allocate the Aktenzeichen',
      environment,
    });
    const receipt = new AppFunction(this, 'SendReceiptFunction', {
      entry: 'functions/workflows/intake/send-receipt.handler.ts',
      description: 'intake: send the receipt email',
      environment: { ...environment, MAIL_FROM: props.mailFrom },
    });
    const complete = new AppFunction(this, 'CompletePendingWorkFunction', {
      entry: 'functions/workflows/complete-pending-work.handler.ts',
      description: 'workflows: clear the pending-work marker',
      environment,
    });
    props.table.grantReadWriteData(allocate);
    props.table.grantReadWriteData(receipt);
    props.table.grantReadWriteData(complete);
    this.functions = [allocate, receipt, complete];

    const stale = new Succeed(this, 'NothingToDo', {
      comment: 'The application moved on; its new state carries its own work.',
    });
    const definition = Chain.start(workflowTask(this, 'AllocateReference', allocate, stale))
      .next(workflowTask(this, 'SendReceipt', receipt, stale))
      .next(workflowTask(this, 'CompletePendingWork', complete, stale))
      .next(new Succeed(this, 'Done'));

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.EXPRESS,
      queryLanguage: QueryLanguage.JSON_PATH, // the local runner ignores JSONata
      definitionBody: DefinitionBody.fromChainable(definition),
      timeout: Duration.minutes(2),
      tracingEnabled: true,
      logs: {
        destination: new LogGroup(this, 'Logs', {
          retention: RetentionDays.ONE_MONTH,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
        level: LogLevel.ERROR,
        includeExecutionData: false, // executions carry personal data: log errors, not inputs
      },
    });
  }
}
