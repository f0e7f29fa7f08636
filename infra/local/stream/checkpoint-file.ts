import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Where the poller stands in one stream: per shard, the last record fully handled. */
export interface StreamCheckpoint {
  /** The stream these positions belong to; another stream ARN (table recreated) starts from scratch. */
  streamArn: string;
  shards: Record<string, ShardCheckpoint>;
}

export interface ShardCheckpoint {
  /** The last sequence number handled (delivered, or skipped by the filter); absent: nothing yet. */
  sequenceNumber?: string;
  /** The shard is closed and was read to its end; its children may now be read. */
  finished?: boolean;
}

const VERSION = 1;

/** Reads the checkpoint; undefined when the file does not exist yet. Anything unreadable is an error. */
export async function readCheckpoint(file: string): Promise<StreamCheckpoint | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw checkpointError(file, (error as Error).message);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw checkpointError(file, `not valid JSON (${(error as Error).message})`);
  }
  const problem = describeProblem(parsed);
  if (problem !== undefined) throw checkpointError(file, problem);
  const { streamArn, shards } = parsed as { streamArn: string; shards: Record<string, ShardCheckpoint> };
  return { streamArn, shards };
}

/**
 * Replaces the checkpoint atomically: a temporary file renamed over the old one, so a process killed at any
 * moment (even SIGKILL) leaves either the old or the new checkpoint, never half of one. No fsync: that would
 * only matter for a machine crash, and it costs a disk flush per batch.
 */
export async function writeCheckpoint(file: string, checkpoint: StreamCheckpoint): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  const content = { version: VERSION, streamArn: checkpoint.streamArn, shards: checkpoint.shards };
  await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`);
  await rename(temporary, file);
}

function describeProblem(parsed: unknown): string | undefined {
  if (!isObject(parsed)) return 'not a JSON object';
  if (parsed.version !== VERSION)
    return `unknown version ${JSON.stringify(parsed.version)} (expected ${VERSION})`;
  if (typeof parsed.streamArn !== 'string' || parsed.streamArn === '') return 'no streamArn';
  if (!isObject(parsed.shards)) return 'no shards object';
  for (const [shardId, shard] of Object.entries(parsed.shards)) {
    if (!isObject(shard)) return `shard ${shardId} is not an object`;
    const { sequenceNumber, finished } = shard;
    if (
      sequenceNumber !== undefined &&
      !(typeof sequenceNumber === 'string' && /^\d+$/.test(sequenceNumber))
    ) {
      return `shard ${shardId} has an invalid sequenceNumber ${JSON.stringify(sequenceNumber)}`;
    }
    if (finished !== undefined && typeof finished !== 'boolean') {
      return `shard ${shardId} has an invalid finished flag ${JSON.stringify(finished)}`;
    }
  }
  return undefined;
}

function checkpointError(file: string, problem: string): Error {
  // Never start from the beginning on our own: that would hand every record to the handler again.
  return new Error(
    `Stream checkpoint ${file} is unreadable: ${problem}. Fix or delete it; deleting it makes the poller start ` +
      'again from the oldest record in the stream (records already handled are delivered again).',
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
