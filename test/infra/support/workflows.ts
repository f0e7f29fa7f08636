import { planFromTemplates, resolveValue } from '../../../infra/local/template-plan.ts';
import { templates } from '../synthesized.ts';

/** The parts of an Amazon States Language state the workflow tests look at. */
export interface AslState {
  Type: string;
  Resource?: string;
  Next?: string;
  Default?: string;
  Choices?: { Variable: string; StringEquals?: string; Next: string }[];
  Retry?: { ErrorEquals: string[] }[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
}

export interface AslDefinition {
  StartAt: string;
  QueryLanguage?: string;
  States: Record<string, AslState>;
}

const REGION = 'eu-central-1';
const ACCOUNT_ID = '000000000000';

/**
 * The synthesized app's state machines as the local runner sees them: each function gets an ARN of
 * its logical id, each definition is resolved with those ARNs, and a Task's Resource leads back to the
 * handler file that runs it.
 */
export function synthesizedWorkflows() {
  const plan = planFromTemplates(templates());
  const arns = Object.fromEntries(
    plan.functions.map((fn) => [
      fn.logicalId,
      `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:${fn.logicalId}`,
    ]),
  );
  return {
    plan,
    arns,
    /** The logical id of the state machine whose id starts with `prefix` (CDK appends a hash). */
    machineIdOf: (prefix: string) =>
      plan.stateMachines.find(({ logicalId }) => logicalId.startsWith(prefix))?.logicalId as string,
    /** A state machine's definition, resolved as the local runner resolves it. */
    definitionOf: (machineId: string) => {
      const machine = plan.stateMachines.find(({ logicalId }) => logicalId === machineId);
      return JSON.parse(
        resolveValue(
          machine?.definition,
          { refs: {}, arns, region: REGION, accountId: ACCOUNT_ID },
          plan.exports,
        ),
      ) as AslDefinition;
    },
    /** The handler file (entry) of the function a Task's Resource names. */
    entryOf: (resource: string | undefined) =>
      plan.functions.find((fn) => arns[fn.logicalId] === resource)?.entry,
  };
}

/** The names of the states from `start` on, following Next to the end. */
export function statesInOrder(definition: AslDefinition, start: string = definition.StartAt): string[] {
  const order: string[] = [];
  for (let state: string | undefined = start; state; state = definition.States[state]?.Next)
    order.push(state);
  return order;
}
