import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Chain, type StateMachine, Succeed } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';
import { completePendingWorkFunction, expressStateMachine, workflowTask } from './express-workflow.ts';
import { grantTable } from './grants.ts';
import { sendEmailFrom } from './http-api.ts';

export interface AssessmentWorkflowProps {
  table: ITableV2;
  mailFrom: string;
}

/**
 * The assessment workflow, started when the second assessment is recorded: the summary and ASSESSED,
 * then (rolling calls only) email every approver that a decision is due, then clear the pending marker.
 * An Express state machine like the intake.
 */
export class AssessmentWorkflow extends Construct {
  readonly stateMachine: StateMachine;
  readonly functions: AppFunction[];

  constructor(scope: Construct, id: string, props: AssessmentWorkflowProps) {
    super(scope, id);
    const environment = { TABLE_NAME: props.table.tableName };
    const summarize = new AppFunction(this, 'SummarizeFunction', {
      entry: 'functions/workflows/assessment/summarize.handler.ts',
      description: 'assessment: summary of both assessments, ASSESSED',
      environment,
    });
    const notifyApprovers = new AppFunction(this, 'NotifyApproversFunction', {
      entry: 'functions/workflows/assessment/notify-approvers.handler.ts',
      description: 'assessment: email the approvers of a rolling call that a decision is due',
      environment: { ...environment, MAIL_FROM: props.mailFrom },
    });
    const complete = completePendingWorkFunction(this, props.table);
    grantTable(summarize, props.table, 'read-write');
    // Reads the application, call and approvers; writes only its email claims.
    grantTable(notifyApprovers, props.table, 'read-write');
    notifyApprovers.addToRolePolicy(sendEmailFrom(this, props.mailFrom));
    this.functions = [summarize, notifyApprovers, complete];

    const stale = new Succeed(this, 'NothingToDo', {
      comment: 'The application moved on; its new state carries its own work.',
    });
    const definition = Chain.start(workflowTask(this, 'Summarize', summarize, stale))
      .next(workflowTask(this, 'NotifyApprovers', notifyApprovers, stale))
      .next(workflowTask(this, 'CompletePendingWork', complete, stale))
      .next(new Succeed(this, 'Done'));

    this.stateMachine = expressStateMachine(this, definition, Duration.minutes(2));
  }
}
