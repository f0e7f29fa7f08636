import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable, ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { workflowArnVariable } from '../../shared/adapters/sfn-workflow-starter.ts';
import type { Workflow } from '../../shared/domain/lifecycle.ts';
import { AppFunction } from './app-function.ts';

export interface StreamDispatcherProps {
  table: ITableV2;
  workflows: Partial<Record<Workflow, IStateMachine>>;
}

/**
 * Reads the table's stream and starts the workflow each application change asks for. The filter lives
 * here, in CDK, so the dispatcher only ever sees application items that carry pending work; the local
 * poller takes the very same filter from the synthesized template.
 */
export class StreamDispatcher extends Construct {
  readonly function: AppFunction;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: StreamDispatcherProps) {
    super(scope, id);
    this.function = new AppFunction(this, 'Function', {
      entry: 'functions/workflows/dispatch-stream.handler.ts',
      description: 'stream → workflows dispatcher',
      // Express workflows run up to five minutes each, one record after another.
      timeout: Duration.minutes(10),
    });
    for (const [workflow, stateMachine] of Object.entries(props.workflows)) {
      this.function.addEnvironment(workflowArnVariable(workflow), stateMachine.stateMachineArn);
      stateMachine.grantStartSyncExecution(this.function);
    }
    // Records the stream gave up on (after 20 attempts or a day): kept 14 days for a person to redrive,
    // and alarmed on (see Monitoring).
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the stream mapping; its messages wait for a person.',
    });
    this.function.addEventSource(
      new DynamoEventSource(props.table as ITable, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 20,
        maxRecordAge: Duration.days(1),
        onFailure: new SqsDlq(this.deadLetterQueue),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: {
              NewImage: {
                itemType: { S: FilterRule.isEqual('Application') },
                pendingWork: { S: FilterRule.exists() },
              },
            },
          }),
        ],
      }),
    );
  }
}
