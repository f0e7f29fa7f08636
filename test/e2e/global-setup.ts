import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalStack } from '../../infra/local/local-stack.ts';
import { buildPortal, describeInitialJs, measureInitialJs } from '../../infra/local/portal.ts';

/**
 * The browser tests' own local stack (seeded, workflows on), serving the portal built from the current
 * sources. Tests reach it through test/support/local-stack.ts like the integration tests do.
 */
export default async function setup(project: TestProject) {
  const portal = await buildPortal();
  console.log(
    `e2e: portal ${portal.built ? `built in ${(portal.ms / 1000).toFixed(1)} s` : 'up to date'}, ${describeInitialJs(measureInitialJs())}`,
  );
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'foerderflow-e2e-'));
  const stack = await startLocalStack({ dataDir, seed: true });
  project.provide('stack', stack.info);
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
