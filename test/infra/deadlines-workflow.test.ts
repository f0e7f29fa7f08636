import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { policyLookup } from './support/policies.ts';
import { type AslState, statesInOrder, synthesizedWorkflows } from './support/workflows.ts';
import { templates } from './synthesized.ts';

describe('the deadlines workflow in the synthesized template', () => {
  const { machineIdOf, definitionOf, entryOf, plan } = synthesizedWorkflows();
  const machineId = machineIdOf('Deadlines');

  it('is started every hour by a schedule that targets its state machine with the scheduled input', () => {
    expect(machineId).toBeDefined();
    const stateless = Template.fromJSON(templates().stateless);
    stateless.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Targets: [{ Arn: { Ref: machineId }, Input: JSON.stringify({ source: 'schedule' }) }],
    });
    // The local stack finds the same state machine through the same schedule.
    expect(plan.schedules).toEqual([
      { stateMachineLogicalId: machineId, expression: 'rate(1 hour)', input: { source: 'schedule' } },
    ]);
  });

  it('closes, emails, reminds, finalizes, reminds of letters and re-dispatches in that order, each a Task with Retry mapped to its handler', () => {
    const definition = definitionOf(machineId);
    const order = statesInOrder(definition);
    expect(order).toEqual([
      'CloseOverdueNachforderungen',
      'SendClosingEmails',
      'RemindReviewers',
      'FinalizeAppealPeriods',
      'RemindUnretrievedLetters',
      'RedispatchStalePendingWork',
      'Done',
    ]);
    const entries = order.slice(0, -1).map((name) => {
      const state = definition.States[name] as AslState;
      expect(state.Type, name).toBe('Task');
      expect(state.Retry?.length, name).toBeGreaterThan(0);
      return entryOf(state.Resource);
    });
    expect(entries).toEqual([
      'functions/workflows/deadlines/close-overdue-nachforderungen.handler.ts',
      'functions/workflows/deadlines/send-closing-emails.handler.ts',
      'functions/workflows/deadlines/remind-reviewers.handler.ts',
      'functions/workflows/deadlines/finalize-appeal-periods.handler.ts',
      'functions/workflows/deadlines/remind-unretrieved-letters.handler.ts',
      'functions/workflows/deadlines/redispatch-stale-pending-work.handler.ts',
    ]);
  });

  it('lets only the email tasks send email', () => {
    const policyOf = policyLookup(Template.fromJSON(templates().stateless));
    expect(policyOf('DeadlinesSendClosingEmailsFunction')).toContain('ses:SendEmail');
    expect(policyOf('DeadlinesRemindReviewersFunction')).toContain('ses:SendEmail');
    expect(policyOf('DeadlinesRemindUnretrievedLettersFunction')).toContain('ses:SendEmail');
    expect(policyOf('DeadlinesFinalizeAppealPeriodsFunction')).not.toContain('ses:');
    expect(policyOf('DeadlinesCloseOverdueNachforderungenFunction')).not.toContain('ses:');
    expect(policyOf('DeadlinesRedispatchStalePendingWorkFunction')).not.toContain('ses:');
  });
});
