import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Chain, type StateMachine, Succeed } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';
import { completePendingWorkFunction, expressStateMachine, workflowTask } from './express-workflow.ts';
import { grantTable } from './grants.ts';
import { sendEmailFrom } from './http-api.ts';

export interface NachforderungWorkflowProps {
  table: ITableV2;
  mailFrom: string;
}

/**
 * The Nachforderung workflow, marked by a reviewer's request for missing documents: email the
 * applicant what is missing and until when (claimed, at most once), then clear the pending marker.
 * An Express state machine like the intake. (Closing an overdue Nachforderung is the deadlines
 * workflow's job, not this one's.)
 */
export class NachforderungWorkflow extends Construct {
  readonly stateMachine: StateMachine;
  readonly functions: AppFunction[];

  constructor(scope: Construct, id: string, props: NachforderungWorkflowProps) {
    super(scope, id);
    const environment = { TABLE_NAME: props.table.tableName };
    const send = new AppFunction(this, 'SendNachforderungFunction', {
      entry: 'functions/workflows/nachforderung/send-nachforderung.handler.ts',
      description: 'nachforderung: email the applicant what the reviewer requests',
      environment: { ...environment, MAIL_FROM: props.mailFrom },
    });
    const complete = completePendingWorkFunction(this, props.table);
    grantTable(send, props.table, 'read-write');
    send.addToRolePolicy(sendEmailFrom(this, props.mailFrom));
    this.functions = [send, complete];

    const stale = new Succeed(this, 'NothingToDo', {
      comment: 'The application moved on; its new state carries its own work.',
    });
    const definition = Chain.start(workflowTask(this, 'SendNachforderung', send, stale))
      .next(workflowTask(this, 'CompletePendingWork', complete, stale))
      .next(new Succeed(this, 'Done'));

    this.stateMachine = expressStateMachine(this, definition, Duration.minutes(2));
  }
}
