import { randomUUID } from 'node:crypto';
import { documentClient } from '../../shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '../../shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { assignmentItem } from '../../shared/adapters/dynamodb/dynamodb-review-repository.ts';
import type { Application } from '../../shared/domain/application.ts';
import { aSubmittedApplication } from '../../test/support/applications.ts';
import { aCall } from '../../test/support/calls.ts';
import {
  documentClient as benchClient,
  givenCall,
  givenOrganisation,
  givenStaff,
  givenUser,
} from '../../test/support/local-stack.ts';
import { writeItems } from '../../test/support/review-queue.ts';
import { type Row, row, type Section } from '../harness.ts';
import { invoke, loadHandler } from '../support/local-api.ts';
import { percentile } from '../support/percentiles.ts';
import { backgroundSlot, type ReadFigures, readFigures, recordReads } from '../support/scale.ts';
import { sharedLocalStack } from '../support/shared-stack.ts';

/** p50 with the big table at most 1.2× the small one's (issue 11). */
const LATENCY_RATIO = 1.2;
const SIZES = { full: { small: 1_000, big: 100_000 }, quick: { small: 200, big: 2_000 } };
/** The measured call and organisation: the same applications in both sizes (in the working statuses). */
const MEASURED_PER_STATUS = 20;
const MEASURED_STATUSES = ['SUBMITTED', 'IN_REVIEW', 'ASSESSED', 'DRAFT'] as const;
/** The measured reviewer's open assignments (on the measured call's applications in review). */
const MEASURED_ASSIGNMENTS = MEASURED_PER_STATUS;
const LAYOUT = { calls: 50, perOrganisation: 20 };
/** Background reviewers, who hold the background assignments. */
const OTHER_REVIEWERS = Array.from({ length: 20 }, (_, i) => `bench-scale-reviewer-${i}`);
const DAY = 86_400_000;

interface Measured {
  name: string;
  entry: string;
  routeKey: string;
  path: string;
  token: string;
}

/**
 * Queue listing and an organisation's list of applications, each timed in-process against DynamoDB Local
 * with a small and a big table: the measured call, organisation and reviewer hold the same applications
 * in both, the rest of the table (other calls and organisations) grows. Latency may not grow with it,
 * nor may what the handler's Queries read (ScannedCount, read units).
 */
export const section: Section = {
  name: 'scale',
  title: 'Scale: queue and organisation lists with a small and a big table (in-process, DynamoDB Local)',
  order: 30,
  async run({ quick, note, repetitions }) {
    const stack = await sharedLocalStack();
    const on = stack.info;
    const sizes = quick ? SIZES.quick : SIZES.full;
    const samples = repetitions(150, 20);
    const client = benchClient(on);
    const repository = new DynamoDbApplicationRepository(client, on.tableName);
    const reads = recordReads(documentClient.middlewareStack);
    try {
      const member = await givenUser(['applicant'], 'bench-scale-member', on);
      const reviewer = await givenStaff(['reviewer'], 'bench-scale-reviewer', on);
      const call = await givenCall(aCall(), on);
      const orgId = await givenOrganisation([member], on);

      // The measured slice: written once, before the small table, the same for both sizes.
      const started = Date.now() - 100 * DAY;
      const at = (n: number) => new Date(started + n * 60_000).toISOString();
      const slice: Record<string, unknown>[] = [];
      let n = 0;
      for (const status of MEASURED_STATUSES) {
        for (let i = 0; i < MEASURED_PER_STATUS; i++, n++) {
          const application = anApplication({ orgId, callId: call.id, status, at: at(n) });
          slice.push(repository.itemOf(application));
          if (status === 'IN_REVIEW' && i < MEASURED_ASSIGNMENTS) {
            slice.push(assignment(application, reviewer.sub, at(n)));
          }
        }
      }
      await writeItems(client, on.tableName, slice);
      const measuredApplications = MEASURED_STATUSES.length * MEASURED_PER_STATUS;

      let written = measuredApplications;
      const fill = async (total: number) => {
        const fillStarted = performance.now();
        const items: Record<string, unknown>[] = [];
        for (; written < total; written++) {
          const background = written - measuredApplications;
          const slot = backgroundSlot(background, LAYOUT);
          const application = anApplication({
            orgId: `bench-scale-org-${slot.organisation}`,
            callId: `bench-scale-call-${slot.call}`,
            status: slot.status,
            at: at(written),
          });
          items.push(repository.itemOf(application));
          if (slot.status === 'IN_REVIEW') {
            const other = OTHER_REVIEWERS[background % OTHER_REVIEWERS.length] as string;
            items.push(assignment(application, other, at(written)));
          }
          // Written in chunks, so 100,000 items are never all in memory at once.
          if (items.length >= 5_000) await writeItems(client, on.tableName, items.splice(0));
        }
        await writeItems(client, on.tableName, items);
        // The stream poller reads every record the fill wrote: caught up before anything is timed.
        await stack.drain(600_000);
        note(
          `table filled to ${total.toLocaleString('en')} applications in ${((performance.now() - fillStarted) / 1000).toFixed(0)} s`,
        );
      };

      const measured: Measured[] = [
        {
          name: 'queue by call',
          entry: 'functions/review/list-review-queue.handler.ts',
          routeKey: 'GET /api/review/applications',
          path: `/api/review/applications?callId=${call.id}`,
          token: reviewer.token,
        },
        {
          name: 'queue by call, SUBMITTED',
          entry: 'functions/review/list-review-queue.handler.ts',
          routeKey: 'GET /api/review/applications',
          path: `/api/review/applications?callId=${call.id}&status=SUBMITTED`,
          token: reviewer.token,
        },
        {
          name: 'queue assignee=me',
          entry: 'functions/review/list-review-queue.handler.ts',
          routeKey: 'GET /api/review/applications',
          path: '/api/review/applications?assignee=me',
          token: reviewer.token,
        },
        {
          name: "organisation's applications",
          entry: 'functions/applications/list-my-applications.handler.ts',
          routeKey: 'GET /api/applications',
          path: '/api/applications',
          token: member.token,
        },
      ];
      const handlers = new Map<string, Awaited<ReturnType<typeof loadHandler>>>();
      for (const m of measured) handlers.set(m.entry, await loadHandler(m.entry));

      const measure = async () => {
        const figures = new Map<string, { p50: number; reads: ReadFigures; lines: number }>();
        for (const m of measured) {
          const handler = handlers.get(m.entry) as Awaited<ReturnType<typeof loadHandler>>;
          const call = () => invoke(handler, { ...m, expect: 200 });
          // Untimed: the first call warms the handler and the client's connection; its reads are kept.
          reads.take();
          const first = await call();
          const firstReads = readFigures(reads.take());
          const times: number[] = [];
          for (let i = 0; i < samples; i++) {
            const t = performance.now();
            await call();
            times.push(performance.now() - t);
          }
          reads.take();
          const lines = (first.body.items as unknown[] | undefined)?.length ?? 0;
          figures.set(m.name, { p50: percentile(times, 50), reads: firstReads, lines });
        }
        return figures;
      };

      await fill(sizes.small);
      const small = await measure();
      await fill(sizes.big);
      const big = await measure();

      const rows: Row[] = [];
      const fmt = (size: number) => size.toLocaleString('en');
      for (const m of measured) {
        const s = small.get(m.name);
        const b = big.get(m.name);
        if (!s || !b) throw new Error(`${m.name}: not measured`);
        if (s.lines === 0 || s.lines !== b.lines) {
          throw new Error(`${m.name}: ${s.lines} lines with the small table, ${b.lines} with the big one`);
        }
        if (s.reads.withoutCapacity + b.reads.withoutCapacity > 0) {
          note(`${m.name}: some reads answered without ConsumedCapacity`);
        }
        note(`${m.name}: ${s.lines} lines, ${s.reads.queries} Queries; ${samples} samples per size`);
        rows.push(
          row({
            name: `${m.name} p50, ${fmt(sizes.big)}`,
            value: b.p50,
            unit: 'ms',
            reference: { name: `${fmt(sizes.small)}`, value: s.p50 },
            ...(quick ? {} : { maxRatio: LATENCY_RATIO }),
          }),
          row({
            name: `${m.name} ScannedCount, ${fmt(sizes.big)}`,
            value: b.reads.scannedCount,
            unit: 'items',
            reference: { name: `${fmt(sizes.small)}`, value: s.reads.scannedCount },
            maxRatio: 1,
          }),
          row({
            name: `${m.name} read units, ${fmt(sizes.big)}`,
            value: b.reads.readUnits,
            unit: 'RRU',
            reference: { name: `${fmt(sizes.small)}`, value: s.reads.readUnits },
            maxRatio: 1,
          }),
        );
      }
      note(
        `${measuredApplications} applications in the measured call and organisation (${MEASURED_ASSIGNMENTS} assigned to the measured reviewer) in both sizes; ` +
          `the rest over ${LAYOUT.calls} other calls and an organisation per ${LAYOUT.perOrganisation}; plus what earlier sections wrote`,
      );
      if (quick) {
        note(
          `quick mode: ${fmt(sizes.small)} vs ${fmt(sizes.big)} applications, not 1,000 vs 100,000; the latency ratio is reported only (\`npm run bench\` holds it), the reads are held`,
        );
      }
      return rows;
    } finally {
      reads.stop();
    }
  },
};

function anApplication(input: {
  orgId: string;
  callId: string;
  status: (typeof MEASURED_STATUSES)[number] | 'APPROVED';
  at: string;
}): Application {
  const id = randomUUID();
  const { status, at } = input;
  const {
    submittedAt: _s,
    submittedBy: _b,
    reference: _r,
    pendingWork: _w,
    pendingSince: _p,
    ...draft
  } = aSubmittedApplication();
  return {
    ...draft,
    id,
    orgId: input.orgId,
    callId: input.callId,
    title: `Bench ${id.slice(0, 8)}`,
    status,
    createdAt: at,
    updatedAt: at,
    ...(status === 'DRAFT'
      ? {}
      : { submittedAt: at, submittedBy: 'bench', reference: `IM-2027-C-${id.slice(0, 6)}` }),
  };
}

function assignment(application: Application, reviewerSub: string, at: string) {
  return assignmentItem({
    applicationId: application.id,
    callId: application.callId,
    role: 'content',
    reviewerSub,
    assignedAt: at,
    dueAt: new Date(Date.parse(at) + 21 * DAY).toISOString(),
  });
}
