import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DynamoDbReviewQueue } from '../../shared/adapters/dynamodb/dynamodb-review-queue.ts';
import type { ApplicationStatus } from '../../shared/api/schemas/application.schema.ts';
import { WORKING_STATUSES } from '../../shared/api/schemas/review-queue.schema.ts';
import type { ReadStats } from '../../shared/ports/review-queue.ts';
import { documentClient, stack } from '../support/local-stack.ts';
import { anApplicationItem, anAssignmentItem, writeItems } from '../support/review-queue.ts';

/**
 * The queue reads one page of its own partition, whatever else the table holds: the same Queries the
 * handlers run (through the repository, which reports what each Query read) read exactly as much with
 * 100 other applications in the table as with 5,000.
 */
describe('work queue Queries do not grow with the table', () => {
  const OTHER_STATUSES: ApplicationStatus[] = [
    'DRAFT',
    'SUBMITTED',
    'IN_REVIEW',
    'ASSESSED',
    'APPROVED',
    'REJECTED',
    'WITHDRAWN',
  ];

  it('reads the same items and capacity at 100 and at 5,000 applications', { timeout: 180_000 }, async () => {
    const client = documentClient();
    const table = stack().tableName;
    const queue = new DynamoDbReviewQueue(client, table);
    const callId = `scale-${randomUUID().slice(0, 8)}`;
    const reviewerSub = randomUUID();
    const orgId = randomUUID();

    // The queried call: six working applications, two of them assigned to the reviewer.
    const own = (['SUBMITTED', 'SUBMITTED', 'INCOMPLETE', 'IN_REVIEW', 'IN_REVIEW', 'ASSESSED'] as const).map(
      (status, index) =>
        anApplicationItem({
          callId,
          orgId,
          status,
          submittedAt: new Date(Date.UTC(2027, 0, 1, 9, index)).toISOString(),
          ...(status === 'INCOMPLETE' ? { nachforderungDueAt: '2027-02-01T23:59:59+01:00' } : {}),
        }),
    );
    const assigned = own.filter((item) => item.status === 'IN_REVIEW');
    await writeItems(client, table, [
      ...own,
      ...assigned.map((item, index) =>
        anAssignmentItem({
          applicationId: item.id as string,
          callId,
          role: 'content',
          reviewerSub,
          dueAt: `2027-02-0${index + 1}T23:59:59+01:00`,
        }),
      ),
    ]);

    // Others: other calls in every status, and this call in statuses outside the working ones,
    // with assignments of other reviewers, so every index the queue uses gets fuller.
    let written = 0;
    const others = async (count: number) => {
      const items: Record<string, unknown>[] = [];
      for (let n = 0; n < count; n++, written++) {
        const status = OTHER_STATUSES[written % OTHER_STATUSES.length] as ApplicationStatus;
        const sameCall = written % 5 === 0 && !(WORKING_STATUSES as readonly string[]).includes(status);
        const item = anApplicationItem({
          callId: sameCall ? callId : `other-${written % 40}`,
          orgId,
          status,
          submittedAt: new Date(Date.UTC(2026, 11, 1) + written * 60_000).toISOString(),
        });
        items.push(item);
        if (written % 10 === 0) {
          items.push(
            anAssignmentItem({
              applicationId: item.id as string,
              callId: item.callId as string,
              role: 'financial',
              reviewerSub: `someone-${written % 7}`,
              dueAt: '2027-01-15T23:59:59+01:00',
            }),
          );
        }
      }
      await writeItems(client, table, items);
    };

    const measure = async () => {
      const byCall = await queue.listByCallAndStatus({ callId, statuses: WORKING_STATUSES, limit: 25 });
      const oneStatus = await queue.listByCallAndStatus({ callId, statuses: ['SUBMITTED'], limit: 25 });
      const firstPage = await queue.listByCallAndStatus({ callId, statuses: WORKING_STATUSES, limit: 2 });
      const mine = await queue.listAssignments({ reviewerSub, limit: 25 });
      return {
        lines: { byCall: byCall.items.length, oneStatus: oneStatus.items.length, mine: mine.items.length },
        stats: {
          byCall: byCall.stats,
          oneStatus: oneStatus.stats,
          firstPage: firstPage.stats,
          mine: mine.stats,
        },
      };
    };

    await others(100);
    const at100 = await measure();
    await others(4_900);
    const at5000 = await measure();

    console.log(
      JSON.stringify({ at100: at100.stats, at5000: at5000.stats } satisfies Record<
        string,
        Record<string, ReadStats>
      >),
    );
    expect(at100.lines).toEqual({ byCall: 6, oneStatus: 2, mine: 2 });
    expect(at5000.lines).toEqual(at100.lines);
    expect(at100.stats.byCall.scannedCount).toBe(6);
    expect(at100.stats.firstPage.scannedCount).toBeLessThanOrEqual(2 * WORKING_STATUSES.length);
    expect(at5000.stats).toEqual(at100.stats);
    // DynamoDB Local reports capacity; if it ever stops, this fails rather than comparing undefineds.
    expect(at100.stats.byCall.consumedCapacity).toBeGreaterThan(0);
  });
});
