// `npm start`: the whole product on this machine, with demo data, until Ctrl-C.
import path from 'node:path';
import { PROJECT_ROOT } from '../constructs/app-function.ts';
import { startLocalStack } from './local-stack.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './seed.ts';

const dataDir = process.env.FOERDERFLOW_DATA_DIR ?? path.join(PROJECT_ROOT, '.local', 'data');
const port = Number(process.env.PORT ?? 3000);

const stack = await startLocalStack({
  dataDir,
  gatewayPort: port,
  seed: true,
  log: (line) => console.log(`  ${line}`),
});

console.log('\nDemo accounts (password for all: %s):', DEMO_PASSWORD);
for (const user of DEMO_USERS) console.log(`  ${user.groups.join(',').padEnd(10)} ${user.email}`);
console.log(
  `\nfoerderflow ready — API ${stack.apiUrl}/api  OpenAPI ${stack.apiUrl}/api/openapi.json  mail ${stack.sesEndpoint}  data ${dataDir}`,
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
