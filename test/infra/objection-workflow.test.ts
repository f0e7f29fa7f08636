import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { planFromTemplates, resolveValue } from '../../infra/local/template-plan.ts';
import { templates } from './synthesized.ts';

interface AslState {
  Type: string;
  Resource?: string;
  Next?: string;
  Retry?: { ErrorEquals: string[] }[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
}

describe('the objection workflow in the synthesized template', () => {
  const plan = planFromTemplates(templates());
  const machineId = plan.stateMachines.find(({ logicalId }) => logicalId.startsWith('Objection'))
    ?.logicalId as string;
  const arns = Object.fromEntries(
    plan.functions.map((fn) => [
      fn.logicalId,
      `arn:aws:lambda:eu-central-1:000000000000:function:${fn.logicalId}`,
    ]),
  );
  const entryOf = (resource: string | undefined) =>
    plan.functions.find((fn) => arns[fn.logicalId] === resource)?.entry;
  const stateless = Template.fromJSON(templates().stateless);

  it('is what the dispatcher starts for pending work "objection"', () => {
    expect(machineId).toBeDefined();
    const dispatcher = Object.values(stateless.findResources('AWS::Lambda::Function')).find(
      (fn) => fn.Properties.Environment?.Variables?.OBJECTION_WORKFLOW_ARN !== undefined,
    );
    expect(dispatcher?.Properties.Environment.Variables.OBJECTION_WORKFLOW_ARN).toEqual({ Ref: machineId });
  });

  it('issues the letter, sends the notice, moves the waiting list up, and clears the marker last', () => {
    const machine = plan.stateMachines.find(({ logicalId }) => logicalId === machineId);
    const definition = JSON.parse(
      resolveValue(
        machine?.definition,
        { refs: {}, arns, region: 'eu-central-1', accountId: '000000000000' },
        plan.exports,
      ),
    ) as { StartAt: string; States: Record<string, AslState> };
    const order: string[] = [];
    for (let state: string | undefined = definition.StartAt; state; state = definition.States[state]?.Next)
      order.push(state);
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
    const policyOf = (prefix: string) =>
      JSON.stringify(
        Object.entries(stateless.findResources('AWS::IAM::Policy')).find(([id]) => id.startsWith(prefix))?.[1]
          .Properties.PolicyDocument ?? {},
      );
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
