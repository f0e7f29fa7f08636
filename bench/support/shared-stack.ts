import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../infra/local/local-stack.ts';
import { registerTeardown } from '../harness.ts';

type Observe = NonNullable<LocalStackOptions['observe']>;

/** Who listens to the stack's invocations, executions and request lines now (the cost section, while it counts). */
export const listeners: {
  invocation?: NonNullable<Observe['invocation']>;
  execution?: NonNullable<Observe['execution']>;
  log?: (line: string) => void;
} = {};

let started: Promise<LocalStack> | undefined;

/**
 * One local stack for all sections of a bench run: the functions' modules (and the SDK clients they make
 * at import) are loaded once per process with the first stack's endpoints, so a second stack in the same
 * process would not be the one they talk to. Stopped after the last section.
 */
export function sharedLocalStack(): Promise<LocalStack> {
  started ??= (async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'foerderflow-bench-stack-'));
    const stack = await startLocalStack({
      dataDir,
      seed: false,
      log: (line) => listeners.log?.(line),
      observe: {
        invocation: (fn, ms) => listeners.invocation?.(fn, ms),
        execution: (machine, result) => listeners.execution?.(machine, result),
      },
    });
    registerTeardown(async () => {
      await stack.drain().catch(() => {});
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    return stack;
  })();
  return started;
}
