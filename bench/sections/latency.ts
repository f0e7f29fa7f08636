import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { documentClient } from '../../shared/adapters/clients.ts';
import { aCall } from '../../test/support/calls.ts';
import { REQUESTED_GRANT_CENTS } from '../../test/support/decisions.ts';
import { aCompleteDraftContent } from '../../test/support/drafts.ts';
import {
  drain,
  givenAssessedApplication,
  givenCall,
  givenCompleteDraft,
  givenOrganisation,
  givenStaff,
  givenUser,
} from '../../test/support/local-stack.ts';
import { type Row, row, type Section } from '../harness.ts';
import { invoke, loadHandler } from '../support/local-api.ts';
import { percentile } from '../support/percentiles.ts';
import { recordCalls, sendRaw } from '../support/sdk-recorder.ts';
import { inWaves, isWrite, type RecordedCall, repeatable } from '../support/sdk-replay.ts';
import { sharedLocalStack } from '../support/shared-stack.ts';

/** Reads at most 1.5× the raw reads they make; writes at most 2× the raw writes they wrap (issue 11). */
const READ_RATIO = 1.5;
const WRITE_RATIO = 2;

interface Operation {
  name: string;
  kind: 'read' | 'write';
  samples: { full: number; quick: number };
  /** Untimed: what the next call needs (a fresh draft to submit, an assessed application to decide). */
  prepare?: () => Promise<void>;
  /** The timed handler call. */
  call: () => Promise<void>;
}

/**
 * Each handler in-process against DynamoDB Local (the local stack's, started for this section), beside
 * the raw SDK calls it makes: its calls are recorded from its client and sent again with a bare
 * DynamoDBClient right after it, in the same waves (parallel calls in parallel). Reads are held against
 * all their calls; writes against their writes only (conditions dropped, see sdk-replay.ts).
 */
export const section: Section = {
  name: 'latency',
  title: 'Handler latency in-process against DynamoDB Local, beside the raw SDK calls it makes',
  order: 20,
  async run({ quick, note }) {
    const stack = await sharedLocalStack();
    const recorder = recordCalls(documentClient.middlewareStack);
    try {
      const on = stack.info;
      const raw = new DynamoDBClient({});

      const member = await givenUser(['applicant'], 'bench-member', on);
      const reviewers = {
        content: await givenStaff(['reviewer'], 'bench-content', on),
        financial: await givenStaff(['reviewer'], 'bench-financial', on),
      };
      const approver = await givenStaff(['approver'], 'bench-approver', on);
      // A budget no number of decisions exhausts (each replayed decision commits the grant once more).
      const call = await givenCall(aCall({ budgetCents: 1_000_000_000_000 }), on);
      const orgId = await givenOrganisation([member], on);
      const draft = await givenCompleteDraft(member, orgId, call.id, 'Bench: gelesen', on);
      // The call's queue (what a reviewer lists by call) holds one assessed application.
      await givenAssessedApplication(
        member,
        orgId,
        call.id,
        reviewers,
        { title: 'Bench: Warteschlange' },
        on,
      );

      const handlers = {
        get: await loadHandler('functions/applications/get-application.handler.ts'),
        save: await loadHandler('functions/applications/update-draft.handler.ts'),
        submit: await loadHandler('functions/applications/submit-application.handler.ts'),
        queue: await loadHandler('functions/review/list-review-queue.handler.ts'),
        decide: await loadHandler('functions/review/decide-application.handler.ts'),
      };

      let savedVersion = draft.version;
      let toSubmit = '';
      let toDecide = '';
      const operations: Operation[] = [
        {
          name: 'get application',
          kind: 'read',
          samples: { full: 200, quick: 20 },
          call: async () => {
            await invoke(handlers.get, {
              routeKey: 'GET /api/applications/{id}',
              path: `/api/applications/${draft.id}`,
              pathParameters: { id: draft.id },
              token: member.token,
              expect: 200,
            });
          },
        },
        {
          name: 'list queue',
          kind: 'read',
          samples: { full: 200, quick: 20 },
          call: async () => {
            await invoke(handlers.queue, {
              routeKey: 'GET /api/review/applications',
              path: `/api/review/applications?callId=${call.id}`,
              token: reviewers.content.token,
              expect: 200,
            });
          },
        },
        {
          name: 'save draft',
          kind: 'write',
          samples: { full: 100, quick: 10 },
          call: async () => {
            const saved = await invoke(handlers.save, {
              routeKey: 'PATCH /api/applications/{id}',
              path: `/api/applications/${draft.id}`,
              pathParameters: { id: draft.id },
              token: member.token,
              headers: { 'if-match': `"${savedVersion}"` },
              body: { ...aCompleteDraftContent(), title: `Bench: gespeichert ${savedVersion}` },
              expect: 200,
            });
            savedVersion = saved.body.version as number;
          },
        },
        {
          name: 'submit',
          kind: 'write',
          samples: { full: 30, quick: 3 },
          prepare: async () => {
            toSubmit = (await givenCompleteDraft(member, orgId, call.id, 'Bench: eingereicht', on)).id;
            await drain(on);
          },
          call: async () => {
            await invoke(handlers.submit, {
              routeKey: 'POST /api/applications/{id}/submit',
              path: `/api/applications/${toSubmit}/submit`,
              pathParameters: { id: toSubmit },
              token: member.token,
              headers: { 'idempotency-key': randomUUID() },
              expect: 202,
            });
          },
        },
        {
          name: 'decide',
          kind: 'write',
          samples: { full: 15, quick: 2 },
          prepare: async () => {
            toDecide = (await givenAssessedApplication(member, orgId, call.id, reviewers, {}, on)).id;
            await drain(on);
          },
          call: async () => {
            await invoke(handlers.decide, {
              routeKey: 'POST /api/review/applications/{id}/decision',
              path: `/api/review/applications/${toDecide}/decision`,
              pathParameters: { id: toDecide },
              token: approver.token,
              headers: { 'idempotency-key': randomUUID() },
              body: { outcome: 'approved', grantedCents: REQUESTED_GRANT_CENTS, conditions: [] },
              expect: 200,
            });
          },
        },
      ];

      /** The recorded calls sent again with the bare client, wave by wave; how long that took (ms). */
      const replay = async (calls: RecordedCall[]) => {
        const started = performance.now();
        for (const wave of inWaves(calls)) {
          await Promise.all(
            wave.map((c) => sendRaw(raw, c.command, repeatable(c) as Record<string, unknown>)),
          );
        }
        return performance.now() - started;
      };

      const rows: Row[] = [];
      for (const operation of operations) {
        const count = quick ? operation.samples.quick : operation.samples.full;
        const handlerMs: number[] = [];
        const rawMs: number[] = [];
        let shape = '';
        // One untimed round first: the handler's module state and both clients' connections warm.
        for (let i = -1; i < count; i++) {
          await operation.prepare?.();
          recorder.take();
          const started = performance.now();
          await operation.call();
          const elapsed = performance.now() - started;
          const made = recorder.take();
          const reference = operation.kind === 'write' ? made.filter(isWrite) : made;
          if (reference.length === 0) throw new Error(`${operation.name}: no ${operation.kind} recorded`);
          const rawElapsed = await replay(reference);
          if (i < 0) {
            shape = inWaves(made)
              .map((wave) => wave.map((c) => c.command.replace(/Command$/, '')).join(' ‖ '))
              .join(' → ');
            continue;
          }
          handlerMs.push(elapsed);
          rawMs.push(rawElapsed);
        }
        note(`${operation.name}: ${count} samples; the handler makes ${shape}`);
        const target = quick ? {} : { maxRatio: operation.kind === 'read' ? READ_RATIO : WRITE_RATIO };
        const rawName = operation.kind === 'read' ? 'raw reads' : 'raw writes';
        for (const p of [50, 99]) {
          rows.push(
            row({
              name: `${operation.name} p${p}`,
              value: percentile(handlerMs, p),
              unit: 'ms',
              reference: { name: `${rawName} p${p}`, value: percentile(rawMs, p) },
              ...target,
            }),
          );
        }
      }
      await stack.drain(); // the workflows the last decisions started, before the next section
      if (quick)
        note(
          'quick mode: too few samples for the ratio targets; ratios reported only (`npm run bench` holds them)',
        );
      return rows;
    } finally {
      recorder.stop();
    }
  },
};
