// The e2e run's local stack in a process of its own. startLocalStack() sets process.env for the handlers
// it runs in-process, so two stacks in one process (the integration project's global setup runs in the
// same vitest process) would send each other's requests to the wrong DynamoDB. Prints one line of JSON
// (the stack's info, after READY_MARKER) when ready; stops on SIGTERM or when its stdin closes.
import { startLocalStack } from '../../infra/local/local-stack.ts';
import { READY_MARKER } from './support/stack-ready.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: stack-process.ts <dataDir>');
const stack = await startLocalStack({ dataDir, seed: true });
process.stdout.write(`${READY_MARKER}${JSON.stringify(stack.info)}\n`);
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void stack.stop().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
// The test run holds our stdin open; when it ends (the run finished or died), stop too.
process.stdin.on('end', stop);
process.stdin.resume();
