import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/local-stack.ts';
import { aCall } from '../support/calls.ts';
import { givenDecidedApplication } from '../support/decisions.ts';
import {
  api,
  documentClient,
  givenCall,
  givenOrganisation,
  givenUser,
  sentEmails,
  type TestUser,
} from '../support/local-stack.ts';

interface View {
  status: string;
  version: number;
  reference: string;
  decision?: Record<string, unknown>;
  letters?: { id: string; kind: string; createdAt: string; firstRetrievedAt?: string }[];
  notification?: { notifiedOn: string; appealPeriodEndsAt: string };
  objection?: { at: string; reason: string };
}
interface LetterLink {
  url: string;
  expiresAt: string;
  letter: { id: string; kind: string; createdAt: string };
}

// Notification by retrieval, the objection period, finality and the unretrieved-letter reminder, end
// to end: real decisions through the API, the decision workflow's Bescheid in s3rver, presigned URLs
// fetched as a browser would, and the deadlines workflow run by the control route. The clock is moved
// to fixed dates (Sunday 14 March 2027 for the retrieval), so this file runs a stack of its own.
describe('notification, objection period and finality', () => {
  let own: LocalStack;
  let dataDir: string;
  let member: TestUser;
  let secondMember: TestUser;
  let otherOrgMember: TestUser;
  let contentReviewer: TestUser;
  let financialReviewer: TestUser;
  let unassignedReviewer: TestUser;
  let approver: TestUser;
  let admin: TestUser;
  /** Decided in beforeAll, while the clock is real (the call is open then). */
  const decided = {} as Record<
    'first' | 'race' | 'objected' | 'late' | 'unretrieved',
    { id: string; reference: string; letterId: string }
  >;

  const control = async (route: string, body?: unknown) => {
    const response = await fetch(`${own.controlUrl}${route}`, {
      method: route === '/clock' ? 'PUT' : 'POST',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    expect(response.status, `${route}: ${text}`).toBeLessThan(300);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  /** Moves the clock of every handler and workflow of this stack to `at`. */
  const clockAt = (at: string) => control('/clock', { offsetMs: Date.parse(at) - Date.now() });
  const runDeadlines = async () => {
    const { runs } = (await control('/deadlines/run')) as {
      runs: { status: string; output: { results: Record<string, Record<string, number>> } }[];
    };
    expect(runs.map((run) => run.status)).toEqual(['SUCCEEDED']);
    return (runs[0] as (typeof runs)[number]).output.results;
  };
  const read = async (id: string, by = member) => {
    const response = await api<View>('GET', `/api/applications/${id}`, { token: by.token, on: own });
    expect(response.status, response.text).toBe(200);
    return response.body;
  };
  const retrieve = (id: string, letterId: string, by: TestUser) =>
    api<LetterLink>('GET', `/api/applications/${id}/letters/${letterId}`, { token: by.token, on: own });
  const object = (id: string, reason: string, headers: Record<string, string> = {}) =>
    api<Record<string, unknown>>('POST', `/api/applications/${id}/objection`, {
      token: member.token,
      body: { reason },
      headers,
      on: own,
    });
  const eventsOf = async (id: string) => {
    const timeline = await api<{ items: { type: string; title: string; detail?: string }[] }>(
      'GET',
      `/api/applications/${id}/timeline`,
      { token: member.token, on: own },
    );
    expect(timeline.status, timeline.text).toBe(200);
    return timeline.body.items;
  };
  const stored = async (id: string) =>
    (
      await documentClient(own).send(
        new GetCommand({
          TableName: own.tableName,
          Key: { pk: `APP#${id}`, sk: 'APP' },
          ConsistentRead: true,
        }),
      )
    ).Item as Record<string, unknown>;
  const letterOf = async (id: string) => {
    const [letter] = (await read(id)).letters ?? [];
    if (!letter) throw new Error(`no letter on ${id}`);
    return letter;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'foerderflow-notification-'));
    own = await startLocalStack({ dataDir });
    [
      member,
      secondMember,
      otherOrgMember,
      contentReviewer,
      financialReviewer,
      unassignedReviewer,
      approver,
      admin,
    ] = await Promise.all([
      givenUser(['applicant'], 'bescheid', own),
      givenUser(['applicant'], 'bescheid-2', own),
      givenUser(['applicant'], 'fremd', own),
      givenUser(['reviewer'], 'inhalt', own),
      givenUser(['reviewer'], 'finanzen', own),
      givenUser(['reviewer'], 'unbeteiligt', own),
      givenUser(['approver'], 'bewilligung', own),
      givenUser(['admin'], 'verwaltung', own),
    ]);
    const orgId = await givenOrganisation([member, secondMember], own);
    await givenOrganisation([otherOrgMember], own);
    const callId = (await givenCall(aCall({ referencePrefix: 'IM-2027-N', budgetCents: 10_000_000 }), own))
      .id;
    const reviewers = { content: contentReviewer, financial: financialReviewer };
    for (const [name, outcome] of [
      ['first', 'approved'],
      ['race', 'approved'],
      ['objected', 'rejected'],
      ['late', 'approved'],
      ['unretrieved', 'rejected'],
    ] as const) {
      decided[name] = await givenDecidedApplication(
        member,
        orgId,
        callId,
        reviewers,
        approver,
        { outcome, title: `Bescheid ${name}` },
        own,
      );
    }
  }, 240_000);

  afterAll(async () => {
    await own?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("notifies on a member's first retrieval, the day after, with the objection period to 15 April; the link yields the PDF", async () => {
    const { id } = decided.first;
    const letter = await letterOf(id);
    expect(letter).toMatchObject({ kind: 'zuwendungsbescheid' });
    expect(letter.firstRetrievedAt).toBeUndefined();
    // Sunday 14 March 2027, 10:00 in Berlin.
    await clockAt('2027-03-14T09:00:00Z');

    const answer = await retrieve(id, letter.id, member);

    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body.letter).toEqual({
      id: letter.id,
      kind: 'zuwendungsbescheid',
      createdAt: letter.createdAt,
    });
    const expiresIn = Date.parse(answer.body.expiresAt) - Date.parse('2027-03-14T09:00:00Z');
    expect(expiresIn).toBeGreaterThanOrEqual(299_000);
    expect(expiresIn).toBeLessThanOrEqual(301_000);
    const download = await fetch(answer.body.url);
    expect(download.status).toBe(200);
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');

    const view = await read(id);
    expect(view.status).toBe('NOTIFIED');
    // § 41 (2a) VwVfG: notified on the day after the retrieval; one month later, a Thursday.
    expect(view.notification).toEqual({
      notifiedOn: '2027-03-15',
      appealPeriodEndsAt: '2027-04-15T23:59:59+02:00',
    });
    expect(view.letters?.[0]?.firstRetrievedAt?.slice(0, 16)).toBe('2027-03-14T09:00');
    const item = await stored(id);
    expect(item.gsi4pk).toBe('DUE#APPEAL_PERIOD');
    expect(String(item.gsi4sk)).toBe(`2027-04-15T21:59:59.000Z#${id}`);
    const notified = (await eventsOf(id)).filter((entry) => entry.type === 'NOTIFIED');
    expect(notified).toHaveLength(1);
    expect(notified[0]?.detail).toContain('bis zum 15.04.2027');

    // Retrieving it again is fine and changes nothing.
    const again = await retrieve(id, letter.id, member);
    expect(again.status).toBe(200);
    expect((await read(id)).version).toBe(view.version);
  });

  it('lets the back office read a letter without notifying it; others and unknown letters get 404', async () => {
    const { id } = decided.unretrieved;
    const letter = await letterOf(id);
    expect(letter.kind).toBe('ablehnungsbescheid');
    const before = await read(id);

    for (const staff of [approver, admin, contentReviewer]) {
      const answer = await retrieve(id, letter.id, staff);
      expect(answer.status, answer.text).toBe(200);
      expect((await fetch(answer.body.url)).status).toBe(200);
    }
    for (const stranger of [otherOrgMember, unassignedReviewer]) {
      expect((await retrieve(id, letter.id, stranger)).status).toBe(404);
    }
    expect((await retrieve(id, '00000000-0000-4000-8000-000000000000', member)).status).toBe(404);

    expect(await read(id)).toMatchObject({ status: 'REJECTED', version: before.version });
    expect(before.notification).toBeUndefined();
  });

  it('notifies once when two members retrieve the letter at the same moment', async () => {
    const { id } = decided.race;
    const letter = await letterOf(id);
    await clockAt('2027-03-14T09:00:00Z');

    const answers = await Promise.all([
      retrieve(id, letter.id, member),
      retrieve(id, letter.id, secondMember),
      retrieve(id, letter.id, member),
    ]);

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect((await read(id)).status).toBe('NOTIFIED');
    expect((await eventsOf(id)).filter((entry) => entry.type === 'NOTIFIED')).toHaveLength(1);
  });

  it('moves to APPEALED on an objection in the last minute of the period; a retry with the same key changes nothing', async () => {
    const { id } = decided.objected;
    await clockAt('2027-03-14T09:00:00Z');
    expect((await retrieve(id, (await letterOf(id)).id, member)).status).toBe(200);
    // Thursday 15 April 2027, 23:59 in Berlin.
    await clockAt('2027-04-15T21:59:00Z');
    const reason = 'Die Ablehnung verkennt, dass das Projekt neu zugewanderte Familien gezielt erreicht.';

    const lodged = await object(id, reason, { 'idempotency-key': `objection-${id}` });
    const retried = await object(id, reason, { 'idempotency-key': `objection-${id}` });

    expect(lodged.status, lodged.text).toBe(200);
    expect(lodged.body).toMatchObject({ status: 'APPEALED', objection: { reason } });
    expect(retried.status).toBe(200);
    expect(retried.text).toBe(lodged.text);
    const timeline = await eventsOf(id);
    expect(timeline.filter((entry) => entry.type === 'OBJECTION_LODGED')).toHaveLength(1);
    expect(timeline.at(-1)?.detail).toBe(`Begründung: ${reason}`);
    expect((await stored(id)).gsi4pk).toBeUndefined(); // never to be finalized
    const again = await object(id, reason);
    expect(again.status).toBe(409);
    expect(again.body.currentStatus).toBe('APPEALED');
  });

  it('reminds once of each letter not retrieved for five days, and not of retrieved ones', async () => {
    const reminders = async (reference: string) =>
      (await sentEmails(own)).filter(
        (mail) =>
          mail.destination.to.includes(member.email) &&
          mail.subject.includes(`Erinnerung: Bescheid zu ${reference}`),
      );
    const { id, reference } = decided.unretrieved;
    const lastIssued = Math.max(
      ...(await Promise.all(
        Object.values(decided).map(async (each) => Date.parse((await letterOf(each.id)).createdAt)),
      )),
    );
    await clockAt(new Date(lastIssued + 5 * 86_400_000 + 60_000).toISOString());

    const first = await runDeadlines();

    // 'unretrieved' and 'late' have not been retrieved; the others were notified.
    expect(first.RemindUnretrievedLetters).toEqual({ sent: 2, recorded: 2, skipped: 0 });
    const sent = await reminders(reference);
    expect(sent).toHaveLength(1);
    expect(await reminders(decided.late.reference)).toHaveLength(1);
    for (const retrieved of [decided.first, decided.race, decided.objected]) {
      expect(await reminders(retrieved.reference)).toHaveLength(0);
    }
    const text = sent[0]?.body.text ?? '';
    expect(text).toContain('§ 41 Abs. 2a VwVfG');
    expect(text).toContain('zehn Tagen');
    expect(text.indexOf('Guten Tag')).toBeLessThan(text.indexOf('— English —'));
    expect(text).toContain('within ten days');
    expect((await eventsOf(id)).at(-1)).toMatchObject({ type: 'LETTER_REMINDER_SENT' });
    expect((await stored(id)).gsi4pk).toBeUndefined(); // off the reminder list

    const second = await runDeadlines();
    expect(second.RemindUnretrievedLetters).toEqual({ sent: 0, recorded: 0, skipped: 0 });
    expect(await reminders(reference)).toHaveLength(1);
    expect((await read(id)).status).toBe('REJECTED');
  });

  it('refuses an objection after the period with 409 naming its end; the deadlines run then marks it FINAL', async () => {
    const { id } = decided.late;
    await clockAt('2027-03-14T09:00:00Z');
    expect((await retrieve(id, (await letterOf(id)).id, member)).status).toBe(200);
    expect((await object(decided.unretrieved.id, 'Widerspruch vor Bekanntgabe.')).body.currentStatus).toBe(
      'REJECTED',
    );
    // Friday 16 April 2027, 00:00:01 in Berlin: one second too late.
    await clockAt('2027-04-15T22:00:01Z');

    const late = await object(id, 'Wir widersprechen der Bewilligung in dieser Höhe.');

    expect(late.status, late.text).toBe(409);
    expect(late.headers.get('content-type')).toBe('application/problem+json');
    expect(late.body).toMatchObject({
      currentStatus: 'NOTIFIED',
      appealPeriodEndsAt: '2027-04-15T23:59:59+02:00',
    });
    expect(late.body.detail).toContain('15.04.2027');

    const results = await runDeadlines();
    // Everything notified on 15 March: 'first', 'race' and this one ('objected' is APPEALED).
    expect(results.FinalizeAppealPeriods).toMatchObject({ finalized: 3, skipped: 0 });
    expect((await read(id)).status).toBe('FINAL');
    expect((await read(decided.first.id)).status).toBe('FINAL');
    expect((await read(decided.race.id)).status).toBe('FINAL');
    expect((await read(decided.objected.id)).status).toBe('APPEALED');
    expect((await stored(id)).gsi4pk).toBeUndefined();
    expect((await eventsOf(id)).at(-1)).toMatchObject({ type: 'FINAL', title: 'Bescheid bestandskräftig' });
    expect((await object(id, 'Wir widersprechen der Bewilligung in dieser Höhe.')).body).toMatchObject({
      currentStatus: 'FINAL',
      appealPeriodEndsAt: '2027-04-15T23:59:59+02:00',
    });
    expect((await runDeadlines()).FinalizeAppealPeriods).toMatchObject({ finalized: 0 });
  });
});
