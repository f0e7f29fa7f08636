import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { policyLookup } from './support/policies.ts';
import { type AslState, statesInOrder, synthesizedWorkflows } from './support/workflows.ts';
import { templates } from './synthesized.ts';

describe('the objection workflow in the synthesized template', () => {
  const { machineIdOf, definitionOf, entryOf } = synthesizedWorkflows();
  const machineId = machineIdOf('Objection');
  const stateless = Template.fromJSON(templates().stateless);
  const policyOf = policyLookup(stateless);

  it('is what the dispatcher starts for pending work "objection"', () => {
    expect(machineId).toBeDefined();
    const dispatcher = Object.values(stateless.findResources('AWS::Lambda::Function')).find(
      (fn) => fn.Properties.Environment?.Variables?.OBJECTION_WORKFLOW_ARN !== undefined,
    );
    expect(dispatcher?.Properties.Environment.Variables.OBJECTION_WORKFLOW_ARN).toEqual({ Ref: machineId });
  });

  it('issues the letter, sends the notice, moves the waiting list up, and clears the marker last', () => {
    const definition = definitionOf(machineId);
    const order = statesInOrder(definition);
    expect(order).toEqual([
      'IssueObjectionLetter',
      'SendObjectionNotice',
      'MoveUpWaitingList',
      'CompletePendingWork',
      'Done',
    ]);
    const entries = order.slice(0, -1).map((name) => {
      const state = definition.States[name] as AslState;
      expect(state.Type, name).toBe('Task');
      expect(state.Retry?.[0]?.ErrorEquals, name).toEqual(['StaleWorkError']);
      expect(state.Retry?.length, name).toBeGreaterThan(1);
      expect(
        state.Catch?.map((c) => c.Next),
        name,
      ).toEqual(['NothingToDo']);
      return entryOf(state.Resource);
    });
    expect(entries).toEqual([
      'functions/workflows/objection/issue-objection-letter.handler.ts',
      'functions/workflows/objection/send-objection-notice.handler.ts',
      'functions/workflows/objection/move-up-waiting-list.handler.ts',
      'functions/workflows/complete-pending-work.handler.ts',
    ]);
  });

  it('lets the letter task write letters only, and only the notice task send email', () => {
    const issue = policyOf('ObjectionIssueObjectionLetterFunction');
    expect(issue).toContain('s3:PutObject');
    expect(issue).toContain('/letters/*');
    expect(issue).not.toContain('/applications/');
    expect(issue).not.toContain('s3:GetObject');
    expect(issue).not.toContain('ses:');

    const notice = policyOf('ObjectionSendObjectionNoticeFunction');
    expect(notice).toContain('ses:SendEmail');
    expect(notice).not.toContain('s3:');

    const moveUp = policyOf('ObjectionMoveUpWaitingListFunction');
    expect(moveUp).toContain('dynamodb:');
    expect(moveUp).not.toContain('s3:');
    expect(moveUp).not.toContain('ses:');
  });
});
