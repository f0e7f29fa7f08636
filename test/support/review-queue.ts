import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/adapters/dynamodb/keys.ts';
import type { ApplicationStatus } from '../../shared/api/schemas/application.schema.ts';

/**
 * An application item as the repository stores it (its keys from keys.ts: base, organisation index,
 * call + status index, Nachforderung due index), for writing many straight into the table.
 */
export function anApplicationItem(input: {
  callId: string;
  orgId: string;
  status: ApplicationStatus;
  submittedAt: string;
  title?: string;
  reference?: string;
  nachforderungDueAt?: string;
  id?: string;
}): Record<string, unknown> {
  const id = input.id ?? randomUUID();
  const createdAt = new Date(Date.parse(input.submittedAt) - 86_400_000).toISOString();
  const application = {
    id,
    orgId: input.orgId,
    callId: input.callId,
    title: input.title ?? `Projekt ${id.slice(0, 8)}`,
    summary: 'Inhalt, den eine Arbeitsliste nie zeigt.',
    status: input.status,
    version: 3,
    createdAt,
    createdBy: 'test',
    updatedAt: input.submittedAt,
    updatedBy: 'test',
    ...(input.status === 'DRAFT' ? {} : { submittedAt: input.submittedAt, submittedBy: 'test' }),
    ...(input.reference ? { reference: input.reference } : {}),
    ...(input.nachforderungDueAt
      ? {
          nachforderung: {
            requestedAt: input.submittedAt,
            requestedBy: 'system',
            dueAt: input.nachforderungDueAt,
            items: [],
          },
        }
      : {}),
  };
  return {
    ...keys.application(id),
    ...keys.applicationIndex(input.orgId, createdAt, id),
    ...(input.status === 'DRAFT'
      ? {}
      : keys.callStatusIndex(input.callId, input.status, input.submittedAt, id)),
    ...(input.status === 'INCOMPLETE' && input.nachforderungDueAt
      ? keys.nachforderungDueIndex(input.nachforderungDueAt, id)
      : {}),
    itemType: 'Application',
    ...application,
  };
}

/** An open assignment as the review data model describes it (gsi3: the reviewer's queue by due date). */
export function anAssignmentItem(input: {
  applicationId: string;
  callId: string;
  role: 'content' | 'financial';
  reviewerSub: string;
  dueAt: string;
  assignedAt?: string;
}): Record<string, unknown> {
  return {
    pk: `APP#${input.applicationId}`,
    sk: `ASSIGNMENT#${input.role}`,
    itemType: 'Assignment',
    applicationId: input.applicationId,
    callId: input.callId,
    role: input.role,
    reviewerSub: input.reviewerSub,
    assignedAt: input.assignedAt ?? new Date().toISOString(),
    dueAt: input.dueAt,
    gsi3pk: `REVIEWER#${input.reviewerSub}`,
    gsi3sk: `${input.dueAt}#${input.applicationId}#${input.role}`,
  };
}

/** Writes items with BatchWriteItem, 25 at a time, several batches in flight, retrying unprocessed ones. */
export async function writeItems(
  client: DynamoDBDocumentClient,
  table: string,
  items: readonly Record<string, unknown>[],
): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let start = 0; start < items.length; start += 25) batches.push(items.slice(start, start + 25));
  const worker = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      let pending = batch.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 8) throw new Error('BatchWriteItem left items unprocessed');
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 20));
        const result = await client.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = (result.UnprocessedItems?.[table] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of cells. */
export function parseCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}
