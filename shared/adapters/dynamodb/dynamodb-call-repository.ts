import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { Call } from '../../api/schemas/call.schema.ts';
import type { CallRecord, NewCallRecord } from '../../domain/call.ts';
import { ConcurrentChangeError } from '../../domain/errors.ts';
import type {
  CallListRange,
  CallRecordList,
  CallRecordRepository,
  CallRepository,
} from '../../ports/call-repository.ts';
import { keys, withoutKeys } from './keys.ts';

const DEFINITION_FIELDS = Object.keys(Call.shape);

/** Calls written before calls were versioned (older local data, early seeds) count as version 1. */
const FIRST_VERSION = 1;

export class DynamoDbCallRepository implements CallRepository, CallRecordRepository, CallRecordList {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
  }

  async list(range?: CallListRange): Promise<Call[]> {
    // gsi1sk is `<closesAt UTC>#<id>`: a deadline at or after `at` sorts at or after the bare `at`, one
    // before it sorts before, so the index range splits calls exactly where callPhase does.
    const bound =
      range && 'closingFrom' in range
        ? { condition: ' AND gsi1sk >= :at', at: range.closingFrom, forward: true }
        : range && 'closedBefore' in range
          ? { condition: ' AND gsi1sk < :at', at: range.closedBefore, forward: false }
          : undefined;
    const calls: Call[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: `gsi1pk = :calls${bound?.condition ?? ''}`,
        ExpressionAttributeValues: {
          ':calls': 'CALLS',
          ...(bound ? { ':at': bound.at.toISOString() } : {}),
        },
        ScanIndexForward: bound?.forward ?? true,
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) calls.push(withoutKeys<Call>(item));
    }
    return calls;
  }

  async listRecords(): Promise<CallRecord[]> {
    // The whole deadline-ordered list: a funding body publishes a few dozen calls a year.
    const records: CallRecord[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :calls',
        ExpressionAttributeValues: { ':calls': 'CALLS' },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) records.push(toRecord(item));
    }
    return records;
  }

  async get(callId: string): Promise<Call | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: keys.call(callId) }),
    );
    return Item ? withoutKeys<Call>(Item) : undefined;
  }

  async find(callId: string): Promise<CallRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: keys.call(callId), ConsistentRead: true }),
    );
    return Item ? toRecord(Item) : undefined;
  }

  /** Writes a call unconditionally (seeding and test setup; the admin API uses `create`). */
  async put(record: NewCallRecord): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.table, Item: this.item(record) }));
  }

  async create(record: NewCallRecord): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: this.item(record),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async update(
    next: NewCallRecord,
    condition: { expectedVersion: number; onlyWithoutApplications: boolean },
  ): Promise<CallRecord> {
    // An update of named attributes, not a put of the whole item: draft creation ADDs to
    // applicationCount concurrently, and a put would write back the count we read, losing drafts.
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets: string[] = [];
    const removes: string[] = [];
    const set = (name: string, value: unknown) => {
      const n = `#f${sets.length + removes.length}`;
      names[n] = name;
      if (value === undefined) {
        removes.push(n);
      } else {
        values[`:v${sets.length}`] = value;
        sets.push(`${n} = :v${sets.length}`);
      }
    };
    const fields = next as unknown as Record<string, unknown>;
    for (const field of DEFINITION_FIELDS) set(field, fields[field]);
    // The index key follows the deadline, so the list stays ordered and the phase ranges stay exact.
    set('gsi1sk', keys.callsIndex(new Date(next.closesAt).toISOString(), next.id).gsi1sk);
    set('version', next.version);
    set('updatedAt', next.updatedAt);
    set('updatedBy', next.updatedBy);

    names['#version'] = 'version';
    values[':expected'] = condition.expectedVersion;
    const versionMatches =
      condition.expectedVersion === FIRST_VERSION
        ? '(attribute_not_exists(#version) OR #version = :expected)'
        : '#version = :expected';
    let conditionExpression = `attribute_exists(pk) AND ${versionMatches}`;
    if (condition.onlyWithoutApplications) {
      names['#applicationCount'] = 'applicationCount';
      values[':zero'] = 0;
      conditionExpression += ' AND (attribute_not_exists(#applicationCount) OR #applicationCount = :zero)';
    }

    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.call(next.id),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: conditionExpression,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toRecord(Attributes ?? {});
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new ConcurrentChangeError();
      throw error;
    }
  }

  private item(record: NewCallRecord) {
    return {
      ...keys.call(record.id),
      ...keys.callsIndex(new Date(record.closesAt).toISOString(), record.id),
      itemType: 'Call',
      ...record,
    };
  }
}

function toRecord(item: Record<string, unknown>): CallRecord {
  const record = withoutKeys<Partial<CallRecord> & Call>(item);
  return {
    ...record,
    version: record.version ?? FIRST_VERSION,
    applicationCount: record.applicationCount ?? 0,
    committedCents: record.committedCents ?? 0,
  };
}
