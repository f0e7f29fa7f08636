import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/local-stack.ts';
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
  type TestUser,
} from '../support/local-stack.ts';

interface StoredMail {
  subject: string;
  destination: { to: string[] };
  body: { text?: string };
}

// Assignment by workload, conflict declarations and admin reassignment, through HTTP and the intake
// workflow. A stack of its own: its staff directory holds only the reviewers made here, so who is
// least busy (and who wins a tie, by sub) is known.
describe('review: assignment, conflicts of interest, reassignment', () => {
  let own: LocalStack;
  let dataDir: string;
  let member: TestUser;
  let approver: TestUser;
  let admin: TestUser;
  let outsider: TestUser;
  /** Three reviewers in the directory, sorted by sub: with equal workloads, the first ones are chosen. */
  let reviewers: TestUser[];
  let callId: string;
  let applicationId: string;
  let reference: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'foerderflow-review-'));
    own = await startLocalStack({ dataDir });
    [member, approver, admin, outsider] = await Promise.all([
      givenUser(['applicant'], 'review-member', own),
      givenStaff(['approver'], 'Anna Approver', own),
      givenUser(['admin'], 'review-admin', own),
      // A reviewer by group but not in the directory: never assigned.
      givenUser(['reviewer'], 'review-outsider', own),
    ]);
    reviewers = (
      await Promise.all(['Rita', 'Rolf', 'Ruth'].map((name) => givenStaff(['reviewer'], name, own)))
    ).sort((a, b) => (a.sub < b.sub ? -1 : 1));
    callId = (
      await givenCall(
        aCall({
          referencePrefix: 'IM-2027-R',
          title: { de: 'Begegnung 2027', en: 'Encounters 2027' },
          requiredDocuments: [],
        }),
        own,
      )
    ).id;
  }, 120_000);
  afterAll(async () => {
    await own?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const mails = async (): Promise<StoredMail[]> =>
    ((await (await fetch(`${own.sesEndpoint}/store`)).json()) as { emails: StoredMail[] }).emails;
  const mailsTo = async (user: TestUser) =>
    (await mails()).filter((mail) => mail.destination.to.includes(user.email));

  const assignmentsOf = async (id: string) =>
    (
      await documentClient(own).send(
        new QueryCommand({
          TableName: own.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': `APP#${id}`, ':prefix': 'ASSIGNMENT#' },
          ConsistentRead: true,
        }),
      )
    ).Items as (Assignment & Record<string, unknown>)[];
  const holder = async (id: string, role: string) =>
    (await assignmentsOf(id)).find((assignment) => assignment.role === role)?.reviewerSub;
  const workload = async (user: TestUser) =>
    ((
      await documentClient(own).send(
        new GetCommand({ TableName: own.tableName, Key: { pk: `STAFF#${user.sub}`, sk: 'STAFF' } }),
      )
    ).Item?.openAssignments as number | undefined) ?? 0;
  const workloads = async (...users: TestUser[]) => Promise.all(users.map(workload));

  const view = (user: TestUser, id = applicationId) =>
    api<Record<string, unknown>>('GET', `/api/review/applications/${id}`, { token: user.token, on: own });
  const declare = (user: TestUser, body: unknown, id = applicationId) =>
    api<Record<string, unknown>>('POST', `/api/review/applications/${id}/conflict-declaration`, {
      token: user.token,
      body,
      on: own,
    });
  const timelineAs = (user: TestUser, id = applicationId) =>
    api<{ items: { type: string }[] }>('GET', `/api/applications/${id}/timeline`, {
      token: user.token,
      on: own,
    });
  const reassign = (body: unknown, id = applicationId) =>
    api<Record<string, unknown>>('POST', `/api/admin/applications/${id}/reassign`, {
      token: admin.token,
      body,
      on: own,
    });

  it('assigns two different reviewers, the least busy ones, when the intake finds the application complete, and emails them', async () => {
    const orgId = await givenOrganisation([member], own);
    const draft = await givenCompleteDraft(member, orgId, callId, 'Nachbarschaftsfest Grünau', own);
    const submitted = await api('POST', `/api/applications/${draft.id}/submit`, {
      token: member.token,
      on: own,
    });
    expect(submitted.status, submitted.text).toBe(202);
    await drain(own);
    applicationId = draft.id;

    const read = await api<{ status: string; reference: string }>('GET', `/api/applications/${draft.id}`, {
      token: member.token,
      on: own,
    });
    expect(read.body.status).toBe('IN_REVIEW');
    reference = read.body.reference;

    const [first, second, third] = reviewers as [TestUser, TestUser, TestUser];
    const stored = await assignmentsOf(draft.id);
    expect(stored.map((a) => [a.role, a.reviewerSub]).sort()).toEqual([
      ['content', first.sub],
      ['financial', second.sub],
    ]);
    // In the assignee's queue, the most urgent first: 21 days, end of day in Berlin.
    const content = stored.find((a) => a.role === 'content') as Assignment & Record<string, unknown>;
    expect(content.gsi3pk).toBe(`REVIEWER#${first.sub}`);
    expect(content.gsi3sk).toBe(`${content.dueAt}#${draft.id}#content`);
    expect(Date.parse(content.dueAt) - Date.now()).toBeGreaterThan(20 * 86_400_000);
    expect(await workloads(first, second, third)).toEqual([1, 1, 0]);

    const [email] = await mailsTo(first);
    expect(await mailsTo(first)).toHaveLength(1);
    expect(email?.subject).toBe(
      `Neue Begutachtung ${reference}: Nachbarschaftsfest Grünau / New review assignment`,
    );
    const text = email?.body.text ?? '';
    expect(text).toContain('„Begegnung 2027"');
    expect(text).toContain(`Aktenzeichen: ${reference}`);
    expect(text).toContain('fachliche Begutachtung');
    expect(text).toContain('Interessenkonflikt');
    expect(text).toContain('Encounters 2027');
    expect(text).toContain('conflict of interest');
    expect((await mailsTo(second))[0]?.body.text).toContain('finanzielle (rechnerische) Prüfung');
    expect(await mailsTo(third)).toHaveLength(0);

    // Internal events: not in the applicant's timeline.
    const timeline = await api<{ items: { type: string }[] }>(
      'GET',
      `/api/applications/${draft.id}/timeline`,
      { token: member.token, on: own },
    );
    expect(timeline.body.items.map((item) => item.type)).not.toContain('REVIEWER_ASSIGNED');
  });

  it('shows an assigned reviewer who has not declared only title, organisation, call and Aktenzeichen; others get 404', async () => {
    const [first, , third] = reviewers as [TestUser, TestUser, TestUser];
    const limited = await view(first);
    expect(limited.status, limited.text).toBe(200);
    expect(limited.body).toMatchObject({
      access: 'limited',
      id: applicationId,
      title: 'Nachbarschaftsfest Grünau',
      reference,
      call: { id: callId, title: { de: 'Begegnung 2027', en: 'Encounters 2027' } },
    });
    expect((limited.body.organisation as { name: string }).name.length).toBeGreaterThan(1);
    expect(limited.body.content).toBeUndefined();
    expect(limited.body.totals).toBeUndefined();
    expect(limited.body.documents).toBeUndefined();
    // Nor the history: it tells more than what identifies the application.
    expect((await timelineAs(first)).status).toBe(404);

    expect((await view(third)).status).toBe(404); // in the directory, not assigned
    expect((await view(outsider)).status).toBe(404);
    expect((await declare(outsider, { conflict: false })).status).toBe(404);

    const full = await view(approver);
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({ access: 'full', status: 'IN_REVIEW' });
    expect(full.body.content).toBeDefined();
    expect((full.body.assignments as unknown[]).length).toBe(2);
    // Named as the staff directory knows them (givenStaff's name starts the address), so people read who reviews.
    const [firstName, secondName] = [first, reviewers[1] as TestUser].map((r) => r.email.split('-')[0]);
    expect(
      (full.body.assignments as { role: string; reviewerName?: string }[]).map((a) => [
        a.role,
        a.reviewerName,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['content', firstName],
        ['financial', secondName],
      ]),
    );
  });

  it('opens the full view after a declaration of no conflict, which can be made once', async () => {
    const [first] = reviewers as [TestUser];
    const declared = await declare(first, { conflict: false });
    expect(declared.status, declared.text).toBe(200);
    expect(declared.body).toMatchObject({ conflict: false, role: 'content' });

    const full = await view(first);
    expect(full.body).toMatchObject({ access: 'full', status: 'IN_REVIEW' });
    expect((full.body.content as { title: string }).title).toBe('Nachbarschaftsfest Grünau');
    expect((full.body.totals as { totalCostsCents: number }).totalCostsCents).toBeGreaterThan(0);
    expect(full.body.documents).toEqual([]);
    // The history too, as the applicant reads it (no back-office internals).
    const timeline = await timelineAs(first);
    expect(timeline.status, timeline.text).toBe(200);
    expect(timeline.body.items.map((item) => item.type)).toContain('SUBMITTED');
    expect(timeline.body.items.map((item) => item.type)).not.toContain('REVIEWER_ASSIGNED');

    const again = await declare(first, { conflict: true });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    expect(await holder(applicationId, 'content')).toBe(first.sub);
  });

  it('gives the role to a third reviewer when one declares a conflict; the declaring one then gets 404', async () => {
    const [first, second, third] = reviewers as [TestUser, TestUser, TestUser];
    const declared = await declare(second, { conflict: true, note: 'Ich bin Vereinsmitglied.' });
    expect(declared.status, declared.text).toBe(200);
    expect(declared.body).toMatchObject({ conflict: true, role: 'financial', reassigned: true });

    expect(await holder(applicationId, 'financial')).toBe(third.sub);
    expect(await holder(applicationId, 'content')).toBe(first.sub);
    expect(await workloads(first, second, third)).toEqual([1, 0, 1]);
    expect((await view(second)).status).toBe(404);
    expect((await declare(second, { conflict: false })).status).toBe(409);
    expect((await view(third)).body.access).toBe('limited');
    const [email] = await mailsTo(third);
    expect(email?.subject).toContain(reference);
    expect(email?.body.text).toContain('finanzielle (rechnerische) Prüfung');
  });

  it('leaves the role unassigned when nobody is left to take it, and says so', async () => {
    const [first, second, third] = reviewers as [TestUser, TestUser, TestUser];
    const declared = await declare(third, { conflict: true });
    expect(declared.status, declared.text).toBe(200);
    expect(declared.body).toMatchObject({ conflict: true, reassigned: false });
    expect((declared.body.message as { de: string }).de).toContain('niemand verfügbar');
    expect(await holder(applicationId, 'financial')).toBeUndefined();
    expect(await workloads(first, second, third)).toEqual([1, 0, 0]);
  });

  it('lets an admin reassign only to a reviewer who holds neither the other role nor a conflict', async () => {
    const [first, second] = reviewers as [TestUser, TestUser];
    const codeOf = (response: { body: Record<string, unknown> }) =>
      (response.body.errors as { code: string }[] | undefined)?.map((error) => error.code);

    const otherRole = await reassign({ role: 'financial', reviewerSub: first.sub });
    expect(otherRole.status).toBe(422);
    expect(codeOf(otherRole)).toEqual(['holds-other-role']);
    const conflicted = await reassign({ role: 'financial', reviewerSub: second.sub });
    expect(conflicted.status).toBe(422);
    expect(codeOf(conflicted)).toEqual(['declared-conflict']);
    const unknown = await reassign({ role: 'financial', reviewerSub: outsider.sub });
    expect(unknown.status).toBe(422);
    expect(codeOf(unknown)).toEqual(['not-a-reviewer']);

    const fresh = await givenStaff(['reviewer'], 'Reinhard', own);
    const done = await reassign({ role: 'financial', reviewerSub: fresh.sub });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ assignment: { role: 'financial', reviewerSub: fresh.sub } });
    expect(await holder(applicationId, 'financial')).toBe(fresh.sub);
    expect(await workload(fresh)).toBe(1);
    expect((await mailsTo(fresh))[0]?.subject).toContain(reference);

    expect((await reassign({ role: 'financial', reviewerSub: fresh.sub })).status).toBe(409);
    expect(codeOf(await reassign({ role: 'content', reviewerSub: fresh.sub }))).toEqual(['holds-other-role']);

    // Moving content from the first reviewer to a new one moves the workload with it.
    const another = await givenStaff(['reviewer'], 'Renate', own);
    const moved = await reassign({ role: 'content', reviewerSub: another.sub });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.previousReviewerSub).toBe(first.sub);
    expect(await workloads(first, another, fresh)).toEqual([0, 1, 1]);
    expect((await view(first)).status).toBe(404);

    // Only applications in review; unknown ones are not found.
    const orgId = await givenOrganisation([member], own);
    const draft = await givenCompleteDraft(member, orgId, callId, 'Noch ein Entwurf', own);
    expect((await reassign({ role: 'content', reviewerSub: fresh.sub }, draft.id)).status).toBe(409);
    expect(
      (await reassign({ role: 'content', reviewerSub: fresh.sub }, '00000000-0000-4000-8000-000000000000'))
        .status,
    ).toBe(404);
    expect((await view(approver, draft.id)).status).toBe(404);
  });

  it('never gives one person both roles, and balances workloads over several applications', async () => {
    const orgId = await givenOrganisation([member], own);
    const ids: string[] = [];
    for (const title of ['Erzählcafé', 'Kochabend']) {
      const draft = await givenCompleteDraft(member, orgId, callId, title, own);
      await api('POST', `/api/applications/${draft.id}/submit`, { token: member.token, on: own });
      ids.push(draft.id);
    }
    await drain(own);
    const openItems = new Map<string, number>();
    for (const id of [applicationId, ...ids]) {
      const assignments = await assignmentsOf(id);
      if (id !== applicationId) expect(assignments).toHaveLength(2);
      expect(new Set(assignments.map((a) => a.reviewerSub)).size).toBe(assignments.length);
      for (const a of assignments) openItems.set(a.reviewerSub, (openItems.get(a.reviewerSub) ?? 0) + 1);
    }
    // Every reviewer's count is exactly their open assignments (five reviewers, six assignments).
    const staff = await documentClient(own).send(
      new QueryCommand({
        TableName: own.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :reviewers',
        ExpressionAttributeValues: { ':reviewers': 'STAFF#REVIEWER' },
      }),
    );
    for (const item of staff.Items ?? []) {
      expect(item.openAssignments ?? 0, item.name as string).toBe(openItems.get(item.sub as string) ?? 0);
    }
    const counts = (staff.Items ?? []).map((item) => (item.openAssignments as number | undefined) ?? 0);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });
});
