import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { planFromTemplates, resolveValue } from '../../infra/local/template-plan.ts';
import { templates } from './synthesized.ts';

interface AslDefinition {
  StartAt: string;
  QueryLanguage?: string;
  States: Record<
    string,
    {
      Type: string;
      Resource?: string;
      Retry?: { ErrorEquals: string[] }[];
      Catch?: { ErrorEquals: string[] }[];
    }
  >;
}

describe('workflows in the synthesized template', () => {
  const plan = planFromTemplates(templates());
  const functions = Object.fromEntries(plan.functions.map((fn) => [fn.logicalId, fn.entry]));
  const arns = Object.fromEntries(
    plan.functions.map((fn) => [
      fn.logicalId,
      `arn:aws:lambda:eu-central-1:000000000000:function:${fn.logicalId}`,
    ]),
  );
  const definitions = plan.stateMachines.map((machine) => ({
    name: machine.logicalId,
    definition: JSON.parse(
      resolveValue(
        machine.definition,
        { refs: {}, arns, region: 'eu-central-1', accountId: '000000000000' },
        plan.exports,
      ),
    ) as AslDefinition,
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
