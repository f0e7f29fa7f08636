/**
 * The latency section's references: the DynamoDB calls a handler made, recorded from its SDK client and
 * sent again with a bare client. Pure parts here (unit-tested): grouping calls that ran at the same time
 * and making writes repeatable.
 */

/** One low-level DynamoDB call as the handler's client sent it (marshalled input). */
export interface RecordedCall {
  /** The low-level command, e.g. 'GetItemCommand', 'TransactWriteItemsCommand'. */
  command: string;
  input: Record<string, unknown>;
  startedAt: number;
  endedAt: number;
}

const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);

export const isWrite = (call: Pick<RecordedCall, 'command'>) => WRITES.has(call.command);

/**
 * The calls in waves as the handler ran them: a call that started before every call of the current wave
 * had ended ran beside them (Promise.all) and joins it. The reference sends each wave at once, so it is
 * no slower than the handler for calls the handler makes in parallel.
 */
export function inWaves<T extends Pick<RecordedCall, 'startedAt' | 'endedAt'>>(calls: readonly T[]): T[][] {
  const waves: T[][] = [];
  let waveEnds = Number.NEGATIVE_INFINITY;
  for (const call of [...calls].sort((a, b) => a.startedAt - b.startedAt)) {
    const current = waves.at(-1);
    if (current && call.startedAt < waveEnds) {
      current.push(call);
      waveEnds = Math.min(waveEnds, call.endedAt);
    } else {
      waves.push([call]);
      waveEnds = call.endedAt;
    }
  }
  return waves;
}

/** The expression placeholders (':value', '#name') a set of expressions still uses. */
function placeholdersIn(expressions: readonly unknown[]): Set<string> {
  const used = new Set<string>();
  for (const expression of expressions) {
    if (typeof expression !== 'string') continue;
    for (const match of expression.matchAll(/[:#][A-Za-z0-9_]+/g)) used.add(match[0]);
  }
  return used;
}

/** One write request without its condition, and without the placeholders only the condition used. */
function unconditional(request: Record<string, unknown>): Record<string, unknown> {
  const { ConditionExpression: _condition, ...rest } = request;
  const used = placeholdersIn([rest.UpdateExpression, rest.ProjectionExpression]);
  for (const key of ['ExpressionAttributeValues', 'ExpressionAttributeNames'] as const) {
    const map = rest[key] as Record<string, unknown> | undefined;
    if (!map) continue;
    const kept = Object.fromEntries(Object.entries(map).filter(([name]) => used.has(name)));
    if (Object.keys(kept).length > 0) rest[key] = kept;
    else delete rest[key];
  }
  return rest;
}

/**
 * A write the handler just made, made repeatable: conditions dropped (the handler checked them; sent
 * again they would fail, as the item now holds what the write put there) and ConditionCheck items of a
 * transaction left out. Put and SET write the same values again; ADD adds once more, which the bench's
 * data allows. Reads are returned as they are.
 */
export function repeatable(call: Pick<RecordedCall, 'command' | 'input'>): Record<string, unknown> {
  if (call.command === 'TransactWriteItemsCommand') {
    const items = (call.input.TransactItems as Record<string, Record<string, unknown>>[]) ?? [];
    return {
      ...call.input,
      TransactItems: items
        .filter((item) => !item.ConditionCheck)
        .map((item) =>
          Object.fromEntries(
            Object.entries(item).map(([kind, request]) => [
              kind,
              unconditional(request as Record<string, unknown>),
            ]),
          ),
        ),
    };
  }
  if (isWrite(call)) return unconditional(call.input);
  return call.input;
}
