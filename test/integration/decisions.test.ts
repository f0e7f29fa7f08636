import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { aCall } from '../support/calls.ts';
import {
  api,
  drain,
  givenAssessedApplication,
  givenCall,
  givenCompleteDraft,
  givenOrganisation,
  givenUser,
  type TestUser,
} from '../support/local-stack.ts';

/** What the application asks for (test/support/drafts.ts): 14,402.00 €. */
const REQUESTED = 1_440_200;

interface Budget {
  budgetCents: number;
  committedCents: number;
  remainingCents: number;
  applicationsByStatus: Record<string, number>;
}

describe('single decisions in rolling calls: four-eyes, rules and the call budget', () => {
  let applicant: TestUser;
  let contentReviewer: TestUser;
  let financialReviewer: TestUser;
  let approver: TestUser;
  let admin: TestUser;
  let orgId: string;

  beforeAll(async () => {
    [applicant, contentReviewer, financialReviewer, approver, admin] = await Promise.all([
      givenUser(['applicant'], 'decided'),
      // Both groups: a reviewer who is also an approver must still not decide what they assessed.
      givenUser(['reviewer', 'approver'], 'dec-content'),
      givenUser(['reviewer'], 'dec-financial'),
      givenUser(['approver'], 'dec-approver'),
      givenUser(['admin'], 'dec-admin'),
    ]);
    orgId = await givenOrganisation([applicant]);
  });

  const reviewers = () => ({ content: contentReviewer, financial: financialReviewer });
  const budgetOf = async (callId: string) => {
    const response = await api<Budget>('GET', `/api/admin/calls/${callId}/budget`, { token: admin.token });
    expect(response.status, response.text).toBe(200);
    return response.body;
  };
  const decide = (id: string, body: unknown, by = approver, headers: Record<string, string> = {}) =>
    api<Record<string, unknown>>('POST', `/api/review/applications/${id}/decision`, {
      token: by.token,
      body,
      headers,
    });
  const statusOf = async (id: string) =>
    (await api<{ status: string }>('GET', `/api/applications/${id}`, { token: applicant.token })).body.status;

  it('approves with the granted amount and conditions, reserving it from the call budget', async () => {
    const call = await givenCall(aCall({ budgetCents: 5_000_000 }));
    const application = await givenAssessedApplication(applicant, orgId, call.id, reviewers());

    const decided = await decide(application.id, {
      outcome: 'approved',
      grantedCents: REQUESTED,
      conditions: ['Die Kinderbetreuung ist durch eine Fachkraft sicherzustellen.'],
    });

    expect(decided.status, decided.text).toBe(200);
    expect(decided.body).toMatchObject({
      applicationId: application.id,
      status: 'APPROVED',
      decision: {
        outcome: 'approved',
        grantedCents: REQUESTED,
        financingType: 'fixed',
        conditions: ['Die Kinderbetreuung ist durch eine Fachkraft sicherzustellen.'],
        decidedBy: approver.sub,
      },
    });
    const budget = await budgetOf(call.id);
    expect(budget).toMatchObject({
      budgetCents: 5_000_000,
      committedCents: REQUESTED,
      remainingCents: 5_000_000 - REQUESTED,
    });
    expect(budget.applicationsByStatus.APPROVED).toBe(1);

    // The approver's view holds what the decision rested on and the decision itself; the reviewer's does not.
    const seen = await api<Record<string, unknown>>('GET', `/api/review/applications/${application.id}`, {
      token: approver.token,
    });
    expect(seen.body).toMatchObject({
      status: 'APPROVED',
      assessmentSummary: { totalScore: 4, maxScore: 5, recommendedGrantCents: REQUESTED },
      decision: { outcome: 'approved', grantedCents: REQUESTED, decidedBy: approver.sub },
    });
    expect((seen.body.assessments as { role: string }[]).map((a) => a.role).sort()).toEqual([
      'content',
      'financial',
    ]);
    const reviewerView = await api<Record<string, unknown>>(
      'GET',
      `/api/review/applications/${application.id}`,
      {
        token: financialReviewer.token,
      },
    );
    expect(reviewerView.status).toBe(200);
    expect(reviewerView.body.decision).toBeUndefined();
    expect(reviewerView.body.assessments).toBeUndefined();
    await drain();
  });

  it('rejects with reasons; a rejection reserves nothing', async () => {
    const call = await givenCall(aCall());
    const application = await givenAssessedApplication(applicant, orgId, call.id, reviewers());

    const decided = await decide(application.id, {
      outcome: 'rejected',
      reasons: 'Die Zielgruppe wird mit dem beschriebenen Konzept nicht erreicht.',
    });

    expect(decided.status, decided.text).toBe(200);
    expect(decided.body).toMatchObject({ status: 'REJECTED', decision: { outcome: 'rejected' } });
    expect(await budgetOf(call.id)).toMatchObject({ committedCents: 0, remainingCents: 10_000_000 });
    await drain();
  });

  it('refuses an approver who assessed the application (four-eyes), and lets another decide', async () => {
    const call = await givenCall(aCall());
    const application = await givenAssessedApplication(applicant, orgId, call.id, reviewers());

    const refused = await decide(
      application.id,
      { outcome: 'approved', grantedCents: REQUESTED },
      contentReviewer,
    );

    expect(refused.status, refused.text).toBe(403);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body.detail).toContain('Vier-Augen-Prinzip');
    expect(await statusOf(application.id)).toBe('ASSESSED');
    expect((await budgetOf(call.id)).committedCents).toBe(0);

    expect((await decide(application.id, { outcome: 'approved', grantedCents: REQUESTED })).status).toBe(200);
    await drain();
  });

  it('refuses a decision on an application that is not assessed, and a second decision', async () => {
    const call = await givenCall(aCall());
    const inReview = await givenCompleteDraft(applicant, orgId, call.id, 'Noch in Prüfung');
    expect(
      (await api('POST', `/api/applications/${inReview.id}/submit`, { token: applicant.token })).status,
    ).toBe(202);
    await drain();
    const early = await decide(inReview.id, { outcome: 'approved', grantedCents: REQUESTED });
    expect(early.status, early.text).toBe(409);
    expect(early.body.currentStatus).toBe('IN_REVIEW');

    const application = await givenAssessedApplication(applicant, orgId, call.id, reviewers());
    expect((await decide(application.id, { outcome: 'approved', grantedCents: REQUESTED })).status).toBe(200);

    const again = await decide(application.id, {
      outcome: 'rejected',
      reasons: 'Doch abgelehnt, weil der Finanzierungsplan nicht trägt.',
    });

    expect(again.status, again.text).toBe(409);
    expect(again.body.currentStatus).toBe('APPROVED');
    expect((await budgetOf(call.id)).committedCents).toBe(REQUESTED);
    await drain();
  });

  it('refuses more than requested, a lower grant without reasons and a rejection without reasons (422)', async () => {
    const call = await givenCall(aCall());
    const application = await givenAssessedApplication(applicant, orgId, call.id, reviewers());

    const tooMuch = await decide(application.id, { outcome: 'approved', grantedCents: REQUESTED + 1 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'grantedCents', code: 'grant-above-request' }),
      ]),
    );

    const lower = await decide(application.id, { outcome: 'approved', grantedCents: 1_000_000 });
    expect(lower.status).toBe(422);
    expect(lower.body.errors).toEqual([
      expect.objectContaining({ path: 'reasons', code: 'reasons-required' }),
    ]);

    const noReasons = await decide(application.id, { outcome: 'rejected' });
    expect(noReasons.status).toBe(422);
    expect(noReasons.body.errors).toEqual([expect.objectContaining({ path: 'reasons' })]);

    expect(await statusOf(application.id)).toBe('ASSESSED');
  });

  it('answers 409 with the remaining budget when the budget cannot cover the grant, changing nothing', async () => {
    const call = await givenCall(aCall({ budgetCents: 2_000_000 }));
    const first = await givenAssessedApplication(applicant, orgId, call.id, reviewers(), { title: 'Erstes' });
    const second = await givenAssessedApplication(applicant, orgId, call.id, reviewers(), {
      title: 'Zweites',
    });
    expect((await decide(first.id, { outcome: 'approved', grantedCents: REQUESTED })).status).toBe(200);

    const over = await decide(second.id, { outcome: 'approved', grantedCents: REQUESTED });

    expect(over.status, over.text).toBe(409);
    expect(over.body).toMatchObject({ remainingCents: 2_000_000 - REQUESTED, requestedCents: REQUESTED });
    expect(await statusOf(second.id)).toBe('ASSESSED');
    expect((await budgetOf(call.id)).committedCents).toBe(REQUESTED);

    // The approver reads what remains before deciding (the decision form shows it).
    const seen = await api<Budget>('GET', `/api/admin/calls/${call.id}/budget`, { token: approver.token });
    expect(seen.status, seen.text).toBe(200);
    expect(seen.body).toMatchObject({ remainingCents: 2_000_000 - REQUESTED, committedCents: REQUESTED });

    // What remains can still be granted, with reasons for the lower amount.
    const fitting = await decide(second.id, {
      outcome: 'approved',
      grantedCents: 2_000_000 - REQUESTED,
      reasons: 'Bewilligt im Rahmen der verbleibenden Haushaltsmittel.',
    });
    expect(fitting.status, fitting.text).toBe(200);
    expect(await budgetOf(call.id)).toMatchObject({ committedCents: 2_000_000, remainingCents: 0 });
    await drain();
  });

  it('refuses a single decision in a competitive call (decided together from the ranking)', async () => {
    const call = await givenCall(aCall({ selectionMode: 'competitive' }));
    const application = await givenAssessedApplication(applicant, orgId, call.id, reviewers());

    const refused = await decide(application.id, { outcome: 'approved', grantedCents: REQUESTED });

    expect(refused.status, refused.text).toBe(409);
    expect(refused.body.selectionMode).toBe('competitive');
    expect(await statusOf(application.id)).toBe('ASSESSED');
  });

  it('answers a retry with the same Idempotency-Key as the first time, reserving once', async () => {
    const call = await givenCall(aCall());
    const application = await givenAssessedApplication(applicant, orgId, call.id, reviewers());
    const key = randomUUID();
    const body = { outcome: 'approved', grantedCents: REQUESTED };

    const first = await decide(application.id, body, approver, { 'idempotency-key': key });
    const retry = await decide(application.id, body, approver, { 'idempotency-key': key });

    expect(first.status, first.text).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.text).toBe(first.text);
    expect((await budgetOf(call.id)).committedCents).toBe(REQUESTED);
    await drain();
  });

  it('lets exactly the approvals the budget fits through when 30 run at once', {
    timeout: 240_000,
  }, async () => {
    const grant = 1_000_000;
    const call = await givenCall(aCall({ budgetCents: 10 * grant }));
    const applications: { id: string }[] = [];
    for (let batch = 0; batch < 3; batch++) {
      applications.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            givenAssessedApplication(applicant, orgId, call.id, reviewers(), {
              title: `Gleichzeitig ${batch * 10 + i + 1}`,
            }),
          ),
        )),
      );
    }

    const answers = await Promise.all(
      applications.map((application) =>
        decide(application.id, {
          outcome: 'approved',
          grantedCents: grant,
          reasons: 'Bewilligt in der Höhe, die der Aufruf je Vorhaben vorsieht.',
        }),
      ),
    );

    const approved = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status === 409);
    expect(approved).toHaveLength(10);
    expect(refused).toHaveLength(20);
    for (const answer of refused) {
      expect(answer.body.remainingCents).toBeLessThan(grant);
    }
    const budget = await budgetOf(call.id);
    expect(budget.committedCents).toBe(10 * grant);
    expect(budget.remainingCents).toBe(0);
    expect(budget.applicationsByStatus.APPROVED).toBe(10);
    expect(budget.applicationsByStatus.ASSESSED).toBe(20);
    await drain(undefined, 120_000);
  });
});
