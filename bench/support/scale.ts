import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * The scale section's pure parts (unit-tested): where the background applications go, and what the
 * Queries of one handler call read.
 */

/** The statuses background applications take in turn (a DRAFT is in no call + status partition). */
export const BACKGROUND_STATUSES = ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'ASSESSED', 'APPROVED'] as const;
export type BackgroundStatus = (typeof BACKGROUND_STATUSES)[number];

/**
 * Where the n-th background application goes: one of `calls` other calls, an organisation of its own
 * every `perOrganisation` applications, a status in turn. Deterministic, so a bigger table is the small
 * one plus more (n from the small size up), never a reshuffle; never the measured call or organisation.
 */
export function backgroundSlot(
  n: number,
  layout: { calls: number; perOrganisation: number },
): { call: number; organisation: number; status: BackgroundStatus } {
  if (!Number.isInteger(n) || n < 0) throw new Error(`background application ${n}`);
  return {
    call: n % layout.calls,
    organisation: Math.floor(n / layout.perOrganisation),
    status: BACKGROUND_STATUSES[n % BACKGROUND_STATUSES.length] as BackgroundStatus,
  };
}

/** What one low-level read answered (as the recording middleware saw it). */
export interface ReadCall {
  command: string;
  scannedCount?: number;
  capacityUnits?: number;
}

/** The reads of one handler call: its Queries' ScannedCount, and the read units of all its reads. */
export interface ReadFigures {
  queries: number;
  scannedCount: number;
  readUnits: number;
  /** Reads answered without ConsumedCapacity (their units are not in readUnits). */
  withoutCapacity: number;
}

export function readFigures(calls: readonly ReadCall[]): ReadFigures {
  const figures: ReadFigures = { queries: 0, scannedCount: 0, readUnits: 0, withoutCapacity: 0 };
  for (const call of calls) {
    if (call.command === 'QueryCommand') {
      figures.queries++;
      figures.scannedCount += call.scannedCount ?? 0;
    }
    if (call.capacityUnits === undefined) figures.withoutCapacity++;
    else figures.readUnits += call.capacityUnits;
  }
  return figures;
}

const READS = new Set(['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);

type Consumed = { CapacityUnits?: number };

/**
 * Records the reads a client (the functions' shared one) makes, asking each for its consumed capacity
 * (ReturnConsumedCapacity TOTAL; the review queue asks itself, the organisation's list does not).
 */
export function recordReads(stack: DynamoDBClient['middlewareStack']) {
  let calls: ReadCall[] = [];
  stack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName);
      if (!READS.has(command)) return next(args);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const output = result.output as { ScannedCount?: number; ConsumedCapacity?: Consumed | Consumed[] };
      const consumed = output.ConsumedCapacity;
      calls.push({
        command,
        ...(output.ScannedCount === undefined ? {} : { scannedCount: output.ScannedCount }),
        ...(consumed === undefined
          ? {}
          : { capacityUnits: [consumed].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0) }),
      });
      return result;
    },
    { step: 'initialize', name: 'benchRecordReads', override: true },
  );
  return {
    take(): ReadCall[] {
      const taken = calls;
      calls = [];
      return taken;
    },
    stop: () => stack.remove('benchRecordReads'),
  };
}
