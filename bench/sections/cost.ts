import { documentClient } from '../../shared/adapters/clients.ts';
import { aCall } from '../../test/support/calls.ts';
import { REQUESTED_GRANT_CENTS } from '../../test/support/decisions.ts';
import {
  api,
  drain,
  givenAssessedApplication,
  givenCall,
  givenOrganisation,
  givenStaff,
  givenUser,
  sentEmails,
} from '../../test/support/local-stack.ts';
import { type Row, row, type Section } from '../harness.ts';
import { PRICES } from '../prices.ts';
import { type JourneyCounts, lambdaMbMs, priceJourney } from '../support/cost.ts';
import { countCapacity, countS3Requests } from '../support/counters.ts';
import { listeners, sharedLocalStack } from '../support/shared-stack.ts';

/** Under $0.002 per application (issue 11), in millionths of a dollar. */
const BUDGET = { name: 'budget $0.002', value: 2000 };
/** The letter renderers run with 1024 MB (their workflows' constructs); every other function with 512 MB. */
const memoryMbOf = (functionLogicalId: string) =>
  /RenderSubmittedCopy|IssueLetter|IssueObjectionLetter/i.test(functionLogicalId) ? 1024 : 512;
const DAY = 86_400_000;

/**
 * What one application costs on AWS from draft to FINAL: one journey through the local stack's API
 * (created, filled, submitted, assessed by two reviewers, approved, the Bescheid retrieved, the appeal
 * period over and the deadlines run), with everything it makes counted and priced with bench/prices.ts.
 */
export const section: Section = {
  name: 'cost',
  title: `Cost of one application, draft to FINAL, at ${PRICES.region} list prices recorded ${PRICES.recordedOn} (check them)`,
  // Before latency (20), though the harness lists cost at 50: they share one local stack, and the
  // deadlines run of this journey must find only this journey's application (latency's decided
  // applications would get reminder emails counted here).
  order: 15,
  async run({ note }) {
    const invocations: { fn: string; ms: number }[] = [];
    const executions: { machine: string; ms: number }[] = [];
    let apiRequests = 0;
    const stack = await sharedLocalStack();
    listeners.log = (line) => {
      if (/^[A-Z]+ \/api\//.test(line)) apiRequests++;
    };
    listeners.invocation = (fn, ms) => invocations.push({ fn, ms });
    listeners.execution = (machine, result) =>
      executions.push({ machine, ms: result.stopDate.getTime() - result.startDate.getTime() });
    const capacity = countCapacity(documentClient.middlewareStack);
    const s3 = countS3Requests(stack.info.s3Endpoint);
    try {
      const on = stack.info;
      const member = await givenUser(['applicant'], 'bench-member', on);
      const reviewers = {
        content: await givenStaff(['reviewer'], 'bench-content', on),
        financial: await givenStaff(['reviewer'], 'bench-financial', on),
      };
      const approver = await givenStaff(['approver'], 'bench-approver', on);
      const call = await givenCall(aCall(), on);
      const orgId = await givenOrganisation([member], on);
      await drain(on);

      // Counting starts here: everything before is setting up who takes part.
      invocations.length = 0;
      executions.length = 0;
      apiRequests = 0;
      capacity.take();
      s3.counts.writeRequests = 0;
      s3.counts.readRequests = 0;
      const emailsBefore = (await sentEmails(on)).length;

      const application = await givenAssessedApplication(member, orgId, call.id, reviewers, {}, on);
      const decided = await api('POST', `/api/review/applications/${application.id}/decision`, {
        token: approver.token,
        body: { outcome: 'approved', grantedCents: REQUESTED_GRANT_CENTS, conditions: [] },
        on,
      });
      if (decided.status !== 200) throw new Error(`not decided: ${decided.status} ${decided.text}`);
      await drain(on);
      const read = await api<{ letters?: { id: string }[] }>('GET', `/api/applications/${application.id}`, {
        token: member.token,
        on,
      });
      const letterId = read.body.letters?.[0]?.id;
      if (!letterId) throw new Error(`no letter issued: ${read.text}`);
      const link = await api<{ url: string }>(
        'GET',
        `/api/applications/${application.id}/letters/${letterId}`,
        {
          token: member.token,
          on,
        },
      );
      if (link.status !== 200) throw new Error(`letter not retrieved: ${link.status} ${link.text}`);
      const download = await fetch(link.body.url);
      if (!download.ok) throw new Error(`letter download: ${download.status}`);
      await download.arrayBuffer();
      const browserDownloads = 1; // through the presigned link, by fetch (not seen by countS3Requests)
      await drain(on);
      // The appeal period (a month from notification) is over; the daily deadlines run makes it FINAL.
      await control(on.controlUrl, 'PUT', '/clock', { offsetMs: 60 * DAY });
      await control(on.controlUrl, 'POST', '/deadlines/run');
      await drain(on);
      const final = await api<{ status: string }>('GET', `/api/applications/${application.id}`, {
        token: member.token,
        on,
      });
      if (final.body.status !== 'FINAL') throw new Error(`not FINAL after the deadlines run: ${final.text}`);

      const units = capacity.take();
      if (units.callsWithoutCapacity > 0) {
        note(`${units.callsWithoutCapacity} DynamoDB calls answered without ConsumedCapacity (not counted)`);
      }
      const counts: JourneyCounts = {
        lambda: {
          invocations: invocations.length,
          mbMs: invocations.reduce((sum, i) => sum + lambdaMbMs(memoryMbOf(i.fn), i.ms), 0),
        },
        express: { requests: executions.length, durationsMs: executions.map((e) => e.ms) },
        dynamodb: { readUnits: units.readUnits, writeUnits: units.writeUnits },
        s3: {
          writeRequests: s3.counts.writeRequests,
          readRequests: s3.counts.readRequests + browserDownloads,
        },
        emails: (await sentEmails(on)).length - emailsBefore,
        apiRequests,
      };
      const lambdaMs = invocations.reduce((sum, i) => sum + i.ms, 0);
      const expressMs = executions.reduce((sum, e) => sum + e.ms, 0);
      const byFunction = new Map<string, number>();
      for (const i of invocations) byFunction.set(i.fn, (byFunction.get(i.fn) ?? 0) + 1);
      const byMachine = new Map<string, number>();
      for (const e of executions) byMachine.set(e.machine, (byMachine.get(e.machine) ?? 0) + 1);
      note(
        `Express workflows: ${[...byMachine].map(([m, n]) => `${m.replace(/StateMachine[0-9A-F]*$/, '')} ${n}`).join(', ')}`,
      );
      note(
        `Lambda functions: ${[...byFunction].map(([f, n]) => `${f.replace(/[0-9A-F]{8}$/, '')} ${n}`).join(', ')}`,
      );
      note(
        'durations are this machine’s in-process times, not Lambda’s; not counted: Cognito (per monthly active user), ' +
          'CloudWatch Logs and X-Ray, KMS, data transfer, storage per month, the two assignments the bench writes ' +
          'itself (givenAssignments, in place of the intake’s pick), and the DynamoDB stream reads (free for Lambda triggers)',
      );

      const rows: Row[] = [
        row({ name: 'Lambda invocations', value: counts.lambda.invocations, unit: 'requests' }),
        row({ name: 'Lambda duration (sum)', value: lambdaMs, unit: 'ms' }),
        row({ name: 'Express workflow requests', value: counts.express.requests, unit: 'requests' }),
        row({ name: 'Express duration (sum)', value: expressMs, unit: 'ms' }),
        row({ name: 'DynamoDB read units', value: counts.dynamodb.readUnits, unit: 'RRU' }),
        row({ name: 'DynamoDB write units', value: counts.dynamodb.writeUnits, unit: 'WRU' }),
        row({ name: 'S3 PUT/POST/LIST requests', value: counts.s3.writeRequests, unit: 'requests' }),
        row({ name: 'S3 GET/HEAD requests', value: counts.s3.readRequests, unit: 'requests' }),
        row({ name: 'emails', value: counts.emails, unit: 'emails' }),
        row({ name: 'API requests', value: counts.apiRequests, unit: 'requests' }),
      ];
      const lines = priceJourney(counts, PRICES);
      for (const line of lines)
        rows.push(row({ name: `${line.item} (price)`, value: line.usd * 1e6, unit: 'µ$' }));
      const total = lines.reduce((sum, line) => sum + line.usd, 0) * 1e6;
      rows.push(row({ name: 'per application', value: total, unit: 'µ$', reference: BUDGET, maxRatio: 1 }));
      return rows;
    } finally {
      await control(stack.info.controlUrl, 'PUT', '/clock', { offsetMs: 0 }).catch(() => {});
      s3.stop();
      capacity.stop();
      listeners.log = undefined;
      listeners.invocation = undefined;
      listeners.execution = undefined;
    }
  },
};

async function control(controlUrl: string, method: string, route: string, body?: unknown) {
  const response = await fetch(`${controlUrl}${route}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status >= 300) throw new Error(`${route}: ${response.status} ${await response.text()}`);
}
