import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Chain, type StateMachine, Succeed } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';
import { completePendingWorkFunction, expressStateMachine, workflowTask } from './express-workflow.ts';
import { grantObjects, grantTable } from './grants.ts';
import { sendEmailFrom } from './http-api.ts';
import { letterFontsBundling } from './letter-bundling.ts';

export interface ObjectionWorkflowProps {
  table: ITableV2;
  /** The letters bucket: the objection's letter is kept beside the Bescheid. */
  lettersBucket: IBucket;
  mailFrom: string;
}

/** Where letters are (see shared/use-cases/objection-workflow/issue-objection-letter.ts). */
const LETTERS = 'letters/*';

/**
 * The objection workflow, marked when the funding body decides an objection (APPEALED → FINAL). The
 * request has already recorded the outcome and moved the budget; this does what follows:
 *   IssueObjectionLetter (the Abhilfe- or Widerspruchsbescheid PDF to S3, recorded on the application)
 *   → SendObjectionNotice (a letter about the objection waits in the portal)
 *   → MoveUpWaitingList (only when a lower grant released budget: the waiting list moves up into it)
 *   → CompletePendingWork
 * Each side effect is its own idempotent task with Retry and Catch; an Express state machine.
 */
export class ObjectionWorkflow extends Construct {
  readonly stateMachine: StateMachine;
  readonly functions: AppFunction[];

  constructor(scope: Construct, id: string, props: ObjectionWorkflowProps) {
    super(scope, id);
    const environment = { TABLE_NAME: props.table.tableName };
    const issue = new AppFunction(this, 'IssueObjectionLetterFunction', {
      entry: 'functions/workflows/objection/issue-objection-letter.handler.ts',
      description: 'objection: render the Abhilfe- or Widerspruchsbescheid, store it and record the letter',
      environment: { ...environment, LETTERS_BUCKET: props.lettersBucket.bucketName },
      // Like the Bescheid: parsing and subsetting the font wants CPU.
      memorySize: 1024,
      timeout: Duration.seconds(30),
      bundling: letterFontsBundling(),
    });
    const notice = new AppFunction(this, 'SendObjectionNoticeFunction', {
      entry: 'functions/workflows/objection/send-objection-notice.handler.ts',
      description: 'objection: email that a letter about the objection waits in the portal',
      environment: { ...environment, MAIL_FROM: props.mailFrom },
    });
    const moveUp = new AppFunction(this, 'MoveUpWaitingListFunction', {
      entry: 'functions/workflows/objection/move-up-waiting-list.handler.ts',
      description: 'objection: approve waiting-list places into the budget a lower grant released',
      environment,
    });
    const complete = completePendingWorkFunction(this, props.table);
    grantTable(issue, props.table, 'read-write'); // reads call and organisation, records the letter
    grantObjects(issue, props.lettersBucket, LETTERS, ['write']);
    grantTable(notice, props.table, 'read-write'); // the email claim
    notice.addToRolePolicy(sendEmailFrom(this, props.mailFrom));
    grantTable(moveUp, props.table, 'read-write');
    this.functions = [issue, notice, moveUp, complete];

    const stale = new Succeed(this, 'NothingToDo', {
      comment: 'The application moved on; its new state carries its own work.',
    });
    const definition = Chain.start(workflowTask(this, 'IssueObjectionLetter', issue, stale))
      .next(workflowTask(this, 'SendObjectionNotice', notice, stale))
      .next(workflowTask(this, 'MoveUpWaitingList', moveUp, stale))
      .next(workflowTask(this, 'CompletePendingWork', complete, stale))
      .next(new Succeed(this, 'Done'));

    this.stateMachine = expressStateMachine(this, definition, Duration.minutes(2));
  }
}
