import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { QueueStatus } from '../../api/schemas/review-queue.schema.ts';
import {
  type AssignmentEntry,
  invalidCursor,
  type Page,
  type QueueEntry,
  type ReadStats,
  type ReviewQueueReader,
} from '../../ports/review-queue.ts';
import { keys } from './keys.ts';

/** BatchGetItem takes at most 100 keys per request. */
const BATCH_SIZE = 100;

/** Only what a queue line shows is read back (the index projects whole items). */
const ENTRY_PROJECTION = {
  ProjectionExpression: '#id, #orgId, #reference, #title, #callId, #status, #submittedAt, #nf.#dueAt',
  ExpressionAttributeNames: {
    '#id': 'id',
    '#orgId': 'orgId',
    '#reference': 'reference',
    '#title': 'title',
    '#callId': 'callId',
    '#status': 'status',
    '#submittedAt': 'submittedAt',
    '#nf': 'nachforderung',
    '#dueAt': 'dueAt',
  },
};

/**
 * Cursors are base64url JSON, but they never carry a raw key. They carry a position *within* the
 * partition the request itself names (an application id and its sort key), and the key is rebuilt
 * from the request: the partition (call + status, or REVIEWER#<caller's sub>) comes from the filters
 * and the caller, never from the cursor. So an edited cursor can at most move within the caller's
 * own list; anything malformed, foreign to the filters or outside the queried range is a 422.
 */
type CallStatusCursor = {
  v: 1;
  kind: 'call-status';
  callId: string;
  /** Per status: absent = not read yet, 'done' = exhausted, else the sort key of the last line given. */
  after: Partial<Record<QueueStatus, string | 'done'>>;
};
type AssignmentCursor = { v: 1; kind: 'assignments'; callId: string | null; after: string };

const ID = /^[A-Za-z0-9-]{1,64}$/;
/** gsi2sk: `<submittedAt>#<id>`. */
const CALL_STATUS_SORT_KEY = /^([0-9T:.+\-Z]{10,40})#([A-Za-z0-9-]{1,64})$/;
/** gsi3sk: `<dueAt>#<applicationId>#<role>`. */
const ASSIGNMENT_SORT_KEY = /^([0-9T:.+\-Z]{10,40})#([A-Za-z0-9-]{1,64})#(content|financial)$/;

function encodeCursor(cursor: CallStatusCursor | AssignmentCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(text: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw invalidCursor();
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function callStatusCursor(text: string, callId: string, statuses: readonly QueueStatus[]): CallStatusCursor {
  const cursor = decodeCursor(text);
  if (!isRecord(cursor) || cursor.v !== 1 || cursor.kind !== 'call-status' || cursor.callId !== callId) {
    throw invalidCursor();
  }
  const after = cursor.after;
  if (!isRecord(after)) throw invalidCursor();
  for (const [status, position] of Object.entries(after)) {
    // Only the statuses this request asks for; a position must be a well-formed sort key.
    if (!(statuses as readonly string[]).includes(status)) throw invalidCursor();
    if (position !== 'done' && (typeof position !== 'string' || !CALL_STATUS_SORT_KEY.test(position))) {
      throw invalidCursor();
    }
  }
  return { v: 1, kind: 'call-status', callId, after: after as CallStatusCursor['after'] };
}

function assignmentCursor(text: string, callId: string | undefined, dueBefore: string | undefined): string {
  const cursor = decodeCursor(text);
  if (
    !isRecord(cursor) ||
    cursor.v !== 1 ||
    cursor.kind !== 'assignments' ||
    cursor.callId !== (callId ?? null) ||
    typeof cursor.after !== 'string' ||
    !ASSIGNMENT_SORT_KEY.test(cursor.after) ||
    // A position beyond the due-date bound lies outside the Query's range.
    (dueBefore !== undefined && !(cursor.after < dueBefore))
  ) {
    throw invalidCursor();
  }
  return cursor.after;
}

function statsOf(outputs: readonly QueryCommandOutput[]): ReadStats {
  let scannedCount = 0;
  let consumedCapacity: number | undefined;
  for (const output of outputs) {
    scannedCount += output.ScannedCount ?? 0;
    const units = output.ConsumedCapacity?.CapacityUnits;
    if (units !== undefined) consumedCapacity = (consumedCapacity ?? 0) + units;
  }
  return { scannedCount, consumedCapacity };
}

function toEntry(item: Record<string, unknown>): QueueEntry {
  const nachforderung = item.nachforderung as { dueAt?: string } | undefined;
  return {
    id: item.id as string,
    orgId: item.orgId as string,
    title: item.title as string,
    callId: item.callId as string,
    status: item.status as QueueEntry['status'],
    ...(typeof item.reference === 'string' ? { reference: item.reference } : {}),
    ...(typeof item.submittedAt === 'string' ? { submittedAt: item.submittedAt } : {}),
    ...(nachforderung?.dueAt ? { supplementDueAt: nachforderung.dueAt } : {}),
  };
}

export class DynamoDbReviewQueue implements ReviewQueueReader {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
  }

  /** A Query with a cursor the caller gave: DynamoDB's own refusal of the start key is a 422 too. */
  private async query(input: Omit<QueryCommandInput, 'TableName'>): Promise<QueryCommandOutput> {
    try {
      return await this.client.send(
        new QueryCommand({ ...input, TableName: this.table, ReturnConsumedCapacity: 'TOTAL' }),
      );
    } catch (error) {
      if (input.ExclusiveStartKey && (error as Error).name === 'ValidationException') throw invalidCursor();
      throw error;
    }
  }

  /**
   * One Query per status partition of gsi2 (each with Limit = limit, starting after the cursor's
   * position in it), merged by sort key: the oldest submissions of all asked statuses first. A page
   * reads at most statuses × limit items, however many applications the table holds.
   */
  async listByCallAndStatus(input: {
    callId: string;
    statuses: readonly QueueStatus[];
    limit: number;
    cursor?: string;
  }): Promise<Page<QueueEntry>> {
    const { callId, statuses, limit } = input;
    const after: CallStatusCursor['after'] = input.cursor
      ? { ...callStatusCursor(input.cursor, callId, statuses).after }
      : {};
    const open = statuses.filter((status) => after[status] !== 'done');
    const outputs = await Promise.all(
      open.map((status) => {
        const position = after[status];
        const partition = keys.callStatusIndex(callId, status, '', '').gsi2pk;
        const startId = position ? CALL_STATUS_SORT_KEY.exec(position)?.[2] : undefined;
        return this.query({
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :partition',
          ExpressionAttributeValues: { ':partition': partition },
          ...ENTRY_PROJECTION,
          ProjectionExpression: `${ENTRY_PROJECTION.ProjectionExpression}, gsi2sk`,
          Limit: limit,
          ...(position && startId
            ? {
                ExclusiveStartKey: {
                  ...keys.application(startId),
                  gsi2pk: partition,
                  gsi2sk: position,
                },
              }
            : {}),
        });
      }),
    );

    const candidates = open.flatMap((status, index) =>
      (outputs[index]?.Items ?? []).map((item) => ({ status, sortKey: item.gsi2sk as string, item })),
    );
    candidates.sort((a, b) =>
      a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.status < b.status ? -1 : 1,
    );
    const taken = candidates.slice(0, limit);

    for (const [index, status] of open.entries()) {
      const output = outputs[index];
      const mine = taken.filter((candidate) => candidate.status === status);
      const read = output?.Items?.length ?? 0;
      const last = mine.at(-1);
      if (last) after[status] = last.sortKey;
      // Exhausted: the Query reached the partition's end and every line it read was given out.
      if (!output?.LastEvaluatedKey && mine.length === read) after[status] = 'done';
    }
    const more = statuses.some((status) => after[status] !== 'done');
    return {
      items: taken.map((candidate) => toEntry(candidate.item)),
      ...(more ? { nextCursor: encodeCursor({ v: 1, kind: 'call-status', callId, after }) } : {}),
      stats: statsOf(outputs),
    };
  }

  /**
   * The reviewer's open assignments from gsi3 (`REVIEWER#<sub>`, sort key `<dueAt>#<id>#<role>`), the
   * earliest due first. "Due soon" is a range on the sort key, a call a filter on the reviewer's own
   * (small) partition: such a page may hold fewer lines than the limit, and still have a next cursor.
   */
  async listAssignments(input: {
    reviewerSub: string;
    callId?: string;
    dueBy?: string;
    limit: number;
    cursor?: string;
  }): Promise<Page<AssignmentEntry>> {
    const partition = `REVIEWER#${input.reviewerSub}`;
    const position = input.cursor ? assignmentCursor(input.cursor, input.callId, input.dueBy) : undefined;
    const match = position ? ASSIGNMENT_SORT_KEY.exec(position) : null;
    const output = await this.query({
      IndexName: 'gsi3',
      KeyConditionExpression:
        input.dueBy === undefined ? 'gsi3pk = :me' : 'gsi3pk = :me AND gsi3sk < :dueBefore',
      ExpressionAttributeValues: {
        ':me': partition,
        ...(input.dueBy === undefined ? {} : { ':dueBefore': input.dueBy }),
        ...(input.callId === undefined ? {} : { ':callId': input.callId }),
      },
      ...(input.callId === undefined ? {} : { FilterExpression: 'callId = :callId' }),
      Limit: input.limit,
      ...(match
        ? {
            ExclusiveStartKey: {
              pk: `APP#${match[2]}`,
              sk: `ASSIGNMENT#${match[3]}`,
              gsi3pk: partition,
              gsi3sk: position,
            },
          }
        : {}),
    });
    const items = (output.Items ?? []).map((item) => ({
      applicationId: item.applicationId as string,
      callId: item.callId as string,
      role: item.role as AssignmentEntry['role'],
      assignedAt: item.assignedAt as string,
      dueAt: item.dueAt as string,
    }));
    const lastKey = output.LastEvaluatedKey?.gsi3sk;
    return {
      items,
      ...(typeof lastKey === 'string'
        ? {
            nextCursor: encodeCursor({
              v: 1,
              kind: 'assignments',
              callId: input.callId ?? null,
              after: lastKey,
            }),
          }
        : {}),
      stats: statsOf([output]),
    };
  }

  async getEntries(ids: readonly string[]): Promise<QueueEntry[]> {
    const found: QueueEntry[] = [];
    const unique = [...new Set(ids)].filter((id) => ID.test(id));
    for (let start = 0; start < unique.length; start += BATCH_SIZE) {
      let pending: Record<string, unknown>[] | undefined = unique
        .slice(start, start + BATCH_SIZE)
        .map((id) => keys.application(id));
      // DynamoDB may hand back some keys unprocessed under load: ask again, with a short backoff.
      for (let attempt = 0; pending && pending.length > 0; attempt++) {
        if (attempt > 0) {
          if (attempt > 5) throw new Error('BatchGetItem left keys unprocessed after retries');
          await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 25));
        }
        const result: BatchGetCommandOutput = await this.client.send(
          new BatchGetCommand({ RequestItems: { [this.table]: { Keys: pending, ...ENTRY_PROJECTION } } }),
        );
        for (const item of result.Responses?.[this.table] ?? []) found.push(toEntry(item));
        pending = result.UnprocessedKeys?.[this.table]?.Keys;
      }
    }
    return found;
  }

  /** One `Select: COUNT` Query per status partition of gsi2, paged (a COUNT page stops at 1 MB read). */
  async countByStatus(
    callId: string,
    statuses: readonly QueueStatus[],
  ): Promise<Record<QueueStatus, number>> {
    const counts = await Promise.all(
      statuses.map(async (status) => {
        let count = 0;
        let startKey: Record<string, unknown> | undefined;
        do {
          const output: QueryCommandOutput = await this.client.send(
            new QueryCommand({
              TableName: this.table,
              IndexName: 'gsi2',
              KeyConditionExpression: 'gsi2pk = :partition',
              ExpressionAttributeValues: {
                ':partition': keys.callStatusIndex(callId, status, '', '').gsi2pk,
              },
              Select: 'COUNT',
              ...(startKey ? { ExclusiveStartKey: startKey } : {}),
            }),
          );
          count += output.Count ?? 0;
          startKey = output.LastEvaluatedKey;
        } while (startKey);
        return [status, count] as const;
      }),
    );
    return Object.fromEntries(counts) as Record<QueueStatus, number>;
  }
}
