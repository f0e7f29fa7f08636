import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Chain, type StateMachine, Succeed } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { AppFunction } from './app-function.ts';
import { completePendingWorkFunction, expressStateMachine, workflowTask } from './express-workflow.ts';

export interface DecisionWorkflowProps {
  table: ITableV2;
  /** The documents bucket: the letters (Bescheide) are kept beside the uploads and copies. */
  documentsBucket: IBucket;
  mailFrom: string;
}

/**
 * The decision workflow, marked by approve, reject and waitlist: what follows a decision the request
 * has already committed (with its budget reservation). For now it only clears the pending marker.
 */
export class DecisionWorkflow extends Construct {
  readonly stateMachine: StateMachine;
  readonly functions: AppFunction[];

  constructor(scope: Construct, id: string, props: DecisionWorkflowProps) {
    super(scope, id);
    const complete = completePendingWorkFunction(this, props.table);
    this.functions = [complete];

    const stale = new Succeed(this, 'NothingToDo', {
      comment: 'The application moved on; its new state carries its own work.',
    });
    const definition = Chain.start(workflowTask(this, 'CompletePendingWork', complete, stale)).next(
      new Succeed(this, 'Done'),
    );

    this.stateMachine = expressStateMachine(this, definition, Duration.minutes(2));
  }
}
