import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/adapters/dynamodb/keys.ts';
import { aCall } from '../support/calls.ts';
import {
  api,
  documentClient,
  drain,
  givenAssignments,
  givenCall,
  givenCompleteDraft,
  givenOrganisation,
  givenStaff,
  givenUser,
  stack,
  type TestUser,
} from '../support/local-stack.ts';

interface Problem {
  status: number;
  code?: string;
  currentStatus?: string;
  errors?: { path: string; code?: string; message: string }[];
}

const RUBRIC = [
  { id: 'relevanz-zik', weight: 3, label: { de: 'Bezug zum ZIK II', en: 'Relevance to ZIK II' } },
  { id: 'konzept', weight: 2, label: { de: 'Konzept', en: 'Concept' } },
];

const contentAssessment = {
  role: 'content',
  scores: [
    { criterionId: 'relevanz-zik', score: 4, comment: 'Klarer Bezug zum Handlungsfeld Sprache.' },
    { criterionId: 'konzept', score: 3 },
  ],
  recommendation: 'fund',
  comment: 'Ein solides, gut erreichbares Angebot für Familien.',
};

const financialAssessment = {
  role: 'financial',
  lines: [
    { section: 'staff', lineId: 'leitung', eligibleCents: 1_152_000 },
    {
      section: 'material',
      lineId: 'miete',
      eligibleCents: 100_000,
      comment: 'Ortsübliche Miete: 100 €/Monat weniger.',
    },
    { section: 'material', lineId: 'lernmaterial', eligibleCents: 30_000 },
    { section: 'fees', lineId: 'sprachmittlung', eligibleCents: 80_000 },
  ],
  recommendedGrantCents: 1_400_000,
  recommendation: 'fund-with-conditions',
  comment: 'Miete auf das ortsübliche Maß gekürzt.',
};

describe('assessments: POST /api/review/applications/{id}/assessments', () => {
  let applicant: TestUser;
  let contentReviewer: TestUser;
  let financialReviewer: TestUser;
  let outsider: TestUser;
  let orgId: string;
  let callId: string;

  beforeAll(async () => {
    [applicant, contentReviewer, financialReviewer, outsider] = await Promise.all([
      givenUser(['applicant'], 'assessed'),
      givenUser(['reviewer'], 'content'),
      givenUser(['reviewer'], 'financial'),
      givenUser(['reviewer'], 'unassigned'),
    ]);
    orgId = await givenOrganisation([applicant]);
    callId = (await givenCall(aCall({ rubric: RUBRIC }))).id;
  });

  /** An application in review with the two reviewers assigned (declared as given), as the intake leaves it. */
  async function givenInReview(
    declared: { content: boolean; financial: boolean } = { content: true, financial: true },
    reviewers: { content: TestUser; financial: TestUser } = {
      content: contentReviewer,
      financial: financialReviewer,
    },
  ) {
    const draft = await givenCompleteDraft(applicant, orgId, callId);
    expect(
      (await api('POST', `/api/applications/${draft.id}/submit`, { token: applicant.token })).status,
    ).toBe(202);
    await drain();
    await givenAssignments({ id: draft.id, callId }, reviewers, declared);
    return draft.id;
  }

  const assess = (id: string, reviewer: TestUser, body: unknown) =>
    api<Problem & { bothRecorded?: boolean }>('POST', `/api/review/applications/${id}/assessments`, {
      token: reviewer.token,
      body,
    });

  const stored = async (id: string) =>
    (
      await documentClient().send(
        new GetCommand({ TableName: stack().tableName, Key: keys.application(id), ConsistentRead: true }),
      )
    ).Item as Record<string, unknown>;

  it('takes both assessments, then the workflow writes the summary and the application is ASSESSED', async () => {
    const id = await givenInReview();
    expect((await stored(id)).status).toBe('IN_REVIEW');

    const first = await assess(id, contentReviewer, contentAssessment);
    expect(first.status).toBe(201);
    expect(first.body.bothRecorded).toBe(false);
    const assignment = await documentClient().send(
      new GetCommand({ TableName: stack().tableName, Key: keys.assignment(id, 'content') }),
    );
    // Done: out of the reviewer's queue.
    expect(assignment.Item?.assessedAt).toBeDefined();
    expect(assignment.Item?.gsi3pk).toBeUndefined();
    // The reviewer's own view says their part is done, and when.
    const mine = await api<{ myAssignments: { role: string; assessedAt?: string }[] }>(
      'GET',
      `/api/review/applications/${id}`,
      { token: contentReviewer.token },
    );
    expect(mine.body.myAssignments).toEqual([
      expect.objectContaining({ role: 'content', assessedAt: assignment.Item?.assessedAt }),
    ]);

    const second = await assess(id, financialReviewer, financialAssessment);
    expect(second.status).toBe(201);
    expect(second.body.bothRecorded).toBe(true);
    await drain();

    const application = await stored(id);
    expect(application.status).toBe('ASSESSED');
    expect(application.assessmentSummary).toMatchObject({
      // 4 × 3 + 3 × 2 of at most 5 × (3 + 2)
      totalScore: 18,
      maxScore: 25,
      recommendations: { content: 'fund', financial: 'fund-with-conditions' },
      // 1,362,000 eligible direct costs + 10 % flat rate
      eligibleCostsCents: 1_498_200,
      recommendedGrantCents: 1_400_000,
    });

    // Applicants never see scores or recommendations, nor the assessments in their timeline.
    const view = await api('GET', `/api/applications/${id}`, { token: applicant.token });
    expect(view.body.status).toBe('ASSESSED');
    expect(view.text).not.toContain('assessmentSummary');
    expect(view.text).not.toContain('totalScore');
    const timeline = await api('GET', `/api/applications/${id}/timeline`, { token: applicant.token });
    expect(timeline.text).not.toContain('ASSESSMENT_RECORDED');
  });

  it('refuses an unassigned reviewer (404), one who has not declared (409), and the wrong role (403)', async () => {
    const id = await givenInReview({ content: false, financial: true });

    expect((await assess(id, outsider, contentAssessment)).status).toBe(404);

    const undeclared = await assess(id, contentReviewer, contentAssessment);
    expect(undeclared.status).toBe(409);
    expect(undeclared.body.code).toBe('declaration-missing');

    // Content and financial assessment are done by two different people.
    const wrongRole = await assess(id, financialReviewer, contentAssessment);
    expect(wrongRole.status).toBe(403);
    expect((await stored(id)).status).toBe('IN_REVIEW');
  });

  it('refuses a reviewer who declared a conflict of interest (404), for assessments and Nachforderungen', async () => {
    // A reviewer from the staff directory, as the intake assigns them (the declaration moves workloads).
    const member = await givenStaff(['reviewer'], 'vereinsmitglied');
    const id = await givenInReview(
      { content: false, financial: true },
      { content: member, financial: financialReviewer },
    );
    const declared = await api('POST', `/api/review/applications/${id}/conflict-declaration`, {
      token: member.token,
      body: { conflict: true, note: 'Ich bin Vereinsmitglied.' },
    });
    expect(declared.status, declared.text).toBe(200);

    expect((await assess(id, member, contentAssessment)).status).toBe(404);
    const dueDate = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const request = await api('POST', `/api/review/applications/${id}/missing-documents`, {
      token: member.token,
      body: { items: [{ text: 'Satzung in der aktuellen Fassung' }], dueDate },
    });
    expect(request.status).toBe(404);
    expect((await stored(id)).status).toBe('IN_REVIEW');
  });

  it('refuses a second assessment for the same role, and assessments outside review', async () => {
    const id = await givenInReview();
    expect((await assess(id, contentReviewer, contentAssessment)).status).toBe(201);

    const again = await assess(id, contentReviewer, contentAssessment);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already-assessed');

    const withdrawn = await api('POST', `/api/applications/${id}/withdraw`, {
      token: applicant.token,
      body: { reason: 'Projekt entfällt.' },
    });
    expect(withdrawn.status).toBe(200);
    const late = await assess(id, financialReviewer, financialAssessment);
    expect(late.status).toBe(409);
    expect(late.body.currentStatus).toBe('WITHDRAWN');

    // The withdrawal workflow takes the open assignment out of the financial reviewer's queue.
    await drain();
    const released = await documentClient().send(
      new GetCommand({ TableName: stack().tableName, Key: keys.assignment(id, 'financial') }),
    );
    expect(released.Item?.releasedAt).toBeDefined();
    expect(released.Item?.gsi3pk).toBeUndefined();
    const assessed = await documentClient().send(
      new GetCommand({ TableName: stack().tableName, Key: keys.assignment(id, 'content') }),
    );
    expect(assessed.Item?.releasedAt).toBeUndefined();
  });

  it('names what does not fit the rubric or the finance plan (422), and records nothing', async () => {
    const id = await givenInReview();

    const unscored = await assess(id, contentReviewer, {
      ...contentAssessment,
      scores: [
        { criterionId: 'konzept', score: 3 },
        { criterionId: 'erfunden', score: 5 },
      ],
    });
    expect(unscored.status).toBe(422);
    expect(unscored.body.errors?.map((error) => [error.path, error.code])).toEqual([
      ['scores.1.criterionId', 'unknown-criterion'],
      ['scores', 'criterion-not-scored'],
    ]);

    const generous = await assess(id, financialReviewer, {
      ...financialAssessment,
      lines: financialAssessment.lines.map((line) =>
        line.lineId === 'miete' ? { ...line, eligibleCents: 150_000 } : line,
      ),
      recommendedGrantCents: 1_500_000,
    });
    expect(generous.status).toBe(422);
    expect(generous.body.errors?.map((error) => error.code)).toEqual([
      'more-than-applied-for',
      'recommended-grant-too-high',
    ]);
    expect(generous.body.errors?.[0]?.message).toContain('1.200,00 €');

    const outOfRange = await assess(id, contentReviewer, {
      ...contentAssessment,
      scores: [{ criterionId: 'konzept', score: 6 }],
    });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.body.errors?.[0]?.path).toBe('scores.0.score');

    const assignment = await documentClient().send(
      new GetCommand({ TableName: stack().tableName, Key: keys.assignment(id, 'content') }),
    );
    expect(assignment.Item?.assessedAt).toBeUndefined();
  });
});
