import { StateMachine } from 'aws-local-stepfunctions';
import { DOMAIN_TASK_ERRORS } from '../../../shared/workflows/workflow-input.ts';

type TaskFunction = (input: unknown) => Promise<unknown>;

export interface LocalStateMachine {
  arn: string;
  name: string;
  definition: AslDefinition;
}

interface AslState {
  Type: string;
  Resource?: string;
  Branches?: AslDefinition[];
  Iterator?: AslDefinition;
  ItemProcessor?: AslDefinition;
}
export interface AslDefinition {
  StartAt: string;
  States: Record<string, AslState>;
  QueryLanguage?: string;
}

export interface ExecutionResult {
  executionArn: string;
  status: 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  output?: string;
  error?: string;
  cause?: string;
  startDate: Date;
  stopDate: Date;
}

export interface WorkflowRunnerOptions {
  stateMachines: LocalStateMachine[];
  /** Local handlers by Lambda function ARN: the same code the Task states invoke on AWS. */
  functions: Map<string, TaskFunction>;
  /** Pause between retries; Step Functions waits seconds, locally that only slows tests. */
  retryIntervalMs?: number;
  /** Test hook: after this state's task has run, hold the execution until it is aborted. */
  holdAfterState?: string;
  log?: (line: string) => void;
  /** Told of every execution that ended (the bench's cost section counts Express requests and duration). */
  onExecution?: (stateMachineName: string, result: ExecutionResult) => void;
}

/** Every Task state of a definition, including those inside Parallel branches and Map processors. */
function taskStates(definition: AslDefinition): [string, AslState][] {
  return Object.entries(definition.States).flatMap(([name, state]) => [
    ...(state.Type === 'Task' ? [[name, state] as [string, AslState]] : []),
    ...(state.Branches ?? []).flatMap(taskStates),
    ...(state.Iterator ? taskStates(state.Iterator) : []),
    ...(state.ItemProcessor ? taskStates(state.ItemProcessor) : []),
  ]);
}

/**
 * Runs the state machines of the synthesized template with aws-local-stepfunctions. Every Task must
 * map to a local handler, checked at start: a Task without one would call real Lambda. A failed
 * execution is logged loudly with the task's error and remembered until failures() is read.
 */
export function createWorkflowRunner(options: WorkflowRunnerOptions) {
  const log = options.log ?? ((line: string) => console.log(line));
  const machines = new Map<
    string,
    { machine: StateMachine; overrides: Record<string, unknown>; name: string }
  >();
  const running = new Map<string, { abort: () => void; done: Promise<unknown> }>();
  const failed: ExecutionResult[] = [];
  const holds = new Set<() => void>();

  for (const { arn, name, definition } of options.stateMachines) {
    if (definition.QueryLanguage === 'JSONata')
      throw new Error(`${name}: JSONata is ignored by the local runner; use JSONPath`);
    const handlers: Record<string, TaskFunction> = {};
    const retryIntervals: Record<string, number> = {};
    for (const [stateName, state] of taskStates(definition)) {
      const fn = state.Resource ? options.functions.get(state.Resource) : undefined;
      if (!fn) {
        throw new Error(
          `${name}: Task ${stateName} (${state.Resource}) has no local handler; it would call real Lambda`,
        );
      }
      handlers[stateName] = async (input: unknown) => {
        try {
          const output = await fn(input);
          if (options.holdAfterState === stateName) {
            log(`workflow ${name}: holding after ${stateName} (test hook)`);
            await new Promise<void>((resolve) => holds.add(resolve));
          }
          return output;
        } catch (error) {
          const err = error as Error;
          if (!(DOMAIN_TASK_ERRORS as readonly string[]).includes(err.name)) {
            // Loud: a task failing for any reason but a domain one is a bug or an outage.
            console.error(`✖ workflow ${name}: task ${stateName} failed: ${err.stack ?? String(err)}`);
          }
          throw error;
        }
      };
      retryIntervals[stateName] = options.retryIntervalMs ?? 20;
    }
    machines.set(arn, {
      name,
      machine: new StateMachine(definition as never, {
        validationOptions: { checkPaths: true, checkArn: true },
      }),
      overrides: { taskResourceLocalHandlers: handlers, retryIntervalOverrides: retryIntervals },
    });
  }

  return {
    has: (arn: string) => machines.has(arn),

    /** Runs one execution to its end, like StartSyncExecution. */
    async execute(arn: string, input: unknown, name: string = crypto.randomUUID()): Promise<ExecutionResult> {
      const entry = machines.get(arn);
      if (!entry) throw new Error(`no state machine ${arn}`);
      const executionArn = `${arn.replace(':stateMachine:', ':express:')}:${name}:${crypto.randomUUID()}`;
      const startDate = new Date();
      const execution = entry.machine.run(input as never, {
        overrides: entry.overrides as never,
        context: {
          Execution: {
            Id: executionArn,
            Name: name,
            Input: input as never,
            StartTime: startDate.toISOString(),
          },
        },
      });
      const done = execution.result;
      running.set(executionArn, { abort: execution.abort, done: done.catch(() => {}) });
      try {
        const output = await done;
        const result: ExecutionResult = {
          executionArn,
          status: 'SUCCEEDED',
          output: JSON.stringify(output),
          startDate,
          stopDate: new Date(),
        };
        options.onExecution?.(entry.name, result);
        return result;
      } catch (error) {
        const aborted = (error as Error).name === 'ExecutionAbortedError';
        const cause = (error as { cause?: Error }).cause;
        const result: ExecutionResult = {
          executionArn,
          status: aborted ? 'ABORTED' : 'FAILED',
          error: cause?.name ?? (error as Error).name,
          cause: cause?.message ?? (error as Error).message,
          startDate,
          stopDate: new Date(),
        };
        if (!aborted) {
          failed.push(result);
          console.error(
            `✖ workflow ${entry.name} FAILED for ${JSON.stringify(input)}: ${result.error}: ${result.cause}`,
          );
        }
        options.onExecution?.(entry.name, result);
        return result;
      } finally {
        running.delete(executionArn);
      }
    },

    /** Resolves when no execution is running. */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all([...running.values()].map((r) => r.done));
    },

    /** Failed executions since the last call. */
    takeFailures(): ExecutionResult[] {
      return failed.splice(0);
    },

    /** Ends every running execution, as a crash would; nothing they had not written is kept. */
    async abortAll(): Promise<void> {
      for (const execution of running.values()) execution.abort();
      for (const release of holds) release();
      holds.clear();
      await Promise.all([...running.values()].map((r) => r.done));
    },
  };
}

export type WorkflowRunner = ReturnType<typeof createWorkflowRunner>;
