import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbApplicationRepository } from '../../shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { keys } from '../../shared/adapters/dynamodb/keys.ts';
import type { Application } from '../../shared/domain/application.ts';
import { decideTransition } from '../../shared/domain/lifecycle.ts';
import { aCall } from '../support/calls.ts';
import {
  api,
  documentClient,
  drain,
  givenAssessedApplication,
  givenCall,
  givenOrganisation,
  givenUser,
  stack,
  type TestUser,
} from '../support/local-stack.ts';
import { anOrganisationProfile } from '../support/organisations.ts';
import { pdfText } from '../support/pdf-text.ts';

/** What the local SES keeps of a sent email (its store is what its mail viewer shows). */
interface StoredMail {
  subject: string;
  destination: { to: string[] };
  body: { text?: string };
  attachments?: unknown[];
}

const ORGANISATION = 'Verein Zukunft Łódź–Київ e.V.';

// A decision through the API, then the stream, the dispatcher and the synthesized decision workflow
// with every task, on DynamoDB Local, s3rver and SES local.
describe('decision workflow: the Bescheid in S3 and one email that it waits in the portal (or the waiting-list notice)', () => {
  let applicant: TestUser;
  let contentReviewer: TestUser;
  let financialReviewer: TestUser;
  let approver: TestUser;
  let orgId: string;
  let callId: string;

  beforeAll(async () => {
    [applicant, contentReviewer, financialReviewer, approver] = await Promise.all([
      givenUser(['applicant'], 'bescheid'),
      givenUser(['reviewer'], 'bescheid-content'),
      givenUser(['reviewer'], 'bescheid-financial'),
      givenUser(['approver'], 'bescheid-approver'),
    ]);
    orgId = await givenOrganisation(
      [applicant],
      undefined,
      anOrganisationProfile({ legalName: ORGANISATION }),
    );
    callId = (
      await givenCall(aCall({ title: { de: 'Kleinprojekte Bescheid', en: 'Small projects letters' } }))
    ).id;
  });

  const reviewers = () => ({ content: contentReviewer, financial: financialReviewer });
  const decide = async (id: string, body: unknown) => {
    const response = await api('POST', `/api/review/applications/${id}/decision`, {
      token: approver.token,
      body,
    });
    expect(response.status, response.text).toBe(200);
  };
  const stored = async (id: string) =>
    (await documentClient().send(new GetCommand({ TableName: stack().tableName, Key: keys.application(id) })))
      .Item as Application;
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
  const noticesOf = async (reference: string) =>
    ((await (await fetch(`${stack().sesEndpoint}/store`)).json()) as { emails: StoredMail[] }).emails.filter(
      (mail) =>
        mail.destination.to.includes(applicant.email) &&
        mail.subject.startsWith(`Ein Bescheid zu Ihrem Antrag ${reference} liegt im Portal bereit`),
    );
  const redeliver = async (id: string) => {
    const response = await fetch(`${stack().controlUrl}/stream/redeliver`, {
      method: 'POST',
      body: JSON.stringify({ applicationId: id }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { redelivered: number }).redelivered).toBeGreaterThanOrEqual(1);
    await drain();
  };

  it('an approval gets a Zuwendungsbescheid in S3 with reference and amount, and one notice, even when dispatched again', async () => {
    const application = await givenAssessedApplication(applicant, orgId, callId, reviewers(), {
      title: 'Мост – Sprachcafé für Familien',
    });
    await decide(application.id, {
      outcome: 'approved',
      grantedCents: 1_200_000,
      conditions: ['Ein Zwischenbericht ist bis zum Ende des sechsten Projektmonats vorzulegen.'],
      reasons: 'Die Ausgaben für Verpflegung sind nicht zuwendungsfähig.',
    });
    await drain();

    const item = await stored(application.id);
    expect(item.status).toBe('APPROVED');
    expect(item.pendingWork).toBeUndefined(); // the workflow ran to its end
    expect(item.letters).toHaveLength(1);
    const [letter] = item.letters as [NonNullable<Application['letters']>[number]];
    expect(letter).toMatchObject({ kind: 'zuwendungsbescheid' });
    expect(letter.key).toBe(`letters/${application.id}/${letter.id}.pdf`);

    const pdf = await letterPdf(letter.key);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, missingGlyphs } = await pdfText(pdf);
    expect(missingGlyphs).toBe(0);
    for (const expected of [
      'Zuwendungsbescheid',
      application.reference,
      '12.000,00 €',
      ORGANISATION,
      'Мост – Sprachcafé für Familien',
      'Ein Zwischenbericht ist bis zum Ende des sechsten',
      'Rechtsbehelfsbelehrung',
    ]) {
      expect(text, expected).toContain(expected);
    }

    const notices = await noticesOf(application.reference);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body.text).toContain('am Tag nach seinem ersten Abruf im Portal als bekannt gegeben');
    expect(notices[0]?.attachments ?? []).toHaveLength(0);

    // The applicant's timeline says the letter waits in the portal.
    const timeline = await api<{ items: { type: string; title: string; by: { kind: string } }[] }>(
      'GET',
      `/api/applications/${application.id}/timeline`,
      { token: applicant.token, headers: { 'accept-language': 'de' } },
    );
    expect(timeline.body.items.find((entry) => entry.type === 'LETTER_ISSUED')).toMatchObject({
      title: 'Bescheid liegt im Portal bereit',
      by: { kind: 'funding-body' },
    });

    // Dispatched twice: the same stream records again run the workflow again, which issues and sends nothing.
    await redeliver(application.id);
    const again = await stored(application.id);
    expect(again.letters).toEqual(item.letters);
    expect(again.version).toBe(item.version);
    expect(await noticesOf(application.reference)).toHaveLength(1);
  });

  it('a rejection gets an Ablehnungsbescheid in S3 with reference, the amount applied for and the reasons, and one notice', async () => {
    const application = await givenAssessedApplication(applicant, orgId, callId, reviewers(), {
      title: 'Elterncafé جسر',
    });
    await decide(application.id, {
      outcome: 'rejected',
      reasons: 'Das Konzept lässt nicht erkennen, wie die Familien erreicht werden sollen.',
    });
    await drain();
    await redeliver(application.id);

    const item = await stored(application.id);
    expect(item.status).toBe('REJECTED');
    expect(item.letters).toHaveLength(1);
    expect(item.letters?.[0]?.kind).toBe('ablehnungsbescheid');
    const { text, missingGlyphs } = await pdfText(await letterPdf(item.letters?.[0]?.key as string));
    expect(missingGlyphs).toBe(0);
    for (const expected of [
      'Ablehnungsbescheid',
      application.reference,
      '14.402,00 €', // the grant applied for
      ORGANISATION,
      'Das Konzept lässt nicht erkennen',
      'Rechtsbehelfsbelehrung',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(await noticesOf(application.reference)).toHaveLength(1);
  });

  it('a place on the waiting list gets one waiting-list notice and no Bescheid', async () => {
    const application = await givenAssessedApplication(applicant, orgId, callId, reviewers(), {
      title: 'Lernpatenschaften',
    });
    // Competitive batches are not decided through this file's rolling call: the place is written as
    // the batch decision writes it (the lifecycle's waitlist, with the decision workflow marked).
    const repository = new DynamoDbApplicationRepository(documentClient(), stack().tableName);
    const current = (await repository.get(application.id)) as Application;
    const transition = decideTransition(current.status, 'waitlist', 'approver');
    if (!transition.allowed || !transition.followUp) throw new Error('waitlist not allowed');
    const at = new Date().toISOString();
    const next: Application = {
      ...current,
      status: transition.to,
      version: current.version + 1,
      updatedAt: at,
      updatedBy: approver.sub,
      waitingList: {
        batchId: 'batch-test',
        rank: 3,
        proposedGrantCents: 1_000_000,
        conditions: [],
        placedBy: approver.sub,
        placedAt: at,
      },
      pendingWork: transition.followUp,
      pendingSince: at,
    };
    await repository.save(
      next,
      {
        applicationId: current.id,
        version: next.version,
        at,
        actor: approver.sub,
        type: 'WAITLISTED',
        from: current.status,
        to: next.status,
      },
      current.version,
    );
    await drain();
    await redeliver(application.id);

    const item = await stored(application.id);
    expect(item.status).toBe('WAITLISTED');
    expect(item.pendingWork).toBeUndefined();
    expect(item.letters ?? []).toHaveLength(0);
    const mails = ((await (await fetch(`${stack().sesEndpoint}/store`)).json()) as { emails: StoredMail[] })
      .emails;
    const waiting = mails.filter((mail) =>
      mail.subject.startsWith(`Ihr Antrag ${application.reference} steht auf der Warteliste`),
    );
    expect(waiting).toHaveLength(1);
    expect(waiting[0]?.body.text).toContain('auf Rang 3');
    expect(await noticesOf(application.reference)).toHaveLength(0);
  });
});
