// Child process for the SIGKILL test: rewrites the checkpoint file as fast as it can until killed.
import { writeCheckpoint } from '../../../infra/local/stream/checkpoint-file.ts';

const [file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: write-checkpoints-forever.ts <checkpoint file>');
// Big enough that a write is not a single disk block.
const shards = Object.fromEntries(Array.from({ length: 2_000 }, (_, index) => [`shardId-${index}`, {}]));
let sequence = 0n;
process.stdout.write('ready\n');
for (;;) {
  sequence += 1n;
  await writeCheckpoint(file, {
    streamArn: 'arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/x',
    shards: { ...shards, 'shardId-0': { sequenceNumber: sequence.toString().padStart(21, '0') } },
  });
}
