import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { TestProject } from 'vitest/node';
import type { LocalStackInfo } from '../../infra/local/local-stack.ts';
import { buildPortal, describeInitialJs, measureInitialJs } from '../../infra/local/portal.ts';
import { READY_MARKER } from './support/stack-ready.ts';

/**
 * The browser tests' own local stack (seeded, workflows on) in a child process (see stack-process.ts),
 * serving the portal built from the current sources. Tests reach it through test/support/local-stack.ts
 * like the integration tests do.
 */
export default async function setup(project: TestProject) {
  const portal = await buildPortal();
  console.log(
    `e2e: portal ${portal.built ? `built in ${(portal.ms / 1000).toFixed(1)} s` : 'up to date'}, ${describeInitialJs(measureInitialJs())}`,
  );
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'foerderflow-e2e-'));
  const child = spawn(
    process.execPath,
    ['--openssl-legacy-provider', path.join(import.meta.dirname, 'stack-process.ts'), dataDir],
    // Its stdin is a pipe from us: if this process dies, it sees the end and stops its services.
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let started = false;
  const exited = once(child, 'exit').then(([code]) => {
    if (!started) throw new Error(`the e2e stack exited before it was ready (code ${code})`);
  });
  // The ready line; anything else it prints (handler logs) is read and dropped, so its pipe never fills.
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise<string>((resolve) => {
    lines.on('line', (line) => {
      if (line.startsWith(READY_MARKER)) resolve(line.slice(READY_MARKER.length));
    });
  });
  const info = JSON.parse((await Promise.race([ready, exited])) as string) as LocalStackInfo;
  started = true;
  project.provide('stack', info);
  return async () => {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
}
