// Run as a separate process by the stale-child tests: starts one service on the given data folder,
// prints "READY <child pid> <port>", then waits to be SIGKILLed — a parent that crashes and leaves
// its child running.
import { startCognitoLocal } from '../../../infra/local/services/cognito-local.ts';
import { startDynamoDbLocal } from '../../../infra/local/services/dynamodb-local.ts';

const [service, dataDir] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: start-and-abandon.ts dynamodb|cognito <dataDir>');
const handle =
  service === 'dynamodb' ? await startDynamoDbLocal({ dataDir }) : await startCognitoLocal({ dataDir });
console.log(`READY ${handle.pid} ${handle.port}`);
setInterval(() => {}, 60_000);
