import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../services/types.ts';
import {
  readCheckpoint,
  type ShardCheckpoint,
  type StreamCheckpoint,
  writeCheckpoint,
} from './checkpoint-file.ts';
import { compileFilters, type RecordFilter } from './event-filter.ts';
import { compareSequenceNumbers, sequenceNumberOf, toLambdaRecord } from './lambda-record.ts';

// biome-ignore lint/suspicious/noConfusingVoidType: what a Lambda stream handler returns (aws-lambda's DynamoDBStreamHandler).
export type StreamHandlerResult = DynamoDBBatchResponse | void;

export interface StreamPollerOptions {
  /** DynamoDB Local. */
  endpoint: string;
  tableName: string;
  /** Pattern strings from the template (FilterCriteria.Filters[].Pattern); empty = every record. */
  filters: string[];
  /** The same handler the Lambda function runs. */
  handler: (event: DynamoDBStreamEvent) => Promise<StreamHandlerResult>;
  /** JSON file with the position in the stream; survives restarts and SIGKILL. */
  checkpointFile: string;
  /** Pause between passes; default 50. */
  intervalMs?: number;
  /** Most records per handler call, like the mapping's BatchSize; default 100. */
  batchSize?: number;
  log?: (line: string) => void;
}

export interface StreamPoller {
  /** One full pass over all shards; waits for a running pass first (never two at once). delivered: records
   * handed to the handler in this pass (a retried record counts again). Rejects if the stream can't be read. */
  pollOnce(): Promise<{ delivered: number }>;
  /** Stops the loop after the current pass; the checkpoint never moves past a record not handled. */
  stop(): Promise<void>;
  /** Records delivered to the handler so far (in-memory history, last 500), for replay in tests. Each
   * record appears once, however often it was retried. */
  history(): DynamoDBRecord[];
  /** Hands these records to the handler again, as a redelivery would (at-least-once). */
  redeliver(records: DynamoDBRecord[]): Promise<StreamHandlerResult>;
  /** Errors of the last passes (handler threw, or reported failures), newest last; cleared on a clean pass. */
  failures(): StreamFailure[];
}

export interface StreamFailure {
  at: string;
  sequenceNumber?: string;
  message: string;
}

const HISTORY_LIMIT = 500;
const FAILURES_LIMIT = 100;
const MAX_BACKOFF_MS = 2_000;
// The most GetRecords returns in one call.
const GET_RECORDS_LIMIT = 1_000;
const TOPOLOGY_REFRESH_MS = 1_000;

/**
 * Stands in for Lambda's DynamoDB event source mapping: reads the table's stream, filters, and hands
 * batches to the handler in order, at least once, with ReportBatchItemFailures semantics. Unlike Lambda
 * there is no maximum retry age: a failing record is retried (with backoff) until it succeeds, so no work
 * is lost locally; failures() shows what is stuck.
 */
export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const intervalMs = options.intervalMs ?? 50;
  const batchSize = options.batchSize ?? 100;
  if (!Number.isInteger(intervalMs) || intervalMs < 1) {
    throw new Error(`intervalMs must be >= 1, got ${intervalMs}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    throw new Error(
      `batchSize must be 1 to 10000 (as for a DynamoDB event source mapping), got ${batchSize}`,
    );
  }
  const poller = new Poller({
    ...options,
    intervalMs,
    batchSize,
    log: options.log ?? ((line) => console.warn(`[stream ${options.tableName}] ${line}`)),
    matches: compileFilters(options.filters),
    checkpoint: await readCheckpoint(options.checkpointFile),
  });
  try {
    // Fails early with a clear message when the table or its stream is missing.
    await poller.currentStreamArn();
  } catch (error) {
    await poller.stop();
    throw error;
  }
  poller.start();
  return {
    pollOnce: () => poller.pollOnce(),
    stop: () => poller.stop(),
    history: () => poller.history(),
    redeliver: (records) => poller.redeliver(records),
    failures: () => poller.failures(),
  };
}

interface PollerSettings {
  endpoint: string;
  tableName: string;
  handler: StreamPollerOptions['handler'];
  checkpointFile: string;
  intervalMs: number;
  batchSize: number;
  log: (line: string) => void;
  matches: RecordFilter;
  checkpoint: StreamCheckpoint | undefined;
}

type ListedShard = Shard & { ShardId: string };

interface Topology {
  streamArn: string;
  shards: ListedShard[];
  /** performance.now() when listed. */
  at: number;
}

interface ShardOutcome {
  delivered: number;
  failed: boolean;
  finished: boolean;
}

class Poller {
  private readonly settings: PollerSettings;
  private readonly tables: DynamoDBClient;
  private readonly streams: DynamoDBStreamsClient;
  private checkpoint: StreamCheckpoint | undefined;
  /** Open iterators per shard, positioned just after the checkpoint; dropped whenever that may not hold. */
  private readonly iterators = new Map<string, string>();
  private readonly deliveredRecords: DynamoDBRecord[] = [];
  private failureList: StreamFailure[] = [];
  private failuresInPass = 0;
  /** Passes, redeliveries and stop() queue up here, one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private stopping = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wake: (() => void) | undefined;
  private delayMs: number;
  private topology: Topology | undefined;

  constructor(settings: PollerSettings) {
    this.settings = settings;
    this.checkpoint = settings.checkpoint;
    this.delayMs = settings.intervalMs;
    const config = { endpoint: settings.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    this.tables = new DynamoDBClient(config);
    this.streams = new DynamoDBStreamsClient(config);
  }

  start(): void {
    this.loopDone = this.loop();
  }

  pollOnce(): Promise<{ delivered: number }> {
    if (this.stopping) return Promise.reject(new Error('The stream poller is stopped.'));
    return this.runPass();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loopDone;
    await this.queue;
    this.tables.destroy();
    this.streams.destroy();
  }

  history(): DynamoDBRecord[] {
    return structuredClone(this.deliveredRecords);
  }

  failures(): StreamFailure[] {
    return structuredClone(this.failureList);
  }

  redeliver(records: DynamoDBRecord[]): Promise<StreamHandlerResult> {
    return this.serialize(() => this.settings.handler({ Records: structuredClone(records) }));
  }

  async currentStreamArn(): Promise<string> {
    const { tableName, endpoint } = this.settings;
    let streamArn: string | undefined;
    try {
      const { Table } = await this.tables.send(new DescribeTableCommand({ TableName: tableName }));
      streamArn = Table?.LatestStreamArn;
    } catch (error) {
      if ((error as Error).name === 'ResourceNotFoundException') {
        throw new Error(`Table ${tableName} does not exist in DynamoDB Local at ${endpoint}.`);
      }
      throw error;
    }
    if (streamArn === undefined) {
      throw new Error(
        `Table ${tableName} has no stream: create it with StreamSpecification { StreamEnabled: true }.`,
      );
    }
    return streamArn;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      await this.sleep(this.delayMs);
      if (this.stopping) break;
      // Already logged and listed in failures(); the next pass tries again.
      await this.runPass().catch(() => undefined);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private runPass(): Promise<{ delivered: number }> {
    return this.serialize(async () => {
      this.failuresInPass = 0;
      try {
        const { delivered, failed } = await this.pass();
        if (failed) this.backOff();
        else this.delayMs = this.settings.intervalMs;
        if (this.failuresInPass === 0) this.failureList = [];
        return { delivered };
      } catch (error) {
        this.topology = undefined;
        this.fail(undefined, `reading the stream failed: ${describe(error)}`);
        this.backOff();
        throw error;
      }
    });
  }

  private backOff(): void {
    const { intervalMs } = this.settings;
    this.delayMs = Math.min(this.delayMs * 2, Math.max(MAX_BACKOFF_MS, intervalMs));
  }

  /** One pass: every shard that may be read (its parent is done) up to its current end. */
  private async pass(): Promise<{ delivered: number; failed: boolean }> {
    let delivered = 0;
    let failed = false;
    let refresh = false;
    for (;;) {
      const { streamArn, shards } = await this.describeStream(refresh);
      const checkpoint = await this.checkpointFor(streamArn);
      await this.forgetShardsNotListed(checkpoint, shards);
      const listed = new Set(shards.map((shard) => shard.ShardId));
      const isFinished = (shardId: string) => checkpoint.shards[shardId]?.finished === true;
      // A parent shard is read to its end before its children (order); a parent no longer listed was trimmed.
      const ready = shards.filter(
        ({ ShardId, ParentShardId }) =>
          !isFinished(ShardId) &&
          (ParentShardId === undefined || !listed.has(ParentShardId) || isFinished(ParentShardId)),
      );
      let finishedOne = false;
      for (const { ShardId } of ready) {
        const outcome = await this.readShard(streamArn, checkpoint, ShardId);
        delivered += outcome.delivered;
        failed ||= outcome.failed;
        finishedOne ||= outcome.finished;
        if (this.stopping) return { delivered, failed };
      }
      // A shard that just finished (null NextShardIterator; also what a deleted table's stream does) may
      // have children to read now, or the stream may have changed: look again.
      if (!finishedOne) return { delivered, failed };
      refresh = true;
    }
  }

  /**
   * The table's current stream and its shards. Asked again at most every second (or when a shard closes,
   * or after an error): doing it on every 50 ms pass tripled the idle load (DynamoDB Local 14 % of a core).
   */
  private async describeStream(refresh: boolean): Promise<Topology> {
    const cached = this.topology;
    if (!refresh && cached !== undefined && performance.now() - cached.at < TOPOLOGY_REFRESH_MS) {
      return cached;
    }
    const streamArn = await this.currentStreamArn();
    this.topology = { streamArn, shards: await this.listShards(streamArn), at: performance.now() };
    return this.topology;
  }

  private async checkpointFor(streamArn: string): Promise<StreamCheckpoint> {
    if (this.checkpoint?.streamArn === streamArn) return this.checkpoint;
    if (this.checkpoint !== undefined) {
      this.settings.log(
        `The table's stream changed from ${this.checkpoint.streamArn} to ${streamArn} (table recreated or ` +
          'stream re-enabled): reading the new stream from its oldest record.',
      );
    }
    this.checkpoint = { streamArn, shards: {} };
    this.iterators.clear();
    await this.save();
    return this.checkpoint;
  }

  private async listShards(streamArn: string): Promise<ListedShard[]> {
    const shards: ListedShard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await this.streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
      );
      for (const shard of StreamDescription?.Shards ?? []) {
        if (shard.ShardId !== undefined) shards.push({ ...shard, ShardId: shard.ShardId });
      }
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId !== undefined);
    return shards;
  }

  private async forgetShardsNotListed(
    checkpoint: StreamCheckpoint,
    shards: { ShardId: string }[],
  ): Promise<void> {
    const listed = new Set(shards.map((shard) => shard.ShardId));
    const gone = Object.keys(checkpoint.shards).filter((shardId) => !listed.has(shardId));
    if (gone.length === 0) return;
    for (const shardId of gone) {
      delete checkpoint.shards[shardId];
      this.iterators.delete(shardId);
    }
    await this.save();
  }

  /** Reads one shard up to its current end, or until a batch fails. */
  private async readShard(
    streamArn: string,
    checkpoint: StreamCheckpoint,
    shardId: string,
  ): Promise<ShardOutcome> {
    const shard = checkpoint.shards[shardId] ?? {};
    checkpoint.shards[shardId] = shard;
    let delivered = 0;
    for (;;) {
      const { records, nextIterator } = await this.getRecords(streamArn, shard, shardId);
      const page = await this.handlePage(shard, records);
      delivered += page.delivered;
      if (page.failed) {
        // The iterator is past the failed record: the next pass starts again from the checkpoint.
        this.iterators.delete(shardId);
        return { delivered, failed: true, finished: false };
      }
      if (nextIterator === undefined) {
        this.iterators.delete(shardId);
        shard.finished = true;
        await this.save();
        this.settings.log(
          `Shard ${shardId} is closed and read to its end; continuing with its child shards.`,
        );
        return { delivered, failed: false, finished: true };
      }
      this.iterators.set(shardId, nextIterator);
      if (records.length === 0 || this.stopping) return { delivered, failed: false, finished: false };
    }
  }

  private async getRecords(
    streamArn: string,
    shard: ShardCheckpoint,
    shardId: string,
  ): Promise<{ records: DynamoDBRecord[]; nextIterator: string | undefined }> {
    let iterator = this.iterators.get(shardId) ?? (await this.acquireIterator(streamArn, shard, shardId));
    let result: GetRecordsCommandOutput;
    try {
      result = await this.readPage(iterator);
    } catch (error) {
      const name = (error as Error).name;
      // Iterators expire after 15 minutes (e.g. a laptop asleep); records may also age out while waiting.
      if (name !== 'ExpiredIteratorException' && name !== 'TrimmedDataAccessException') throw error;
      this.settings.log(`${name} on shard ${shardId}: continuing from the checkpoint.`);
      this.iterators.delete(shardId);
      iterator = await this.acquireIterator(streamArn, shard, shardId);
      result = await this.readPage(iterator);
    }
    const records = (result.Records ?? [])
      .map((record) => toLambdaRecord(record, streamArn, LOCAL_REGION))
      .sort((a, b) => compareSequenceNumbers(sequenceNumberOf(a), sequenceNumberOf(b)));
    return { records, nextIterator: result.NextShardIterator };
  }

  private readPage(iterator: string): Promise<GetRecordsCommandOutput> {
    return this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: GET_RECORDS_LIMIT }));
  }

  /** An iterator just after the checkpoint, or at the oldest record when there is none. */
  private async acquireIterator(streamArn: string, shard: ShardCheckpoint, shardId: string): Promise<string> {
    const { sequenceNumber } = shard;
    if (sequenceNumber !== undefined) {
      try {
        return await this.shardIterator({
          StreamArn: streamArn,
          ShardId: shardId,
          ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
          SequenceNumber: sequenceNumber,
        });
      } catch (error) {
        if ((error as Error).name !== 'TrimmedDataAccessException') throw error;
        this.fail(
          sequenceNumber,
          `Records after ${sequenceNumber} in shard ${shardId} were trimmed from the stream (older than 24 h) ` +
            'before they were handled; continuing from the oldest record still in the stream.',
        );
      }
    }
    return this.shardIterator({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' });
  }

  private async shardIterator(input: GetShardIteratorCommand['input']): Promise<string> {
    const { ShardIterator } = await this.streams.send(new GetShardIteratorCommand(input));
    if (ShardIterator === undefined) throw new Error(`No shard iterator for shard ${input.ShardId}`);
    return ShardIterator;
  }

  /**
   * Filters one page of records and delivers the matching ones in batches, in order. Records the filter
   * drops count as handled, as with Lambda. On a failure, everything before the record to retry is handled.
   */
  private async handlePage(
    shard: ShardCheckpoint,
    records: DynamoDBRecord[],
  ): Promise<{ delivered: number; failed: boolean }> {
    const matching = records.filter((record) => this.settings.matches(record));
    const { batchSize } = this.settings;
    let delivered = 0;
    for (let start = 0; start < matching.length; start += batchSize) {
      const batch = matching.slice(start, start + batchSize);
      delivered += batch.length;
      const retryFrom = await this.deliver(batch);
      if (retryFrom !== undefined) {
        const index = records.findIndex((record) => sequenceNumberOf(record) === retryFrom);
        const before = records[index - 1];
        if (before !== undefined) {
          shard.sequenceNumber = sequenceNumberOf(before);
          await this.save();
        }
        return { delivered, failed: true };
      }
      shard.sequenceNumber = sequenceNumberOf(batch.at(-1) as DynamoDBRecord);
      await this.save();
    }
    const last = records.at(-1);
    if (last !== undefined && shard.sequenceNumber !== sequenceNumberOf(last)) {
      shard.sequenceNumber = sequenceNumberOf(last);
      await this.save();
    }
    return { delivered, failed: false };
  }

  /** Calls the handler; returns the sequence number to retry from, or undefined when the batch succeeded. */
  private async deliver(batch: DynamoDBRecord[]): Promise<string | undefined> {
    this.remember(batch);
    const first = sequenceNumberOf(batch[0] as DynamoDBRecord);
    let response: unknown;
    try {
      // A copy, as Lambda passes JSON: the handler can't change the history or a later retry.
      response = await this.settings.handler({ Records: structuredClone(batch) });
    } catch (error) {
      this.fail(
        first,
        `Handler threw (${describe(error)}); the whole batch of ${batch.length} record(s) from ${first} will be retried.`,
      );
      return first;
    }
    const reported = reportedFailure(response, batch);
    if (reported === undefined) return undefined;
    if ('invalid' in reported) {
      this.fail(
        first,
        `Handler returned an invalid batch response (${reported.invalid}); ` +
          `the whole batch of ${batch.length} record(s) from ${first} will be retried.`,
      );
      return first;
    }
    this.fail(
      reported.sequenceNumber,
      `Handler reported failed record ${reported.sequenceNumber} (${reported.count} reported); ` +
        'records from there on will be retried.',
    );
    return reported.sequenceNumber;
  }

  /** Each record once: a retried record is not added again, so a replay of the history has no duplicates. */
  private remember(batch: DynamoDBRecord[]): void {
    const known = new Set(this.deliveredRecords.map(sequenceNumberOf));
    const fresh = batch.filter((record) => !known.has(sequenceNumberOf(record)));
    this.deliveredRecords.push(...structuredClone(fresh));
    this.deliveredRecords.splice(0, Math.max(0, this.deliveredRecords.length - HISTORY_LIMIT));
  }

  private fail(sequenceNumber: string | undefined, message: string): void {
    this.settings.log(message);
    this.failuresInPass += 1;
    this.failureList.push({
      at: new Date().toISOString(),
      ...(sequenceNumber === undefined ? {} : { sequenceNumber }),
      message,
    });
    this.failureList.splice(0, Math.max(0, this.failureList.length - FAILURES_LIMIT));
  }

  private async save(): Promise<void> {
    if (this.checkpoint !== undefined) await writeCheckpoint(this.settings.checkpointFile, this.checkpoint);
  }
}

type ReportedFailure = { sequenceNumber: string; count: number } | { invalid: string };

/**
 * Reads a ReportBatchItemFailures response the way Lambda does: no response, no list or an empty list is
 * success; otherwise the lowest reported sequence number is where the retry starts. An identifier that is
 * empty, missing or not in the batch makes the whole batch fail.
 */
export function reportedFailure(response: unknown, batch: DynamoDBRecord[]): ReportedFailure | undefined {
  if (response === undefined || response === null) return undefined;
  if (typeof response !== 'object') return { invalid: `response is a ${typeof response}` };
  const failures: unknown = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return undefined;
  if (!Array.isArray(failures)) return { invalid: 'batchItemFailures is not an array' };
  if (failures.length === 0) return undefined;
  const inBatch = new Set(batch.map(sequenceNumberOf));
  let lowest: string | undefined;
  for (const failure of failures) {
    const identifier: unknown = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof identifier !== 'string' || identifier === '') {
      return { invalid: `itemIdentifier ${JSON.stringify(identifier)} is empty or missing` };
    }
    if (!inBatch.has(identifier)) {
      return { invalid: `itemIdentifier ${identifier} is not the SequenceNumber of a record in this batch` };
    }
    if (lowest === undefined || compareSequenceNumbers(identifier, lowest) < 0) lowest = identifier;
  }
  return lowest === undefined ? undefined : { sequenceNumber: lowest, count: failures.length };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
