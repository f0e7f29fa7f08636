import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Choice, Condition, type StateMachine, Succeed } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';
import { completePendingWorkFunction, expressStateMachine, workflowTask } from './express-workflow.ts';
import { grantObjects, grantTable } from './grants.ts';
import { sendEmailFrom } from './http-api.ts';
import { letterFontsBundling } from './letter-bundling.ts';

export interface DecisionWorkflowProps {
  table: ITableV2;
  /** The letters bucket: the Bescheide are kept beside the copies of the applications. */
  lettersBucket: IBucket;
  mailFrom: string;
}

/** Where letters are (see shared/use-cases/decision-workflow/issue-letter.ts): the only keys it writes. */
const LETTERS = 'letters/*';

/**
 * The decision workflow, marked by approve, reject and waitlist. The request has already committed the
 * decision (and reserved the budget); this does what follows:
 *   APPROVED / REJECTED → IssueLetter (the Bescheid PDF to S3, recorded on the application)
 *                       → SendDecisionNotice (a letter waits in the portal) → CompletePendingWork
 *   WAITLISTED          → SendDecisionNotice (the waiting-list notice)       → CompletePendingWork
 * Each side effect is its own idempotent task with Retry and Catch. An Express state machine: seconds
 * long; the notification and objection periods live in the table, not here.
 */
export class DecisionWorkflow extends Construct {
  readonly stateMachine: StateMachine;
  readonly functions: AppFunction[];

  constructor(scope: Construct, id: string, props: DecisionWorkflowProps) {
    super(scope, id);
    const environment = { TABLE_NAME: props.table.tableName };
    const issue = new AppFunction(this, 'IssueLetterFunction', {
      entry: 'functions/workflows/decision/issue-letter.handler.ts',
      description: 'decision: render the Bescheid PDF, store it and record the letter',
      environment: { ...environment, LETTERS_BUCKET: props.lettersBucket.bucketName },
      // Parsing the font and subsetting it wants CPU: at 1 GB a letter renders in well under a second.
      memorySize: 1024,
      timeout: Duration.seconds(30),
      bundling: letterFontsBundling(),
    });
    const notice = new AppFunction(this, 'SendDecisionNoticeFunction', {
      entry: 'functions/workflows/decision/send-decision-notice.handler.ts',
      description: 'decision: email that a Bescheid waits in the portal, or the waiting-list notice',
      environment: { ...environment, MAIL_FROM: props.mailFrom },
    });
    const complete = completePendingWorkFunction(this, props.table);
    grantTable(issue, props.table, 'read-write'); // reads call and organisation, records the letter
    grantObjects(issue, props.lettersBucket, LETTERS, ['write']);
    grantTable(notice, props.table, 'read-write'); // the email claim
    notice.addToRolePolicy(sendEmailFrom(this, props.mailFrom));
    this.functions = [issue, notice, complete];

    const stale = new Succeed(this, 'NothingToDo', {
      comment: 'The application moved on; its new state carries its own work.',
    });
    const sendNotice = workflowTask(this, 'SendDecisionNotice', notice, stale)
      .next(workflowTask(this, 'CompletePendingWork', complete, stale))
      .next(new Succeed(this, 'Done'));
    const definition = new Choice(this, 'LetterOrWaitingList', {
      comment: 'A waiting-list place gets a notice but no Bescheid.',
    })
      .when(Condition.stringEquals('$.status', 'WAITLISTED'), sendNotice)
      .otherwise(workflowTask(this, 'IssueLetter', issue, stale).next(sendNotice));

    this.stateMachine = expressStateMachine(this, definition, Duration.minutes(2));
  }
}
