import { existsSync } from 'node:fs';
import path from 'node:path';
import aslValidator from 'asl-validator';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/constructs/app-function.ts';
import { policyLookup } from './support/policies.ts';
import { statesInOrder, synthesizedWorkflows } from './support/workflows.ts';
import { templates } from './synthesized.ts';

describe('workflows in the synthesized template', () => {
  const { plan, arns, definitionOf, entryOf } = synthesizedWorkflows();
  const functions = Object.fromEntries(plan.functions.map((fn) => [fn.logicalId, fn.entry]));
  const definitions = plan.stateMachines.map((machine) => ({
    name: machine.logicalId,
    definition: definitionOf(machine.logicalId),
  }));

  it('are valid Amazon States Language in JSONPath (the local runner ignores JSONata)', () => {
    expect(definitions.length).toBeGreaterThan(0);
    for (const { name, definition } of definitions) {
      const { isValid, errorsText } = aslValidator(definition);
      expect(isValid, `${name}: ${errorsText()}`).toBe(true);
      expect(definition.QueryLanguage ?? 'JSONPath').toBe('JSONPath');
    }
  });

  it('run only our own functions in Task states, each with Retry, and catch nothing but domain errors', () => {
    for (const { name, definition } of definitions) {
      for (const [stateName, state] of Object.entries(definition.States).filter(
        ([, s]) => s.Type === 'Task',
      )) {
        const logicalId = Object.entries(arns).find(([, arn]) => arn === state.Resource)?.[0];
        expect(logicalId && functions[logicalId], `${name}.${stateName} runs ${state.Resource}`).toMatch(
          /^functions\//,
        );
        expect(state.Retry?.length, `${name}.${stateName} has Retry`).toBeGreaterThan(0);
        for (const katch of state.Catch ?? []) expect(katch.ErrorEquals).toEqual(['StaleWorkError']);
      }
    }
  });

  it('map every Task to a function whose entry file exists, so the local runner can run each one', () => {
    for (const { name, definition } of definitions) {
      for (const [stateName, state] of Object.entries(definition.States).filter(
        ([, s]) => s.Type === 'Task',
      )) {
        const logicalId = Object.entries(arns).find(([, arn]) => arn === state.Resource)?.[0] as string;
        const entry = functions[logicalId] as string;
        expect(existsSync(path.join(PROJECT_ROOT, entry)), `${name}.${stateName}: ${entry}`).toBe(true);
      }
    }
  });

  it('run the intake as reference → PDF copy → completeness check → reviewers → receipt → clear the marker', () => {
    const intake = definitions.find(({ name }) => name.startsWith('Intake'));
    expect(intake).toBeDefined();
    const { definition } = intake as (typeof definitions)[number];
    const order = statesInOrder(definition);
    expect(order).toEqual([
      'AllocateReference',
      'RenderSubmittedCopy',
      'CheckCompleteness',
      'AssignReviewers',
      'SendReceipt',
      'CompletePendingWork',
      'Done',
    ]);
    for (const name of order.slice(0, -1)) {
      expect(
        definition.States[name]?.Catch?.map((c) => c.Next),
        name,
      ).toEqual(['NothingToDo']);
      expect(definition.States[name]?.Retry?.[0]?.ErrorEquals, name).toEqual(['StaleWorkError']);
    }
    const entry = (state: string) => entryOf(definition.States[state]?.Resource);
    expect(entry('RenderSubmittedCopy')).toBe('functions/workflows/intake/render-submitted-copy.handler.ts');
    expect(entry('CheckCompleteness')).toBe('functions/workflows/intake/check-completeness.handler.ts');
    expect(entry('AssignReviewers')).toBe('functions/workflows/intake/assign-reviewers.handler.ts');
  });

  it('lets the intake render copies into, and the receipt read them from, the copies folder only; the receipt may send email', () => {
    const policyOf = policyLookup(Template.fromJSON(templates().stateless));
    const render = policyOf('IntakeRenderSubmittedCopyFunction');
    expect(render).toContain('s3:PutObject');
    expect(render).toContain('/applications/*/copies/*');
    expect(render).not.toContain('s3:GetObject');
    expect(render).not.toContain('dynamodb:PutItem'); // it only reads the table
    expect(render).not.toContain('ses:');

    const receipt = policyOf('IntakeSendReceiptFunction');
    expect(receipt).toContain('s3:GetObject');
    expect(receipt).toContain('/applications/*/copies/*');
    expect(receipt).not.toContain('s3:PutObject');
    expect(receipt).toContain('ses:SendEmail');
    expect(receipt).toContain('identity/foerderflow@example.org');

    const check = policyOf('IntakeCheckCompletenessFunction');
    expect(check).toContain('dynamodb:');
    expect(check).not.toContain('s3:');
    expect(check).not.toContain('ses:');
  });

  it('feeds the dispatcher only application items that carry pending work, reporting failed records', () => {
    const mappings = Object.values(templates().stateless.Resources).filter(
      (r) => r.Type === 'AWS::Lambda::EventSourceMapping',
    );
    expect(mappings).toHaveLength(1);
    const props = mappings[0]?.Properties as Record<string, unknown>;
    expect(props.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(props.BisectBatchOnFunctionError).toBe(true);
    expect(props.DestinationConfig).toBeDefined();
    const pattern = JSON.parse(
      (props.FilterCriteria as { Filters: { Pattern: string }[] }).Filters[0]?.Pattern ?? '{}',
    );
    expect(pattern).toEqual({
      eventName: ['INSERT', 'MODIFY'],
      dynamodb: { NewImage: { itemType: { S: ['Application'] }, pendingWork: { S: [{ exists: true }] } } },
    });
    const dispatcher = plan.eventSources[0]?.functionLogicalId as string;
    expect(functions[dispatcher]).toBe('functions/workflows/dispatch-stream.handler.ts');
  });

  it('runs the workflows as Express state machines with logging', () => {
    const machines = Object.values(templates().stateless.Resources).filter(
      (r) => r.Type === 'AWS::StepFunctions::StateMachine',
    );
    for (const machine of machines) {
      expect(machine.Properties).toMatchObject({
        StateMachineType: 'EXPRESS',
        LoggingConfiguration: expect.anything(),
      });
    }
  });
});
