import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/adapters/dynamodb/keys.ts';
import { aCall } from '../support/calls.ts';
import { givenDecidedApplication, REQUESTED_GRANT_CENTS as REQUESTED } from '../support/decisions.ts';
import {
  api,
  documentClient,
  drain,
  givenAssessedApplication,
  givenCall,
  givenOrganisation,
  givenUser,
  sentEmails,
  stack,
  type TestUser,
} from '../support/local-stack.ts';
import { anOrganisationProfile } from '../support/organisations.ts';
import { pdfText } from '../support/pdf-text.ts';

interface View {
  status: string;
  version: number;
  reference: string;
  decision?: { outcome: string; grantedCents?: number; decidedAt: string };
  letters?: { id: string; kind: string; createdAt: string; firstRetrievedAt?: string }[];
  objection?: { at: string; reason: string; outcome?: string; decidedAt?: string };
}
interface Budget {
  budgetCents: number;
  committedCents: number;
  remainingCents: number;
}
interface Answer {
  applicationId: string;
  status: string;
  version: number;
  objection: {
    outcome: string;
    decidedBy: string;
    reasons: string;
    previousGrantedCents?: number;
  };
  decision: { outcome: string; grantedCents?: number; decidedBy: string };
}

const ORGANISATION = 'Nachbarschaftsverein Ağaçlı–Σπίτι e.V.';
/** The competitive call fits the first approval (14,402.00 €) but not the waiting list's 8,000.00 € too. */
const COMPETITIVE_BUDGET = 2_000_000;
const WAITING_PROPOSAL = 800_000;
const LOWER_GRANT = 1_000_000;
/** The rolling call keeps 5,000.00 € after one full approval. */
const ROLLING_BUDGET = REQUESTED + 500_000;

// Ending an objection end to end: decisions through the API, the member's retrieval (NOTIFIED) and
// objection (APPEALED), then POST …/objection-decision, the stream, the dispatcher and the synthesized
// objection workflow (its letter in s3rver, its email in SES local, the waiting list moving up).
describe('objection decisions: Abhilfe with a new amount, or the Widerspruchsbescheid', () => {
  let member: TestUser;
  let contentReviewer: TestUser;
  let financialReviewer: TestUser;
  let approver: TestUser;
  let admin: TestUser;
  let orgId: string;
  let competitiveCallId: string;
  let rollingCallId: string;
  const app = {} as Record<'best' | 'waiting', { id: string; reference: string }> &
    Record<'rejected' | 'approved', { id: string; reference: string; letterId: string }>;

  const read = async (id: string) => {
    const response = await api<View>('GET', `/api/applications/${id}`, { token: member.token });
    expect(response.status, response.text).toBe(200);
    return response.body;
  };
  const budget = async (callId: string) => {
    const response = await api<Budget>('GET', `/api/admin/calls/${callId}/budget`, { token: admin.token });
    expect(response.status, response.text).toBe(200);
    return response.body;
  };
  const retrieve = (id: string, letterId: string) =>
    api<{ url: string; letter: { id: string; kind: string } }>(
      'GET',
      `/api/applications/${id}/letters/${letterId}`,
      { token: member.token },
    );
  /** The member retrieves the Bescheid (NOTIFIED) and objects within the period (APPEALED). */
  const notifyAndObject = async (id: string, reason: string) => {
    const letterId = (await read(id)).letters?.[0]?.id as string;
    expect((await retrieve(id, letterId)).status).toBe(200);
    expect((await read(id)).status).toBe('NOTIFIED');
    const objected = await api('POST', `/api/applications/${id}/objection`, {
      token: member.token,
      body: { reason },
    });
    expect(objected.status, objected.text).toBe(200);
    expect((await read(id)).status).toBe('APPEALED');
  };
  const decideObjection = (id: string, body: unknown, by = approver, headers: Record<string, string> = {}) =>
    api<Answer>('POST', `/api/review/applications/${id}/objection-decision`, {
      token: by.token,
      body,
      headers,
    });
  const letterPdf = async (key: string) => {
    const bucket = Object.entries(stack().bucketNames).find(([logicalId]) =>
      logicalId.startsWith('Letters'),
    )?.[1];
    const s3 = new S3Client({
      endpoint: stack().s3Endpoint,
      region: stack().region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      forcePathStyle: true,
    });
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    expect(object.ContentType).toBe('application/pdf');
    return Buffer.from((await object.Body?.transformToByteArray()) ?? []);
  };
  /** The stored letter's S3 key (the API does not show keys). */
  const keyOf = (applicationId: string, letterId: string) => `letters/${applicationId}/${letterId}.pdf`;
  const objectionNotices = async (reference: string) =>
    (await sentEmails()).filter(
      (mail) =>
        mail.destination.to.includes(member.email) &&
        mail.subject.startsWith(`Ein Schreiben zu Ihrem Widerspruch (Antrag ${reference})`),
    );
  /** The applicant's timeline, in the caller's language (German by default). */
  const timeline = async (id: string) => {
    const response = await api<{ items: { type: string; title: string; detail?: string }[] }>(
      'GET',
      `/api/applications/${id}/timeline`,
      { token: member.token },
    );
    expect(response.status, response.text).toBe(200);
    return response.body.items;
  };

  beforeAll(async () => {
    [member, contentReviewer, financialReviewer, approver, admin] = await Promise.all([
      givenUser(['applicant'], 'widerspruch'),
      // Also an approver: assessed every application here, so four-eyes keeps them out.
      givenUser(['reviewer', 'approver'], 'widerspruch-content'),
      givenUser(['reviewer'], 'widerspruch-financial'),
      givenUser(['approver'], 'widerspruch-approver'),
      givenUser(['admin'], 'widerspruch-admin'),
    ]);
    orgId = await givenOrganisation([member], undefined, anOrganisationProfile({ legalName: ORGANISATION }));
    const reviewers = { content: contentReviewer, financial: financialReviewer };

    // A competitive call: the best application approved in the batch, the other on the waiting list.
    competitiveCallId = (
      await givenCall(
        aCall({
          selectionMode: 'competitive',
          budgetCents: COMPETITIVE_BUDGET,
          referencePrefix: 'IM-2027-W',
        }),
      )
    ).id;
    app.best = await givenAssessedApplication(member, orgId, competitiveCallId, reviewers, {
      score: 5,
      title: 'Projekt Brücke',
    });
    app.waiting = await givenAssessedApplication(member, orgId, competitiveCallId, reviewers, {
      score: 3,
      title: 'Projekt Warteliste',
    });
    const closesAt = new Date(Date.now() - 60_000).toISOString();
    await documentClient().send(
      new UpdateCommand({
        TableName: stack().tableName,
        Key: keys.call(competitiveCallId),
        UpdateExpression: 'SET closesAt = :closesAt, gsi1sk = :sk',
        ExpressionAttributeValues: {
          ':closesAt': closesAt,
          ':sk': keys.callsIndex(closesAt, competitiveCallId).gsi1sk,
        },
      }),
    );
    const batch = await api('POST', `/api/review/calls/${competitiveCallId}/decisions`, {
      token: approver.token,
      body: {
        decisions: [
          { applicationId: app.best.id, outcome: 'approved', grantedCents: REQUESTED },
          {
            applicationId: app.waiting.id,
            outcome: 'waitlisted',
            grantedCents: WAITING_PROPOSAL,
            reasons: 'Gefördert werden nur die Honorare für die Sprachmittlung.',
          },
        ],
      },
    });
    expect(batch.status, batch.text).toBe(200);
    await drain();

    // A rolling call: one application rejected, one approved in full (5,000.00 € remain).
    rollingCallId = (await givenCall(aCall({ budgetCents: ROLLING_BUDGET, referencePrefix: 'IM-2027-X' })))
      .id;
    app.rejected = await givenDecidedApplication(member, orgId, rollingCallId, reviewers, approver, {
      outcome: 'rejected',
      title: 'Projekt Abgelehnt',
    });
    app.approved = await givenDecidedApplication(member, orgId, rollingCallId, reviewers, approver, {
      title: 'Projekt Bewilligt',
    });
  });

  it('refuses while no objection is pending (409 with the status), changing nothing', async () => {
    const refused = await decideObjection(app.approved.id, {
      outcome: 'remedied',
      grantedCents: LOWER_GRANT,
      reasons: 'Die Honorare sind nur zum Teil förderfähig.',
    });
    expect(refused.status, refused.text).toBe(409);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body).toMatchObject({ currentStatus: 'APPROVED' });
    expect(await budget(rollingCallId)).toMatchObject({ committedCents: REQUESTED });
  });

  it('remedies with a lower amount: FINAL, the committed sum lowered by the difference, the waiting list moved up, the Abhilfebescheid issued', async () => {
    expect(await budget(competitiveCallId)).toMatchObject({ committedCents: REQUESTED });
    await notifyAndObject(app.best.id, 'Die Auflagen zur Kinderbetreuung sind für uns nicht erfüllbar.');

    // Four-eyes: an approver who assessed the application may not decide the objection.
    const fourEyes = await decideObjection(
      app.best.id,
      {
        outcome: 'remedied',
        grantedCents: LOWER_GRANT,
        reasons: 'Die Honorare sind nur zum Teil förderfähig.',
      },
      contentReviewer,
    );
    expect(fourEyes.status, fourEyes.text).toBe(403);
    expect((fourEyes.body as unknown as { detail: string }).detail).toContain('Vier-Augen-Prinzip');
    expect((await read(app.best.id)).status).toBe('APPEALED');

    const key = { 'idempotency-key': `abhilfe-${app.best.id}` };
    const body = {
      outcome: 'remedied',
      grantedCents: LOWER_GRANT,
      conditions: [],
      reasons: 'Ohne die Kinderbetreuung sind nur die Honorare der Sprachmittlung förderfähig.',
    };
    const remedied = await decideObjection(app.best.id, body, approver, key);
    expect(remedied.status, remedied.text).toBe(200);
    expect(remedied.body).toMatchObject({
      applicationId: app.best.id,
      status: 'FINAL',
      objection: { outcome: 'remedied', decidedBy: approver.sub, previousGrantedCents: REQUESTED },
      decision: { outcome: 'approved', grantedCents: LOWER_GRANT, decidedBy: approver.sub },
    });
    const retried = await decideObjection(app.best.id, body, approver, key);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(remedied.body);
    await drain();

    // The 4,402.00 € released let the waiting application (8,000.00 €) move up: it did not fit before.
    expect(await read(app.waiting.id)).toMatchObject({
      status: 'APPROVED',
      decision: { grantedCents: WAITING_PROPOSAL },
    });
    expect((await timeline(app.waiting.id)).map((entry) => entry.type)).toContain('MOVED_UP');
    const after = await budget(competitiveCallId);
    expect(after.committedCents).toBe(LOWER_GRANT + WAITING_PROPOSAL);
    expect(after.committedCents).toBeLessThanOrEqual(COMPETITIVE_BUDGET);

    const best = await read(app.best.id);
    expect(best).toMatchObject({
      status: 'FINAL',
      decision: { outcome: 'approved', grantedCents: LOWER_GRANT },
      objection: { outcome: 'remedied' },
    });
    // The applicant sees how it ended, not who decided it; the back office sees the grant before too.
    expect(best.objection?.decidedAt).toBeTruthy();
    expect(JSON.stringify(best.objection)).not.toContain(approver.sub);
    const backOffice = await api<{ objection?: Record<string, unknown> }>(
      'GET',
      `/api/review/applications/${app.best.id}`,
      { token: approver.token },
    );
    expect(backOffice.status, backOffice.text).toBe(200);
    expect(backOffice.body.objection).toMatchObject({
      outcome: 'remedied',
      decidedBy: approver.sub,
      previousGrantedCents: REQUESTED,
      reasons: 'Ohne die Kinderbetreuung sind nur die Honorare der Sprachmittlung förderfähig.',
    });
    expect(best.letters?.map((letter) => letter.kind)).toEqual(['zuwendungsbescheid', 'abhilfebescheid']);
    const letter = best.letters?.[1] as NonNullable<View['letters']>[number];
    const { text, missingGlyphs } = await pdfText(await letterPdf(keyOf(app.best.id, letter.id)));
    const all = text.replace(/\s+/g, ' ');
    for (const part of [
      'Abhilfebescheid',
      app.best.reference,
      ORGANISATION,
      'Ihrem Widerspruch wird abgeholfen (§ 72 VwGO)',
      'bis zu 10.000,00 €',
      'Bisher bewilligt',
      '14.402,00 €',
      'Ohne die Kinderbetreuung sind nur die Honorare der Sprachmittlung förderfähig.',
      'Rechtsbehelfsbelehrung',
      'Klage beim Verwaltungsgericht Dresden',
    ]) {
      expect(all, part).toContain(part);
    }
    expect(missingGlyphs).toBe(0);

    // Retrieving it serves it and notifies nothing: the application stays FINAL.
    const link = await retrieve(app.best.id, letter.id);
    expect(link.status, link.text).toBe(200);
    expect(link.body.letter).toMatchObject({ id: letter.id, kind: 'abhilfebescheid' });
    const download = await fetch(link.body.url);
    expect(download.status).toBe(200);
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const again = await read(app.best.id);
    expect(again.status).toBe('FINAL');
    expect(again.version).toBe(best.version);

    expect(await objectionNotices(app.best.reference)).toHaveLength(1);
    const entries = await timeline(app.best.id);
    expect(entries.filter((entry) => entry.type === 'NOTIFIED')).toHaveLength(1);
    expect(entries.find((entry) => entry.type === 'OBJECTION_DECIDED')?.title).toBe(
      'Dem Widerspruch wurde abgeholfen',
    );
  });

  it('refuses a remedy above the remaining budget (409 with remainingCents) and changes nothing', async () => {
    await notifyAndObject(
      app.rejected.id,
      'Unser Konzept erreicht die Zielgruppe sehr wohl, siehe Anlage 3.',
    );
    const before = await read(app.rejected.id);

    const refused = await decideObjection(app.rejected.id, {
      outcome: 'remedied',
      grantedCents: LOWER_GRANT,
      reasons: 'Die Zielgruppe ist im Konzept doch hinreichend beschrieben.',
    });
    expect(refused.status, refused.text).toBe(409);
    expect(refused.body).toMatchObject({ remainingCents: 500_000, requestedCents: LOWER_GRANT });
    expect(await budget(rollingCallId)).toMatchObject({ committedCents: REQUESTED, remainingCents: 500_000 });
    const after = await read(app.rejected.id);
    expect(after).toMatchObject({
      status: 'APPEALED',
      version: before.version,
      decision: { outcome: 'rejected' },
    });
  });

  it('dismisses: FINAL with the Widerspruchsbescheid and its Rechtsbehelfsbelehrung (Klage within one month), the budget untouched', async () => {
    const dismissed = await decideObjection(app.rejected.id, {
      outcome: 'dismissed',
      reasons: 'Auch nach erneuter Prüfung bleibt offen, wie die Neuzugewanderten erreicht werden sollen.',
    });
    expect(dismissed.status, dismissed.text).toBe(200);
    expect(dismissed.body).toMatchObject({
      status: 'FINAL',
      objection: { outcome: 'dismissed' },
      decision: { outcome: 'rejected' },
    });
    expect(dismissed.body.objection.previousGrantedCents).toBeUndefined();
    await drain();

    const view = await read(app.rejected.id);
    expect(view.status).toBe('FINAL');
    expect(view.letters?.map((letter) => letter.kind)).toEqual([
      'ablehnungsbescheid',
      'widerspruchsbescheid',
    ]);
    const letter = view.letters?.[1] as NonNullable<View['letters']>[number];
    const { text, missingGlyphs } = await pdfText(await letterPdf(keyOf(app.rejected.id, letter.id)));
    const all = text.replace(/\s+/g, ' ');
    for (const part of [
      'Widerspruchsbescheid',
      app.rejected.reference,
      ORGANISATION,
      'gegen den Ablehnungsbescheid vom',
      'wird zurückgewiesen',
      '„Unser Konzept erreicht die Zielgruppe sehr wohl, siehe Anlage 3.“',
      'Auch nach erneuter Prüfung bleibt offen, wie die Neuzugewanderten erreicht werden sollen.',
      'Rechtsbehelfsbelehrung',
      'innerhalb eines Monats nach Zustellung dieses Widerspruchsbescheids Klage beim Verwaltungsgericht Dresden',
      '§ 74 Abs. 1 Satz 1 VwGO',
    ]) {
      expect(all, part).toContain(part);
    }
    expect(missingGlyphs).toBe(0);
    expect(await budget(rollingCallId)).toMatchObject({ committedCents: REQUESTED });
    expect(await objectionNotices(app.rejected.reference)).toHaveLength(1);
    expect((await timeline(app.rejected.id)).find((entry) => entry.type === 'OBJECTION_DECIDED')?.title).toBe(
      'Widerspruch zurückgewiesen',
    );

    // Decided is decided: a second decision finds no pending objection.
    const twice = await decideObjection(app.rejected.id, {
      outcome: 'dismissed',
      reasons: 'Noch einmal dieselbe Entscheidung, versehentlich.',
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ currentStatus: 'FINAL' });
  });
});
