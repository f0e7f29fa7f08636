import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/adapters/dynamodb/keys.ts';
import { aCall } from '../support/calls.ts';
import {
  api,
  documentClient,
  drain,
  givenAssessedApplication,
  givenCall,
  givenCompleteDraft,
  givenOrganisation,
  givenUser,
  sentEmails,
  stack,
  type TestUser,
} from '../support/local-stack.ts';

/** What each application asks for (test/support/drafts.ts), and the reviewers' default recommendation. */
const REQUESTED = 1_440_200;
/** Fits two approvals of the amount requested (2,880,400), not three. */
const BUDGET = 3_000_000;

interface Ranking {
  budgetCents: number;
  committedCents: number;
  remainingCents: number;
  entries: {
    rank: number;
    applicationId: string;
    reference: string;
    organisationName: string;
    title: string;
    status: string;
    totalScore: number;
    requestedGrantCents: number;
    recommendedGrantCents: number;
    proposedGrantCents: number;
    aboveLine: boolean;
    grantedCents?: number;
    waitingListRank?: number;
    totalCostsCents: number;
    waitingList?: { rank: number; proposedGrantCents: number; movedUp: boolean };
  }[];
  line: { position: number; proposedTotalCents: number; remainingAfterLineCents: number };
  batch?: { batchId: string; status: string };
}

interface BatchAnswer {
  batchId: string;
  results: {
    applicationId: string;
    outcome: string;
    status: string;
    applied: string;
    waitingListRank?: number;
  }[];
  budgetCents: number;
  committedCents: number;
  remainingCents: number;
}

interface Budget {
  committedCents: number;
  remainingCents: number;
  applicationsByStatus: Record<string, number>;
}

// Competitive calls end to end through the gateway: ranking after the deadline, the batch with its
// refusals, the budget invariant, and the waiting list moving up when an approval is renounced.
describe('competitive calls: ranking, batch decision and the waiting list', () => {
  let applicant: TestUser;
  let contentReviewer: TestUser;
  let financialReviewer: TestUser;
  let approver: TestUser;
  let admin: TestUser;
  let orgId: string;
  let callId: string;
  /** By score: best (5), second (4), third (3), fourth (2; assessed by an approver). */
  const app = {} as Record<'best' | 'second' | 'third' | 'fourth', { id: string; reference: string }>;
  let unassessedId: string;

  /** Moves the call's deadline into the past, as if it had passed (calls are otherwise edited by admins). */
  const closeCall = async () => {
    const closesAt = new Date(Date.now() - 60_000).toISOString();
    await documentClient().send(
      new UpdateCommand({
        TableName: stack().tableName,
        Key: keys.call(callId),
        UpdateExpression: 'SET closesAt = :closesAt, gsi1sk = :sk',
        ExpressionAttributeValues: { ':closesAt': closesAt, ':sk': keys.callsIndex(closesAt, callId).gsi1sk },
      }),
    );
  };
  const ranking = (by = approver) =>
    api<Ranking>('GET', `/api/review/calls/${callId}/ranking`, { token: by.token });
  const decideBatch = (decisions: unknown[], by = approver, headers: Record<string, string> = {}) =>
    api<BatchAnswer>('POST', `/api/review/calls/${callId}/decisions`, {
      token: by.token,
      body: { decisions },
      headers,
    });
  const budget = async () => {
    const response = await api<Budget>('GET', `/api/admin/calls/${callId}/budget`, { token: admin.token });
    expect(response.status, response.text).toBe(200);
    return response.body;
  };
  const application = async (id: string) =>
    (
      await api<{ status: string; decision?: { grantedCents?: number } }>('GET', `/api/applications/${id}`, {
        token: applicant.token,
      })
    ).body;
  /** The batch the approvers mean: the line as proposed, the third waits, the fourth lacks funds. */
  const intended = () => [
    { applicationId: app.best.id, outcome: 'approved', grantedCents: REQUESTED },
    { applicationId: app.second.id, outcome: 'approved', grantedCents: REQUESTED },
    { applicationId: app.third.id, outcome: 'waitlisted', grantedCents: REQUESTED },
    { applicationId: app.fourth.id, outcome: 'rejected', reasonCode: 'lack-of-funds' },
  ];

  beforeAll(async () => {
    [applicant, contentReviewer, financialReviewer, approver, admin] = await Promise.all([
      givenUser(['applicant'], 'competitor'),
      // Both groups: assesses the fourth application, so may not decide the batch.
      givenUser(['reviewer', 'approver'], 'comp-content'),
      givenUser(['reviewer'], 'comp-financial'),
      givenUser(['approver'], 'comp-approver'),
      givenUser(['admin'], 'comp-admin'),
    ]);
    orgId = await givenOrganisation([applicant]);
    callId = (
      await givenCall(
        aCall({ selectionMode: 'competitive', budgetCents: BUDGET, referencePrefix: 'IM-2027-E' }),
      )
    ).id;
    const reviewers = { content: contentReviewer, financial: financialReviewer };
    // Submitted in this order, so the scores alone decide the ranking.
    for (const [name, score] of [
      ['third', 3],
      ['best', 5],
      ['fourth', 2],
      ['second', 4],
    ] as const) {
      app[name] = await givenAssessedApplication(applicant, orgId, callId, reviewers, {
        score,
        title: `Projekt ${name}`,
      });
    }
    const draft = await givenCompleteDraft(applicant, orgId, callId, 'Noch in Begutachtung');
    const submitted = await api('POST', `/api/applications/${draft.id}/submit`, { token: applicant.token });
    expect(submitted.status, submitted.text).toBe(202);
    await drain();
    unassessedId = draft.id;
  });

  it('refuses the ranking and the batch before the deadline (409)', async () => {
    const early = await ranking();
    expect(early.status, early.text).toBe(409);
    expect(early.headers.get('content-type')).toBe('application/problem+json');
    expect(early.body).toMatchObject({ code: 'call-still-open' });

    const batch = await decideBatch(intended());
    expect(batch.status, batch.text).toBe(409);
    expect(batch.body).toMatchObject({ code: 'call-still-open' });
    expect(await application(app.best.id)).toMatchObject({ status: 'ASSESSED' });
  });

  it('refuses the ranking while an application is still in review, saying what is open', async () => {
    await closeCall();
    const refused = await ranking();
    expect(refused.status, refused.text).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'not-all-assessed',
      open: { SUBMITTED: 0, INCOMPLETE: 0, IN_REVIEW: 1 },
    });
    expect((refused.body as unknown as { detail: string }).detail).toContain('1 in Begutachtung');

    const batch = await decideBatch(intended());
    expect(batch.status).toBe(409);
    expect(batch.body).toMatchObject({ code: 'not-all-assessed' });

    // The applicant withdraws it; then everything left is assessed.
    const withdrawn = await api('POST', `/api/applications/${unassessedId}/withdraw`, {
      token: applicant.token,
      body: { reason: 'Das Projekt wird anderweitig finanziert.' },
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    await drain();
  });

  it('ranks by score after the deadline and proposes the line where the budget runs out', async () => {
    const response = await ranking();
    expect(response.status, response.text).toBe(200);
    const { body } = response;
    expect(body).toMatchObject({ budgetCents: BUDGET, committedCents: 0, remainingCents: BUDGET });
    expect(body.entries.map((e) => [e.rank, e.applicationId, e.totalScore, e.aboveLine])).toEqual([
      [1, app.best.id, 5, true],
      [2, app.second.id, 4, true],
      [3, app.third.id, 3, false],
      [4, app.fourth.id, 2, false],
    ]);
    expect(body.entries[0]).toMatchObject({
      reference: app.best.reference,
      title: 'Projekt best',
      status: 'ASSESSED',
      requestedGrantCents: REQUESTED,
      recommendedGrantCents: REQUESTED,
      proposedGrantCents: REQUESTED,
      // The plan's costs with the 10 % flat rate: what the call's funding rate applies to.
      totalCostsCents: 1_520_200,
    });
    expect(body.entries[0]?.waitingList).toBeUndefined();
    expect(body.entries[0]?.organisationName).toBeTruthy();
    expect(body.line).toEqual({
      position: 2,
      proposedTotalCents: 2 * REQUESTED,
      remainingAfterLineCents: BUDGET - 2 * REQUESTED,
    });
    expect(body.batch).toBeUndefined();

    const asReviewer = await ranking(financialReviewer);
    expect(asReviewer.status).toBe(403);
  });

  it('refuses a batch over the budget (409 with what remains) and changes nothing', async () => {
    const over = await decideBatch([
      { applicationId: app.best.id, outcome: 'approved', grantedCents: REQUESTED },
      { applicationId: app.second.id, outcome: 'approved', grantedCents: REQUESTED },
      { applicationId: app.third.id, outcome: 'approved', grantedCents: REQUESTED },
      { applicationId: app.fourth.id, outcome: 'rejected', reasonCode: 'lack-of-funds' },
    ]);
    expect(over.status, over.text).toBe(409);
    expect(over.body).toMatchObject({ remainingCents: BUDGET, requestedCents: 3 * REQUESTED });
    expect(await budget()).toMatchObject({ committedCents: 0, remainingCents: BUDGET });
    for (const { id } of Object.values(app))
      expect(await application(id)).toMatchObject({ status: 'ASSESSED' });
    expect((await ranking()).body.batch).toBeUndefined();
  });

  it('refuses a batch that leaves out or repeats an application (422 naming it)', async () => {
    const [best, second, third] = intended();
    const response = await decideBatch([best, second, third, second]);
    expect(response.status, response.text).toBe(422);
    const errors = (response.body as unknown as { errors: { path: string; code: string; message: string }[] })
      .errors;
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['decisions.3.applicationId', 'duplicate-application'],
      ['decisions', 'application-missing'],
    ]);
    expect(errors[1]?.message).toContain(app.fourth.reference);
  });

  it('refuses an approver who assessed one of the applications (four-eyes, 403)', async () => {
    const response = await decideBatch(intended(), contentReviewer);
    expect(response.status, response.text).toBe(403);
    expect((response.body as unknown as { detail: string }).detail).toContain('Vier-Augen-Prinzip');
    expect(await budget()).toMatchObject({ committedCents: 0 });
  });

  it('decides the batch: above the line approved, then the waiting list, below it lack of funds', async () => {
    const key = { 'idempotency-key': `batch-${callId}` };
    const response = await decideBatch(intended(), approver, key);
    expect(response.status, response.text).toBe(200);
    expect(response.body.results.map((r) => [r.applicationId, r.status, r.applied])).toEqual([
      [app.best.id, 'APPROVED', 'decided'],
      [app.second.id, 'APPROVED', 'decided'],
      [app.third.id, 'WAITLISTED', 'decided'],
      [app.fourth.id, 'REJECTED', 'decided'],
    ]);
    expect(response.body.results[2]?.waitingListRank).toBe(1);
    expect(response.body).toMatchObject({
      committedCents: 2 * REQUESTED,
      remainingCents: BUDGET - 2 * REQUESTED,
    });

    // A retry with the same key gets the same answer; a plain repeat finds the call decided.
    const retried = await decideBatch(intended(), approver, key);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(response.body);
    const repeated = await decideBatch(intended());
    expect(repeated.status).toBe(409);
    expect(repeated.body).toMatchObject({ code: 'batch-decided', batchId: response.body.batchId });
    await drain();

    const after = await budget();
    expect(after.committedCents).toBe(2 * REQUESTED);
    expect(after.committedCents).toBeLessThanOrEqual(BUDGET);
    const approvedSum = (await Promise.all(Object.values(app).map(({ id }) => application(id)))).reduce(
      (sum, a) => sum + (a.status === 'APPROVED' ? (a.decision?.grantedCents ?? 0) : 0),
      0,
    );
    expect(after.committedCents).toBe(approvedSum);
    expect(await application(app.third.id)).toMatchObject({ status: 'WAITLISTED' });
    expect(await application(app.fourth.id)).toMatchObject({ status: 'REJECTED' });

    const ranked = (await ranking()).body;
    expect(ranked.batch).toMatchObject({ batchId: response.body.batchId, status: 'done' });
    expect(ranked.entries.map((e) => [e.applicationId, e.status, e.aboveLine])).toEqual([
      [app.best.id, 'APPROVED', true],
      [app.second.id, 'APPROVED', true],
      [app.third.id, 'WAITLISTED', false],
      [app.fourth.id, 'REJECTED', false],
    ]);
    expect(ranked.entries[2]?.waitingListRank).toBe(1);
    expect(ranked.entries[2]?.waitingList).toEqual({
      rank: 1,
      proposedGrantCents: REQUESTED,
      movedUp: false,
    });
  });

  it('moves the first waiting application up when an approval is renounced', async () => {
    const renounced = await api('POST', `/api/applications/${app.best.id}/withdraw`, {
      token: applicant.token,
      body: { reason: 'Wir verzichten: die Kommune übernimmt die Finanzierung.' },
    });
    expect(renounced.status, renounced.text).toBe(200);
    await drain();

    expect(await application(app.best.id)).toMatchObject({ status: 'WITHDRAWN' });
    expect(await application(app.third.id)).toMatchObject({
      status: 'APPROVED',
      decision: { grantedCents: REQUESTED },
    });
    const after = await budget();
    expect(after.committedCents).toBe(2 * REQUESTED);
    expect(after.committedCents).toBeLessThanOrEqual(BUDGET);
    const statuses = await Promise.all(Object.values(app).map(({ id }) => application(id)));
    const approvedSum = statuses
      .filter((a) => a.status === 'APPROVED')
      .reduce((sum, a) => sum + (a.decision?.grantedCents ?? 0), 0);
    expect(after.committedCents).toBe(approvedSum);
    // The ranking tells who moved up from which place (the renounced approval is no longer ranked).
    const third = (await ranking()).body.entries.find((e) => e.applicationId === app.third.id);
    expect(third).toMatchObject({
      status: 'APPROVED',
      grantedCents: REQUESTED,
      waitingList: { rank: 1, proposedGrantCents: REQUESTED, movedUp: true },
    });
    expect(third?.waitingListRank).toBeUndefined();

    const timeline = await api<{ items?: { type?: string }[] } | { type?: string }[]>(
      'GET',
      `/api/applications/${app.third.id}/timeline`,
      { token: applicant.token },
    );
    expect(timeline.status).toBe(200);
    expect(timeline.text).toContain('MOVED_UP');

    // The confirmation says it was a renunciation of the grant, not a withdrawn application.
    const confirmation = (await sentEmails()).find(
      (email) => email.destination.to.includes(applicant.email) && email.subject.includes('Verzicht'),
    );
    expect(confirmation?.subject).toBe('Verzicht auf die Zuwendung / Grant renounced: Projekt best');
    expect(confirmation?.body.text).toContain('auf die bewilligte Zuwendung über 14.402,00');
  });
});
