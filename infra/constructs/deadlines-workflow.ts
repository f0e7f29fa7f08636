import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { SfnStateMachine } from 'aws-cdk-lib/aws-events-targets';
import { Chain, type StateMachine, Succeed } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { SCHEDULED_DEADLINES_INPUT } from '../../shared/workflows/deadlines-input.ts';
import { AppFunction } from './app-function.ts';
import { expressStateMachine, workflowTask } from './express-workflow.ts';
import { grantTable } from './grants.ts';
import { sendEmailFrom } from './http-api.ts';

export interface DeadlinesWorkflowProps {
  table: ITableV2;
  mailFrom: string;
  /** How often the schedule starts a run (default: every hour). */
  every?: Duration;
}

/**
 * The deadlines workflow, started on a schedule (not by the stream): close overdue Nachforderungen
 * (CLOSED_INCOMPLETE), send their closing emails, remind reviewers of assessments due within three
 * days, mark notified decisions FINAL after the objection period, remind applicants once of a letter
 * not retrieved, and re-dispatch follow-up work still pending after the grace period. Each task is idempotent
 * and bounded per run; whatever is left, the next run does. The local stack finds this state machine
 * through the schedule's target and runs it on a timer and on `POST /deadlines/run`.
 */
export class DeadlinesWorkflow extends Construct {
  readonly stateMachine: StateMachine;
  readonly functions: AppFunction[];
  readonly schedule: Rule;

  constructor(scope: Construct, id: string, props: DeadlinesWorkflowProps) {
    super(scope, id);
    const environment = { TABLE_NAME: props.table.tableName };
    const mail = { ...environment, MAIL_FROM: props.mailFrom };
    const close = new AppFunction(this, 'CloseOverdueNachforderungenFunction', {
      entry: 'functions/workflows/deadlines/close-overdue-nachforderungen.handler.ts',
      description: 'deadlines: close overdue Nachforderungen as CLOSED_INCOMPLETE',
      environment,
      timeout: Duration.minutes(1),
    });
    const closingEmails = new AppFunction(this, 'SendClosingEmailsFunction', {
      entry: 'functions/workflows/deadlines/send-closing-emails.handler.ts',
      description: 'deadlines: email applicants whose application was closed',
      environment: mail,
      timeout: Duration.minutes(1),
    });
    const remind = new AppFunction(this, 'RemindReviewersFunction', {
      entry: 'functions/workflows/deadlines/remind-reviewers.handler.ts',
      description: 'deadlines: remind reviewers of assessments due soon',
      environment: mail,
      timeout: Duration.minutes(1),
    });
    const finalize = new AppFunction(this, 'FinalizeAppealPeriodsFunction', {
      entry: 'functions/workflows/deadlines/finalize-appeal-periods.handler.ts',
      description: 'deadlines: mark notified decisions FINAL once the objection period is over',
      environment,
      timeout: Duration.minutes(1),
    });
    const remindLetters = new AppFunction(this, 'RemindUnretrievedLettersFunction', {
      entry: 'functions/workflows/deadlines/remind-unretrieved-letters.handler.ts',
      description: 'deadlines: remind applicants once of a decision letter not yet retrieved',
      environment: mail,
      timeout: Duration.minutes(1),
    });
    const redispatch = new AppFunction(this, 'RedispatchStalePendingWorkFunction', {
      entry: 'functions/workflows/deadlines/redispatch-stale-pending-work.handler.ts',
      description: 'deadlines: mark stale pending work again so the stream dispatches it',
      environment,
    });
    grantTable(close, props.table, 'read-write'); // application, event, assignments, workload counts
    grantTable(closingEmails, props.table, 'read-write'); // email claims, the closing-email marker
    grantTable(remind, props.table, 'read-write'); // email claims
    grantTable(redispatch, props.table, 'read-write');
    grantTable(finalize, props.table, 'read-write'); // application and event
    grantTable(remindLetters, props.table, 'read-write'); // email claims, application and event
    closingEmails.addToRolePolicy(sendEmailFrom(this, props.mailFrom));
    remind.addToRolePolicy(sendEmailFrom(this, props.mailFrom));
    remindLetters.addToRolePolicy(sendEmailFrom(this, props.mailFrom));
    this.functions = [close, closingEmails, remind, finalize, remindLetters, redispatch];

    const stale = new Succeed(this, 'NothingToDo', {
      comment: 'No task of this workflow expects stale work.',
    });
    const definition = Chain.start(workflowTask(this, 'CloseOverdueNachforderungen', close, stale))
      .next(workflowTask(this, 'SendClosingEmails', closingEmails, stale))
      .next(workflowTask(this, 'RemindReviewers', remind, stale))
      .next(workflowTask(this, 'FinalizeAppealPeriods', finalize, stale))
      .next(workflowTask(this, 'RemindUnretrievedLetters', remindLetters, stale))
      .next(workflowTask(this, 'RedispatchStalePendingWork', redispatch, stale))
      .next(new Succeed(this, 'Done'));

    this.stateMachine = expressStateMachine(this, definition, Duration.minutes(5));

    // An hourly run is enough: due dates are whole days, reminders days ahead, the grace period minutes.
    this.schedule = new Rule(this, 'Schedule', {
      description: 'starts the deadlines workflow',
      schedule: Schedule.rate(props.every ?? Duration.hours(1)),
      targets: [
        new SfnStateMachine(this.stateMachine, {
          input: RuleTargetInput.fromObject(SCHEDULED_DEADLINES_INPUT),
          retryAttempts: 2,
        }),
      ],
    });
  }
}
