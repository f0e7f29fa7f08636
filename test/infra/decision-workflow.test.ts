import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { planFromTemplates, resolveValue } from '../../infra/local/template-plan.ts';
import { templates } from './synthesized.ts';

interface AslState {
  Type: string;
  Resource?: string;
  Next?: string;
  Default?: string;
  Choices?: { Variable: string; StringEquals?: string; Next: string }[];
  Retry?: { ErrorEquals: string[] }[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
}

describe('the decision workflow in the synthesized template', () => {
  const plan = planFromTemplates(templates());
  const machineId = plan.stateMachines.find(({ logicalId }) => logicalId.startsWith('Decision'))
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

  it('is what the dispatcher starts for pending work "decision"', () => {
    expect(machineId).toBeDefined();
    const dispatcher = Object.values(stateless.findResources('AWS::Lambda::Function')).find(
      (fn) => fn.Properties.Environment?.Variables?.DECISION_WORKFLOW_ARN !== undefined,
    );
    expect(dispatcher?.Properties.Environment.Variables.DECISION_WORKFLOW_ARN).toEqual({ Ref: machineId });
  });

  it('issues the letter and then the notice for a decision, only the notice for a waiting-list place, and clears the marker last', () => {
    const machine = plan.stateMachines.find(({ logicalId }) => logicalId === machineId);
    const definition = JSON.parse(
      resolveValue(
        machine?.definition,
        { refs: {}, arns, region: 'eu-central-1', accountId: '000000000000' },
        plan.exports,
      ),
    ) as { StartAt: string; States: Record<string, AslState> };
    const start = definition.States[definition.StartAt] as AslState;
    expect(start.Type).toBe('Choice');
    expect(start.Choices).toEqual([
      { Variable: '$.status', StringEquals: 'WAITLISTED', Next: 'SendDecisionNotice' },
    ]);
    expect(start.Default).toBe('IssueLetter');

    const order: string[] = [];
    for (let state: string | undefined = 'IssueLetter'; state; state = definition.States[state]?.Next)
      order.push(state);
    expect(order).toEqual(['IssueLetter', 'SendDecisionNotice', 'CompletePendingWork', 'Done']);
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
      'functions/workflows/decision/issue-letter.handler.ts',
      'functions/workflows/decision/send-decision-notice.handler.ts',
      'functions/workflows/complete-pending-work.handler.ts',
    ]);
  });

  it('lets the letter task write letters only, and only the notice task send email', () => {
    const policyOf = (prefix: string) =>
      JSON.stringify(
        Object.entries(stateless.findResources('AWS::IAM::Policy')).find(([id]) => id.startsWith(prefix))?.[1]
          .Properties.PolicyDocument ?? {},
      );
    const issue = policyOf('DecisionIssueLetterFunction');
    expect(issue).toContain('s3:PutObject');
    expect(issue).toContain('/letters/*');
    expect(issue).not.toContain('/applications/');
    expect(issue).not.toContain('s3:GetObject');
    expect(issue).not.toContain('ses:');

    const notice = policyOf('DecisionSendDecisionNoticeFunction');
    expect(notice).toContain('ses:SendEmail');
    expect(notice).toContain('identity/foerderflow@example.org');
    expect(notice).not.toContain('s3:');
  });
});
