import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  DynamoDbApplicationRepository,
  idempotencyItem,
} from '../../shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { keys } from '../../shared/adapters/dynamodb/keys.ts';
import { aSubmittedApplication } from '../../test/support/applications.ts';
import { aCall } from '../../test/support/calls.ts';
import {
  api,
  documentClient as benchClient,
  givenCall,
  givenCompleteDraft,
  givenOrganisation,
  givenStaff,
  givenUser,
  sentEmails,
  type TestUser,
} from '../../test/support/local-stack.ts';
import { type Row, row, type Section } from '../harness.ts';
import { percentile } from '../support/percentiles.ts';
import { listeners, sharedLocalStack } from '../support/shared-stack.ts';
import { checkSubmissions, type SubmittedApplication, withConcurrency } from '../support/throughput.ts';

const RUNS = { full: { submissions: 200, concurrency: 20 }, quick: { submissions: 20, concurrency: 5 } };
/** Drafts are prepared (untimed) a few at a time, so preparing does not crowd the machine. */
const PREPARE_CONCURRENCY = 4;

/**
 * Many clients submitting at once, end to end: each submission through the local gateway over HTTP with
 * its member's real token, then the intake workflows drained. Beside it, DynamoDB Local's raw rate for
 * transactions like the submit's own (the application, its event and the idempotency record) at the
 * same concurrency. Then every application is read back: submitted once, referenced once, one receipt.
 */
export const section: Section = {
  name: 'throughput',
  title: 'Throughput: submissions through the local gateway, many clients at once, workflows drained',
  order: 40,
  async run({ quick, note }) {
    const stack = await sharedLocalStack();
    const on = stack.info;
    const { submissions, concurrency } = quick ? RUNS.quick : RUNS.full;
    const client = benchClient(on);
    // The stack logs a line per request; 200 of them at once are noise here.
    const previousLog = listeners.log;
    listeners.log = () => {};
    try {
      // One member and organisation per client, as many clients as submit at once.
      const members: TestUser[] = [];
      const orgIds: string[] = [];
      for (let i = 0; i < concurrency; i++) {
        const member = await givenUser(['applicant'], `bench-throughput-${i}`, on);
        members.push(member);
        orgIds.push(await givenOrganisation([member], on));
      }
      // Two reviewers, so the intake's AssignReviewers has someone to assign (a stack may hold none yet).
      await givenStaff(['reviewer'], 'bench-throughput-content', on);
      await givenStaff(['reviewer'], 'bench-throughput-financial', on);
      const call = await givenCall(aCall({ budgetCents: 1_000_000_000_000 }), on);
      const prepareStarted = performance.now();
      const drafts = await withConcurrency(
        Array.from({ length: submissions }, (_, i) => i),
        PREPARE_CONCURRENCY,
        async (i) => {
          const owner = i % concurrency;
          const draft = await givenCompleteDraft(
            members[owner] as TestUser,
            orgIds[owner] as string,
            call.id,
            `Bench: Durchsatz ${i}`,
            on,
          );
          return { id: draft.id, member: members[owner] as TestUser };
        },
      );
      await stack.drain(120_000);
      note(
        `${submissions} complete drafts of ${concurrency} members prepared in ${((performance.now() - prepareStarted) / 1000).toFixed(0)} s (untimed)`,
      );

      // Timed: every client submits its drafts one after the other, all clients at once.
      const latencies: number[] = [];
      const started = performance.now();
      const answers = await withConcurrency(drafts, concurrency, async (draft) => {
        const t = performance.now();
        const response = await api('POST', `/api/applications/${draft.id}/submit`, {
          token: draft.member.token,
          headers: { 'idempotency-key': randomUUID() },
          on,
        });
        latencies.push(performance.now() - t);
        return { id: draft.id, status: response.status };
      });
      const acceptedMs = performance.now() - started;
      await stack.drain(600_000);
      const drainedMs = performance.now() - started;

      // The reference: transactions like the submit's at the same concurrency, with a bare client.
      const repository = new DynamoDbApplicationRepository(client, on.tableName);
      const rawStarted = performance.now();
      await withConcurrency(
        Array.from({ length: submissions }, (_, i) => i),
        concurrency,
        async () => {
          await client.send(
            new TransactWriteCommand({ TransactItems: submitLikeWrites(repository, on.tableName) }),
          );
        },
      );
      const rawMs = performance.now() - rawStarted;

      // Read back: the applications and their events, and every email the local SES accepted.
      const read = await withConcurrency(drafts, 8, async (draft): Promise<SubmittedApplication> => {
        const [item, events] = await Promise.all([
          client.send(
            new GetCommand({
              TableName: on.tableName,
              Key: keys.application(draft.id),
              ConsistentRead: true,
            }),
          ),
          client.send(
            new QueryCommand({
              TableName: on.tableName,
              KeyConditionExpression: 'pk = :pk AND begins_with(sk, :event)',
              ExpressionAttributeValues: { ':pk': `APP#${draft.id}`, ':event': 'EVENT#' },
              ConsistentRead: true,
            }),
          ),
        ]);
        const application = item.Item ?? {};
        return {
          id: draft.id,
          status: String(application.status ?? 'MISSING'),
          ...(typeof application.reference === 'string' ? { reference: application.reference } : {}),
          ...(typeof application.pendingWork === 'string' ? { pendingWork: application.pendingWork } : {}),
          events: (events.Items ?? []).map((event) => String(event.type)),
        };
      });
      const check = checkSubmissions({
        answers,
        applications: new Map(read.map((application) => [application.id, application])),
        emailSubjects: (await sentEmails(on)).map((mail) => mail.subject),
      });
      for (const problem of check.problems.slice(0, 10)) note(`PROBLEM ${problem}`);
      if (check.problems.length > 10) note(`… and ${check.problems.length - 10} more problems`);

      const rate = (count: number, ms: number) => (count / ms) * 1000;
      const raw = { name: 'raw TransactWriteItems', value: rate(submissions, rawMs) };
      const all = { name: 'submitted', value: submissions };
      note(
        `${submissions} submissions at concurrency ${concurrency}: all answered in ${(acceptedMs / 1000).toFixed(1)} s, ` +
          `intake drained after ${(drainedMs / 1000).toFixed(1)} s; the reference writes 3 items per transaction ` +
          '(application, event, idempotency record) as the submit does, without its reads and conditions',
      );
      if (quick)
        note(`quick mode: ${submissions} submissions at concurrency ${concurrency} (full: 200 at 20)`);
      const rows: Row[] = [
        row({
          name: 'submissions answered',
          value: rate(submissions, acceptedMs),
          unit: 'req/s',
          reference: raw,
        }),
        row({
          name: 'submissions through intake (drained)',
          value: rate(submissions, drainedMs),
          unit: 'req/s',
          reference: raw,
        }),
        row({ name: 'submit p50 under load', value: percentile(latencies, 50), unit: 'ms' }),
        row({ name: 'submit p99 under load', value: percentile(latencies, 99), unit: 'ms' }),
        row({ name: 'accepted (202)', value: check.accepted, unit: 'apps', reference: all, minRatio: 1 }),
        row({
          name: 'intake done exactly once',
          value: check.intakeOnce,
          unit: 'apps',
          reference: all,
          minRatio: 1,
        }),
        row({
          name: 'unique references',
          value: check.uniqueReferences,
          unit: 'apps',
          reference: all,
          minRatio: 1,
        }),
        row({
          name: 'exactly one receipt email',
          value: check.oneReceipt,
          unit: 'apps',
          reference: all,
          minRatio: 1,
        }),
      ];
      return rows;
    } finally {
      listeners.log = previousLog;
    }
  },
};

/** The submit's writes for a fresh application: the application, its SUBMITTED event, the stored answer. */
function submitLikeWrites(repository: DynamoDbApplicationRepository, table: string) {
  const id = randomUUID();
  const now = new Date().toISOString();
  // No pendingWork: these applications must not start an intake (their call does not exist).
  const {
    pendingWork: _w,
    pendingSince: _p,
    ...application
  } = aSubmittedApplication({
    id,
    orgId: 'bench-throughput-raw',
    reference: `RAW-${id}`,
  });
  return [
    {
      Put: {
        TableName: table,
        Item: repository.itemOf(application),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: table,
        Item: {
          ...keys.event(id, application.version),
          itemType: 'Event',
          applicationId: id,
          version: application.version,
          at: now,
          actor: 'bench',
          type: 'SUBMITTED',
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: table,
        Item: idempotencyItem({
          scope: 'bench-throughput-raw',
          key: id,
          fingerprint: `POST /api/applications/${id}/submit`,
          response: { status: 202, body: { id, status: 'SUBMITTED', version: application.version } },
          createdAt: now,
          expiresAt: Math.floor(Date.now() / 1000) + 86_400,
        }),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
}
