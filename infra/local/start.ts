// `npm start`: the whole product on this machine, with demo data, until Ctrl-C.
import { createServer } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../constructs/app-function.ts';
import { startLocalStack } from './local-stack.ts';
import { buildPortal, describeInitialJs, measureInitialJs } from './portal.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './seed.ts';

export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, '.local', 'data');
const dataDir = process.env.FOERDERFLOW_DATA_DIR ?? DEFAULT_DATA_DIR;
const port = Number(process.env.PORT ?? 3000);
/** How often the deadlines workflow runs locally (hourly on AWS; a minute here, so a demo sees it). */
const scheduleEveryMs = Number(process.env.FOERDERFLOW_SCHEDULE_EVERY_MS ?? 60_000);

/** Fails early, with the fix, when the API port is taken (usually a second `npm start`). */
async function ensurePortFree(wanted: number) {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${wanted} is already in use — is foerderflow already running? Stop it, or start on another port: PORT=${wanted + 1} npm start`,
            )
          : error,
      ),
    );
    probe.listen(wanted, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

const started = Date.now();
try {
  await ensurePortFree(port);
  console.log(
    `foerderflow: starting locally (data in ${path.relative(process.cwd(), dataDir) || dataDir}) …`,
  );
  // The portal is served from web/dist; rebuilt only when its sources (or shared/) changed.
  const portal = await buildPortal();
  console.log(
    portal.built
      ? `  portal built in ${(portal.ms / 1000).toFixed(1)} s, ${describeInitialJs(measureInitialJs())}`
      : '  portal up to date (web/dist)',
  );
  const stack = await startLocalStack({
    dataDir,
    gatewayPort: port,
    seed: true,
    demoApplications: true,
    scheduleEveryMs,
    log: (line) => console.log(`  ${line}`),
  });

  console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`);
  for (const user of DEMO_USERS)
    console.log(`  ${user.groups.join(',').padEnd(10)} ${user.email.padEnd(28)} ${user.name}`);
  console.log('\nReset all local data: npm run reset   ·   Stop: Ctrl-C\n');
  console.log(
    `foerderflow ready in ${((Date.now() - started) / 1000).toFixed(1)} s — portal ${stack.apiUrl}/ · API ${stack.apiUrl}/api · OpenAPI ${stack.apiUrl}/api/openapi.json · mail viewer ${stack.sesEndpoint} · controls ${stack.controlUrl}`,
  );

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      console.log('\nstopping …');
      await stack.stop();
      process.exit(0);
    });
  }
} catch (error) {
  console.error(`\n✖ foerderflow could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
