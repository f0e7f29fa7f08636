import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { policyLookup } from './support/policies.ts';
import { type AslState, statesInOrder, synthesizedWorkflows } from './support/workflows.ts';
import { templates } from './synthesized.ts';

describe('the decision workflow in the synthesized template', () => {
  const { machineIdOf, definitionOf, entryOf } = synthesizedWorkflows();
  const machineId = machineIdOf('Decision');
  const stateless = Template.fromJSON(templates().stateless);
  const policyOf = policyLookup(stateless);

  it('is what the dispatcher starts for pending work "decision"', () => {
    expect(machineId).toBeDefined();
    const dispatcher = Object.values(stateless.findResources('AWS::Lambda::Function')).find(
      (fn) => fn.Properties.Environment?.Variables?.DECISION_WORKFLOW_ARN !== undefined,
    );
    expect(dispatcher?.Properties.Environment.Variables.DECISION_WORKFLOW_ARN).toEqual({ Ref: machineId });
  });

  it('issues the letter and then the notice for a decision, only the notice for a waiting-list place, and clears the marker last', () => {
    const definition = definitionOf(machineId);
    const start = definition.States[definition.StartAt] as AslState;
    expect(start.Type).toBe('Choice');
    expect(start.Choices).toEqual([
      { Variable: '$.status', StringEquals: 'WAITLISTED', Next: 'SendDecisionNotice' },
    ]);
    expect(start.Default).toBe('IssueLetter');

    const order = statesInOrder(definition, 'IssueLetter');
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
