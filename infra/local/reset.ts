// `npm run reset`: wipes the local data (tables, uploads, users, stream checkpoint) for a fresh start.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../constructs/app-function.ts';

const dataDir = process.env.FOERDERFLOW_DATA_DIR ?? path.join(PROJECT_ROOT, '.local', 'data');

// A running stack holds these files open; wiping under it would leave it half-broken.
for (const pidFile of ['dynamodb/dynamodb-local.pid', 'cognito/cognito-local.pid']) {
  const file = path.join(dataDir, pidFile);
  if (!existsSync(file)) continue;
  const pid = Number(readFileSync(file, 'utf8').trim());
  try {
    process.kill(pid, 0);
    console.error(`✖ foerderflow seems to be running (pid ${pid} in ${file}). Stop it with Ctrl-C first.`);
    process.exit(1);
  } catch {
    // Not running: a stale pid file, fine to wipe.
  }
}
rmSync(dataDir, { recursive: true, force: true });
console.log(`foerderflow: local data wiped (${dataDir}). The next npm start seeds fresh demo data.`);
