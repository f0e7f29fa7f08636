import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/local-stack.ts';
import type { Application } from '../../shared/domain/application.ts';
import type { Assignment } from '../../shared/domain/review.ts';
import { aCall } from '../support/calls.ts';
import {
  api,
  documentClient,
  drain,
  givenCall,
  givenCompleteDraft,
  givenOrganisation,
  givenStaff,
  givenUser,
  sentEmails,
  type TestUser,
} from '../support/local-stack.ts';
import { anOrganisationProfile } from '../support/organisations.ts';

const DAY = 86_400_000;

// The deadlines workflow, end to end: the synthesized state machine run by the local stack through its
// control route (as the hourly schedule runs it on AWS), its tasks against DynamoDB Local and SES local.
// It stops the workflows and writes due dates directly, so it runs a stack of its own.
describe('deadlines: closing overdue Nachforderungen, reminding reviewers, re-dispatching lost work', () => {
  let own: LocalStack;
  let dataDir: string;
  let member: TestUser;
  let reviewers: TestUser[];
  let callId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'foerderflow-deadlines-'));
    own = await startLocalStack({ dataDir });
    member = await givenUser(['applicant'], 'deadlines', own);
    reviewers = [
      await givenStaff(['reviewer'], 'Rita Reminder', own),
      await givenStaff(['reviewer'], 'Rolf Reminder', own),
    ];
    callId = (await givenCall(aCall({ referencePrefix: 'IM-2027-D' }), own)).id;
  });
  afterAll(async () => {
    await own?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const control = async (route: string) => {
    const response = await fetch(`${own.controlUrl}${route}`, { method: 'POST' });
    const text = await response.text();
    expect(response.status, `${route}: ${text}`).toBeLessThan(300);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  /** One run of the deadlines workflow; the results of its tasks. */
  const runDeadlines = async () => {
    const { runs } = (await control('/deadlines/run')) as {
      runs: { status: string; output: { results: Record<string, Record<string, number>> } }[];
    };
    expect(runs.map((run) => run.status)).toEqual(['SUCCEEDED']);
    return (runs[0] as (typeof runs)[number]).output.results;
  };
  const db = () => documentClient(own);
  const stored = async (id: string) =>
    (
      await db().send(
        new GetCommand({
          TableName: own.tableName,
          Key: { pk: `APP#${id}`, sk: 'APP' },
          ConsistentRead: true,
        }),
      )
    ).Item as Application & Record<string, unknown>;
  const assignmentsOf = async (id: string) =>
    ((
      await db().send(
        new QueryCommand({
          TableName: own.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': `APP#${id}`, ':prefix': 'ASSIGNMENT#' },
          ConsistentRead: true,
        }),
      )
    ).Items ?? []) as (Assignment & Record<string, unknown>)[];
  const workloadOf = async (sub: string) =>
    ((
      await db().send(
        new GetCommand({
          TableName: own.tableName,
          Key: { pk: `STAFF#${sub}`, sk: 'STAFF' },
          ConsistentRead: true,
        }),
      )
    ).Item?.openAssignments as number | undefined) ?? 0;
  const mailsTo = async (email: string, subject: string) =>
    (await sentEmails(own)).filter(
      (mail) => mail.destination.to.includes(email) && mail.subject.includes(subject),
    );

  /** An INCOMPLETE application: its organisation's profile lost the representative before the intake ran. */
  async function givenIncomplete(title: string) {
    const orgId = await givenOrganisation([member], own);
    const draft = await givenCompleteDraft(member, orgId, callId, title, own);
    await control('/workflows/stop');
    try {
      const submitted = await api('POST', `/api/applications/${draft.id}/submit`, {
        token: member.token,
        on: own,
      });
      expect(submitted.status, submitted.text).toBe(202);
      const replaced = await api('PUT', `/api/organisations/${orgId}`, {
        token: member.token,
        body: anOrganisationProfile({ representative: { function: 'Vorsitzende' } }),
        headers: { 'if-match': '"1"' },
        on: own,
      });
      expect(replaced.status, replaced.text).toBe(200);
    } finally {
      await control('/workflows/start');
    }
    await drain(own);
    const application = await stored(draft.id);
    expect(application.status).toBe('INCOMPLETE');
    return application;
  }

  /** Moves a Nachforderung's due date, in the record and in the due-date index, as time passing would. */
  const setNachforderungDue = (id: string, dueAt: string) =>
    db().send(
      new UpdateCommand({
        TableName: own.tableName,
        Key: { pk: `APP#${id}`, sk: 'APP' },
        UpdateExpression: 'SET nachforderung.dueAt = :due, gsi4sk = :sk',
        ExpressionAttributeValues: { ':due': dueAt, ':sk': `${dueAt}#${id}` },
      }),
    );

  it('closes an overdue Nachforderung as CLOSED_INCOMPLETE with one email, releases its reviewer, and leaves one not yet due', async () => {
    const overdue = await givenIncomplete('Nähcafé für geflüchtete Frauen');
    const notYetDue = await givenIncomplete('Hausaufgabenhilfe im Stadtteil');
    const dueAt = new Date(Date.now() - 3_600_000).toISOString();
    await setNachforderungDue(overdue.id, dueAt);
    // A reviewer still holds an open assignment of the overdue one (as after a reviewer's Nachforderung).
    const rita = reviewers[0] as TestUser;
    const workloadBefore = await workloadOf(rita.sub);
    const assignmentDue = new Date(Date.now() + 2 * DAY).toISOString();
    await db().send(
      new UpdateCommand({
        TableName: own.tableName,
        Key: { pk: `APP#${overdue.id}`, sk: 'ASSIGNMENT#content' },
        UpdateExpression:
          'SET itemType = :type, applicationId = :app, callId = :call, #role = :role, reviewerSub = :sub, assignedAt = :at, dueAt = :due, gsi3pk = :gsi3pk, gsi3sk = :gsi3sk',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: {
          ':type': 'Assignment',
          ':app': overdue.id,
          ':call': callId,
          ':role': 'content',
          ':sub': rita.sub,
          ':at': new Date().toISOString(),
          ':due': assignmentDue,
          ':gsi3pk': `REVIEWER#${rita.sub}`,
          ':gsi3sk': `${assignmentDue}#${overdue.id}#content`,
        },
      }),
    );
    await db().send(
      new UpdateCommand({
        TableName: own.tableName,
        Key: { pk: `STAFF#${rita.sub}`, sk: 'STAFF' },
        UpdateExpression: 'ADD openAssignments :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );

    const first = await runDeadlines();
    expect(first.CloseOverdueNachforderungen).toEqual({ closed: 1, skipped: 0 });
    expect(first.SendClosingEmails).toEqual({ sent: 1, notSent: 0 });

    const closed = await stored(overdue.id);
    expect(closed).toMatchObject({ status: 'CLOSED_INCOMPLETE', version: overdue.version + 1 });
    expect(closed.gsi4pk).toBeUndefined(); // out of the due-date index, email done
    expect(closed.gsi2pk).toBe(`CALL#${callId}#STATUS#CLOSED_INCOMPLETE`);
    const [assignment] = await assignmentsOf(overdue.id);
    expect(assignment?.gsi3pk).toBeUndefined(); // out of Rita's queue
    expect(await workloadOf(rita.sub)).toBe(workloadBefore);

    const emails = await mailsTo(member.email, 'Antrag geschlossen');
    expect(emails).toHaveLength(1);
    const text = emails[0]?.body.text ?? '';
    expect(text).toContain(overdue.reference as string);
    expect(text).toContain('Frist für die Nachforderung');
    expect(text).toContain('neuen Antrag stellen');
    expect(text.indexOf('Guten Tag')).toBeLessThan(text.indexOf('— English —'));
    expect(text).toContain('you may submit a new application');

    const timeline = await api('GET', `/api/applications/${overdue.id}/timeline`, {
      token: member.token,
      on: own,
    });
    expect(timeline.status, timeline.text).toBe(200);
    expect(timeline.text).toContain('CLOSED_INCOMPLETE');
    expect(timeline.text).toContain('Antrag geschlossen');

    // A second run changes and sends nothing.
    const second = await runDeadlines();
    expect(second.CloseOverdueNachforderungen).toEqual({ closed: 0, skipped: 0 });
    expect(second.SendClosingEmails).toEqual({ sent: 0, notSent: 0 });
    expect((await stored(overdue.id)).version).toBe(closed.version);
    expect(await mailsTo(member.email, 'Antrag geschlossen')).toHaveLength(1);

    // The one not yet due is untouched.
    expect(await stored(notYetDue.id)).toMatchObject({ status: 'INCOMPLETE', version: notYetDue.version });
  });

  it('reminds a reviewer once of an assessment due in two days, and not of one due in ten', async () => {
    const orgId = await givenOrganisation([member], own);
    const draft = await givenCompleteDraft(member, orgId, callId, 'Elterncafé mit Sprachmittlung', own);
    const submitted = await api('POST', `/api/applications/${draft.id}/submit`, {
      token: member.token,
      on: own,
    });
    expect(submitted.status, submitted.text).toBe(202);
    await drain(own);
    const application = await stored(draft.id);
    expect(application.status).toBe('IN_REVIEW');
    const assignments = await assignmentsOf(draft.id);
    expect(assignments).toHaveLength(2);
    const soon = assignments.find((a) => a.role === 'content') as Assignment;
    const later = assignments.find((a) => a.role === 'financial') as Assignment;
    const setDue = (a: Assignment, dueAt: string) =>
      db().send(
        new UpdateCommand({
          TableName: own.tableName,
          Key: { pk: `APP#${draft.id}`, sk: `ASSIGNMENT#${a.role}` },
          UpdateExpression: 'SET dueAt = :due, gsi3sk = :sk',
          ExpressionAttributeValues: { ':due': dueAt, ':sk': `${dueAt}#${draft.id}#${a.role}` },
        }),
      );
    await setDue(soon, new Date(Date.now() + 2 * DAY).toISOString());
    await setDue(later, new Date(Date.now() + 10 * DAY).toISOString());
    const emailOf = (sub: string) => (reviewers.find((r) => r.sub === sub) as TestUser).email;

    const first = await runDeadlines();
    expect(first.RemindReviewers).toEqual({ sent: 1, alreadySent: 0 });
    const reminders = await mailsTo(emailOf(soon.reviewerSub), 'Erinnerung');
    expect(reminders).toHaveLength(1);
    const text = reminders[0]?.body.text ?? '';
    expect(text).toContain('Elterncafé mit Sprachmittlung');
    expect(text).toContain(application.reference as string);
    expect(text).toContain('fachliche Begutachtung');
    expect(text).toContain('Interessenkonflikt'); // not declared yet: the declaration comes first
    expect(text.indexOf('Ihr Gutachten')).toBeLessThan(text.indexOf('Your assessment'));
    expect(await mailsTo(emailOf(later.reviewerSub), 'Erinnerung')).toHaveLength(0);

    const second = await runDeadlines();
    expect(second.RemindReviewers).toEqual({ sent: 0, alreadySent: 1 });
    expect(await mailsTo(emailOf(soon.reviewerSub), 'Erinnerung')).toHaveLength(1);
  });

  it('re-dispatches follow-up work still pending after the grace period, and its workflow completes', async () => {
    const orgId = await givenOrganisation([member], own);
    const draft = await givenCompleteDraft(member, orgId, callId, 'Theatergruppe der Kulturen', own);
    await control('/workflows/stop');
    let results: Awaited<ReturnType<typeof runDeadlines>>;
    try {
      const submitted = await api('POST', `/api/applications/${draft.id}/submit`, {
        token: member.token,
        on: own,
      });
      expect(submitted.status, submitted.text).toBe(202);
      // Its dispatch was lost: the marker is 20 minutes old and nothing ran.
      const lostSince = new Date(Date.now() - 20 * 60_000).toISOString();
      await db().send(
        new UpdateCommand({
          TableName: own.tableName,
          Key: { pk: `APP#${draft.id}`, sk: 'APP' },
          UpdateExpression: 'SET pendingSince = :since',
          ExpressionAttributeValues: { ':since': lostSince },
        }),
      );
      results = await runDeadlines();
      const remarked = await stored(draft.id);
      expect(remarked.pendingWork).toBe('intake');
      expect((remarked.pendingSince ?? '') > lostSince).toBe(true);
      // Within the grace period: a second run leaves it alone.
      expect((await runDeadlines()).RedispatchStalePendingWork).toEqual({ redispatched: 0 });
    } finally {
      await control('/workflows/start');
    }
    expect(results.RedispatchStalePendingWork).toEqual({ redispatched: 1 });
    // The earlier records are stale (their marking is gone); the new marking runs the intake to its end.
    await drain(own);
    const done = await stored(draft.id);
    expect(done.status).toBe('IN_REVIEW');
    expect(done.reference).toMatch(/^IM-2027-D-/);
    expect(done.pendingWork).toBeUndefined();
  });
});
