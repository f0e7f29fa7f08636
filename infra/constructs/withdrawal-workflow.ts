import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Chain, type StateMachine, Succeed } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';
import { completePendingWorkFunction, expressStateMachine, workflowTask } from './express-workflow.ts';
import { grantTable } from './grants.ts';
import { sendEmailFrom } from './http-api.ts';

export interface WithdrawalWorkflowProps {
  table: ITableV2;
  mailFrom: string;
}

/**
 * The withdrawal workflow: release the reviewers' open assignments, let the call's waiting list move up
 * into a renounced approval's released grant, confirm the withdrawal by email (claimed, at most once),
 * then clear the pending marker. An Express state machine like the intake.
 */
export class WithdrawalWorkflow extends Construct {
  readonly stateMachine: StateMachine;
  readonly functions: AppFunction[];

  constructor(scope: Construct, id: string, props: WithdrawalWorkflowProps) {
    super(scope, id);
    const environment = { TABLE_NAME: props.table.tableName };
    const confirm = new AppFunction(this, 'SendConfirmationFunction', {
      entry: 'functions/workflows/withdrawal/send-confirmation.handler.ts',
      description: 'withdrawal: confirm the withdrawal by email',
      environment: { ...environment, MAIL_FROM: props.mailFrom },
    });
    const release = new AppFunction(this, 'ReleaseAssignmentsFunction', {
      entry: 'functions/workflows/withdrawal/release-assignments.handler.ts',
      description: 'withdrawal: release the reviewers’ open assignments',
      environment,
    });
    const moveUp = new AppFunction(this, 'MoveUpWaitingListFunction', {
      entry: 'functions/workflows/withdrawal/move-up-waiting-list.handler.ts',
      description: 'withdrawal: approve waiting-list places into a renounced grant',
      environment,
    });
    const complete = completePendingWorkFunction(this, props.table);
    grantTable(confirm, props.table, 'read-write');
    grantTable(release, props.table, 'read-write');
    grantTable(moveUp, props.table, 'read-write');
    confirm.addToRolePolicy(sendEmailFrom(this, props.mailFrom));
    this.functions = [release, moveUp, confirm, complete];

    const stale = new Succeed(this, 'NothingToDo', {
      comment: 'The application moved on; its new state carries its own work.',
    });
    const definition = Chain.start(workflowTask(this, 'ReleaseAssignments', release, stale))
      .next(workflowTask(this, 'MoveUpWaitingList', moveUp, stale))
      .next(workflowTask(this, 'SendConfirmation', confirm, stale))
      .next(workflowTask(this, 'CompletePendingWork', complete, stale))
      .next(new Succeed(this, 'Done'));

    this.stateMachine = expressStateMachine(this, definition, Duration.minutes(2));
  }
}
