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

export interface IntakeWorkflowProps {
  table: ITableV2;
  /** The letters bucket: the PDF copies of submitted applications are files of record, like letters. */
  lettersBucket: IBucket;
  mailFrom: string;
}

/** Where the copies are (see shared/adapters/s3-submitted-copies.ts): the only keys the intake touches. */
const COPIES = 'applications/*/copies/*';

/**
 * The intake workflow: Aktenzeichen, the PDF copy of the application as submitted, the completeness
 * check (→ IN_REVIEW, or INCOMPLETE with a Nachforderung), the reviewers' assignment (IN_REVIEW only),
 * the receipt email with the copy attached, then clear the pending marker. Each side effect is its own idempotent task. An Express state
 * machine: seconds long; waits and deadlines live in the table, not here.
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
    const render = new AppFunction(this, 'RenderSubmittedCopyFunction', {
      entry: 'functions/workflows/intake/render-submitted-copy.handler.ts',
      description: 'intake: render the PDF copy of the application as submitted',
      environment: { ...environment, LETTERS_BUCKET: props.lettersBucket.bucketName },
      // Parsing the font and subsetting it wants CPU: at 1 GB a copy renders in well under a second.
      memorySize: 1024,
      timeout: Duration.seconds(30),
      bundling: letterFontsBundling(),
    });
    const check = new AppFunction(this, 'CheckCompletenessFunction', {
      entry: 'functions/workflows/intake/check-completeness.handler.ts',
      description: 'intake: check completeness and eligibility (IN_REVIEW or INCOMPLETE)',
      environment,
    });
    const assign = new AppFunction(this, 'AssignReviewersFunction', {
      entry: 'functions/workflows/intake/assign-reviewers.handler.ts',
      description: 'intake: assign a content and a financial reviewer by workload, and email them',
      environment: { ...environment, MAIL_FROM: props.mailFrom },
    });
    const receipt = new AppFunction(this, 'SendReceiptFunction', {
      entry: 'functions/workflows/intake/send-receipt.handler.ts',
      description: 'intake: send the receipt email with the PDF copy',
      environment: {
        ...environment,
        LETTERS_BUCKET: props.lettersBucket.bucketName,
        MAIL_FROM: props.mailFrom,
      },
    });
    const complete = completePendingWorkFunction(this, props.table);
    grantTable(allocate, props.table, 'read-write');
    grantTable(render, props.table, 'read'); // reads the application, call, organisation and documents
    grantObjects(render, props.lettersBucket, COPIES, ['write']);
    grantTable(check, props.table, 'read-write');
    grantTable(assign, props.table, 'read-write'); // assignments, workload counts, the email claims
    assign.addToRolePolicy(sendEmailFrom(this, props.mailFrom));
    grantTable(receipt, props.table, 'read-write'); // the email claim
    grantObjects(receipt, props.lettersBucket, COPIES, ['read']);
    receipt.addToRolePolicy(sendEmailFrom(this, props.mailFrom));
    this.functions = [allocate, render, check, assign, receipt, complete];

    const stale = new Succeed(this, 'NothingToDo', {
      comment: 'The application moved on; its new state carries its own work.',
    });
    const definition = Chain.start(workflowTask(this, 'AllocateReference', allocate, stale))
      .next(workflowTask(this, 'RenderSubmittedCopy', render, stale))
      .next(workflowTask(this, 'CheckCompleteness', check, stale))
      .next(workflowTask(this, 'AssignReviewers', assign, stale))
      .next(workflowTask(this, 'SendReceipt', receipt, stale))
      .next(workflowTask(this, 'CompletePendingWork', complete, stale))
      .next(new Succeed(this, 'Done'));

    this.stateMachine = expressStateMachine(this, definition, Duration.minutes(2));
  }
}
