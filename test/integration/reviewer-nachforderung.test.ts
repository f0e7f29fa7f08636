import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/adapters/dynamodb/keys.ts';
import { berlinDate } from '../../shared/domain/berlin-time.ts';
import { aCall } from '../support/calls.ts';
import {
  api,
  documentClient,
  drain,
  givenAssignments,
  givenCall,
  givenCompleteDraft,
  givenOrganisation,
  givenUser,
  sentEmails,
  stack,
  type TestUser,
} from '../support/local-stack.ts';

interface Problem {
  status: number;
  code?: string;
  currentStatus?: string;
  errors?: { path: string; code?: string; message: string }[];
}

/** The Berlin calendar day `days` after today in Berlin, as YYYY-MM-DD. */
const berlinDayAhead = (days: number) =>
  new Date(Date.parse(`${berlinDate(new Date())}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('Nachforderung by a reviewer: POST /api/review/applications/{id}/missing-documents', () => {
  let applicant: TestUser;
  let contentReviewer: TestUser;
  let financialReviewer: TestUser;
  let outsider: TestUser;
  let orgId: string;
  let callId: string;

  beforeAll(async () => {
    [applicant, contentReviewer, financialReviewer, outsider] = await Promise.all([
      givenUser(['applicant'], 'nachgefordert'),
      givenUser(['reviewer'], 'nf-content'),
      givenUser(['reviewer'], 'nf-financial'),
      givenUser(['reviewer'], 'nf-unassigned'),
    ]);
    orgId = await givenOrganisation([applicant]);
    callId = (await givenCall(aCall({ title: { de: 'Miteinander 2027', en: 'Together 2027' } }))).id;
  });

  /** An application in review with these two reviewers assigned (declared as given), as the intake leaves it. */
  async function givenInReview(declared = { content: true, financial: true }) {
    const draft = await givenCompleteDraft(applicant, orgId, callId);
    const submitted = await api('POST', `/api/applications/${draft.id}/submit`, { token: applicant.token });
    expect(submitted.status, submitted.text).toBe(202);
    await drain();
    await givenAssignments(
      { id: draft.id, callId },
      { content: contentReviewer, financial: financialReviewer },
      declared,
    );
    return draft.id;
  }

  const request = (id: string, reviewer: TestUser, body: unknown) =>
    api<Problem & { dueAt?: string; status?: unknown }>(
      'POST',
      `/api/review/applications/${id}/missing-documents`,
      { token: reviewer.token, body },
    );

  const stored = async (id: string) =>
    (
      await documentClient().send(
        new GetCommand({ TableName: stack().tableName, Key: keys.application(id), ConsistentRead: true }),
      )
    ).Item as Record<string, unknown>;

  const reviewersOf = async (id: string) =>
    (
      (
        await documentClient().send(
          new QueryCommand({
            TableName: stack().tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': `APP#${id}`, ':prefix': 'ASSIGNMENT#' },
            ConsistentRead: true,
          }),
        )
      ).Items ?? []
    )
      .map((item) => [item.role, item.reviewerSub])
      .sort();

  it('sends the application back as INCOMPLETE, emails the applicant, and review resumes with the same reviewers after the supplement', async () => {
    const id = await givenInReview();
    const dueDate = berlinDayAhead(14);
    const answer = await request(id, contentReviewer, {
      items: [
        { text: 'Bitte reichen Sie den unterschriebenen Kooperationsvertrag mit der Grundschule nach.' },
        { path: 'financePlan.material', text: 'Belegen Sie die Miete des Raums mit einem Angebot.' },
      ],
      dueDate,
      note: 'Ohne den Vertrag ist die Zielgruppe nicht erreichbar.',
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.status).toBe('INCOMPLETE');
    // The end of the due day in Berlin (23:59:59 local time, with the offset of that day).
    expect(answer.body.dueAt).toMatch(new RegExp(`^${dueDate}T23:59:59\\+0[12]:00$`));

    await drain();
    const application = await stored(id);
    expect(application.status).toBe('INCOMPLETE');
    expect(application.pendingWork).toBeUndefined();
    expect(application.nachforderung).toMatchObject({
      requestedBy: contentReviewer.sub,
      dueAt: answer.body.dueAt,
      note: 'Ohne den Vertrag ist die Zielgruppe nicht erreichbar.',
      items: [
        {
          path: '',
          message: {
            de: 'Bitte reichen Sie den unterschriebenen Kooperationsvertrag mit der Grundschule nach.',
            en: 'Bitte reichen Sie den unterschriebenen Kooperationsvertrag mit der Grundschule nach.',
          },
        },
        { path: 'financePlan.material' },
      ],
    });
    // On the due-date index, so the deadlines workflow finds it when it is overdue.
    expect(application.gsi4sk).toBe(`${new Date(answer.body.dueAt as string).toISOString()}#${id}`);

    // The applicant sees it in their view and timeline.
    const view = await api<{ nachforderung?: { dueAt: string; items: { message: string }[] } }>(
      'GET',
      `/api/applications/${id}`,
      { token: applicant.token },
    );
    expect(view.body.nachforderung?.dueAt).toBe(answer.body.dueAt);
    expect(view.body.nachforderung?.items).toHaveLength(2);
    const timeline = await api('GET', `/api/applications/${id}/timeline`, { token: applicant.token });
    expect(timeline.text).toContain('DOCUMENTS_REQUESTED');
    // The back office sees what was asked for and until when, in both languages.
    const reviewView = await api<{ status: string; nachforderung?: Record<string, unknown> }>(
      'GET',
      `/api/review/applications/${id}`,
      { token: financialReviewer.token },
    );
    expect(reviewView.body.status).toBe('INCOMPLETE');
    expect(reviewView.body.nachforderung).toMatchObject({
      requestedBy: contentReviewer.sub,
      dueAt: answer.body.dueAt,
      note: 'Ohne den Vertrag ist die Zielgruppe nicht erreichbar.',
      items: [
        { path: '', code: 'requested-by-reviewer' },
        {
          path: 'financePlan.material',
          message: {
            de: 'Belegen Sie die Miete des Raums mit einem Angebot.',
            en: 'Belegen Sie die Miete des Raums mit einem Angebot.',
          },
        },
      ],
    });

    // One email, German first and English below: what, until when, how, and the reference.
    const reference = application.reference as string;
    const mails = (await sentEmails()).filter(
      (mail) => mail.destination.to.includes(applicant.email) && mail.subject.startsWith('Nachforderung'),
    );
    expect(mails).toHaveLength(1);
    const mail = mails[0] as (typeof mails)[number];
    expect(mail.subject).toContain(reference);
    const text = mail.body.text ?? '';
    expect(text).toContain('Kooperationsvertrag mit der Grundschule');
    expect(text).toContain('Belegen Sie die Miete');
    expect(text).toContain('Ohne den Vertrag ist die Zielgruppe nicht erreichbar.');
    expect(text).toContain(`Aktenzeichen ${reference}`);
    expect(text).toContain('Miteinander 2027');
    // The due day as people read it, German and English: e.g. "14. März 2027, 23:59 Uhr".
    const [year, day] = [dueDate.slice(0, 4), Number(dueDate.slice(8, 10))];
    expect(text).toMatch(new RegExp(`${day}\\. \\S+ ${year}, 23:59 Uhr`));
    expect(text).toMatch(new RegExp(`${day} \\S+ ${year}, 23:59 \\(Berlin time\\)`));
    expect(text).toContain('erneut ein');
    expect(text).toContain('submit the application again');
    expect(text.indexOf('Guten Tag')).toBeLessThan(text.indexOf('— English —'));

    // A second request while it is with the applicant: 409.
    const again = await request(id, financialReviewer, { items: [{ text: 'Noch etwas.' }], dueDate });
    expect(again.status).toBe(409);
    expect(again.body.currentStatus).toBe('INCOMPLETE');

    // The applicant supplies it and submits again: through the intake, back to review, same reviewers.
    const before = await reviewersOf(id);
    const resubmitted = await api('POST', `/api/applications/${id}/submit`, { token: applicant.token });
    expect(resubmitted.status, resubmitted.text).toBe(202);
    await drain();
    const resumed = await stored(id);
    expect(resumed.status).toBe('IN_REVIEW');
    expect(resumed.reference).toBe(reference);
    expect(await reviewersOf(id)).toEqual(before);
    expect(before).toEqual([
      ['content', contentReviewer.sub],
      ['financial', financialReviewer.sub],
    ]);
  });

  it('refuses an unassigned reviewer (404) and one who has not declared on conflicts (409)', async () => {
    const id = await givenInReview({ content: false, financial: true });
    const body = { items: [{ text: 'Satzung des Vereins' }], dueDate: berlinDayAhead(14) };

    expect((await request(id, outsider, body)).status).toBe(404);
    const undeclared = await request(id, contentReviewer, body);
    expect(undeclared.status).toBe(409);
    expect(undeclared.body.code).toBe('declaration-missing');
    expect((await stored(id)).status).toBe('IN_REVIEW');
  });

  it('refuses a due date less than 7 or more than 60 days ahead (422), and outside review (409)', async () => {
    const id = await givenInReview();
    const tooNear = await request(id, financialReviewer, {
      items: [{ text: 'Satzung des Vereins' }],
      dueDate: berlinDayAhead(6),
    });
    expect(tooNear.status).toBe(422);
    expect(tooNear.body.errors?.map((error) => [error.path, error.code])).toEqual([
      ['dueDate', 'due-date-too-near'],
    ]);
    const tooFar = await request(id, financialReviewer, {
      items: [{ text: 'Satzung des Vereins' }],
      dueDate: berlinDayAhead(61),
    });
    expect(tooFar.status).toBe(422);
    expect(tooFar.body.errors?.[0]?.code).toBe('due-date-too-far');
    expect((await stored(id)).status).toBe('IN_REVIEW');

    // Seven days exactly is fine.
    expect(
      (await request(id, financialReviewer, { items: [{ text: 'Satzung' }], dueDate: berlinDayAhead(7) }))
        .status,
    ).toBe(200);
    await drain();

    const withdrawn = await givenInReview();
    expect(
      (
        await api('POST', `/api/applications/${withdrawn}/withdraw`, {
          token: applicant.token,
          body: { reason: 'Projekt entfällt.' },
        })
      ).status,
    ).toBe(200);
    await drain();
    const late = await request(withdrawn, contentReviewer, {
      items: [{ text: 'Satzung des Vereins' }],
      dueDate: berlinDayAhead(14),
    });
    expect(late.status).toBe(409);
    expect(late.body.currentStatus).toBe('WITHDRAWN');
  });
});
