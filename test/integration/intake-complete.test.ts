import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/local-stack.ts';
import { submittedCopyKey } from '../../shared/adapters/s3-submitted-copies.ts';
import type { Application } from '../../shared/domain/application.ts';
import { nachforderungDueAt } from '../../shared/domain/intake.ts';
import { berlinDeadline } from '../../shared/letters/labels.ts';
import { aCall } from '../support/calls.ts';
import {
  api,
  documentClient,
  drain,
  givenCall,
  givenCompleteDraft,
  givenOrganisation,
  givenUser,
  type TestUser,
} from '../support/local-stack.ts';
import { anOrganisationProfile } from '../support/organisations.ts';
import { pdfText } from '../support/pdf-text.ts';

/** What the local SES keeps of a sent email (its store is what its mail viewer shows). */
interface StoredMail {
  messageId: string;
  subject: string;
  destination: { to: string[] };
  body: { text?: string };
  attachments: { filename?: string; contentType: string; content: string; size: number }[];
}

// The completeness check between submit and review, end to end: submit through the API, the stream,
// the dispatcher, the synthesized state machine with every task, DynamoDB Local, s3rver and SES local.
// This file stops the workflows and moves the clock, so it runs a stack of its own.
describe('intake: Aktenzeichen, PDF copy, completeness check, receipt', () => {
  let own: LocalStack;
  let dataDir: string;
  let member: TestUser;
  let callId: string;
  const prefix = 'IM-2027-E';

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'foerderflow-intake-'));
    own = await startLocalStack({ dataDir });
    member = await givenUser(['applicant'], 'intake-complete', own);
    callId = (
      await givenCall(
        aCall({
          referencePrefix: prefix,
          title: { de: 'Spracherwerb 2027', en: 'Language acquisition 2027' },
          requiredDocuments: [
            { id: 'satzung', label: { de: 'Satzung', en: 'Articles of association' }, mandatory: true },
          ],
        }),
        own,
      )
    ).id;
  });
  afterAll(async () => {
    await own?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const control = async (route: string, body?: unknown) => {
    const response = await fetch(`${own.controlUrl}${route}`, {
      method: route === '/clock' ? 'PUT' : 'POST',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, `${route}: ${await response.clone().text()}`).toBeLessThan(300);
    return response;
  };

  const mails = async (): Promise<StoredMail[]> =>
    ((await (await fetch(`${own.sesEndpoint}/store`)).json()) as { emails: StoredMail[] }).emails;

  const receiptsOf = async (reference: string) =>
    (await mails()).filter(
      (mail) => mail.destination.to.includes(member.email) && mail.subject.includes(reference),
    );

  /** The application as stored, with what the API does not show (the Nachforderung). */
  const stored = async (id: string) =>
    (
      await documentClient(own).send(
        new GetCommand({
          TableName: own.tableName,
          Key: { pk: `APP#${id}`, sk: 'APP' },
          ConsistentRead: true,
        }),
      )
    ).Item as Application & Record<string, unknown>;

  /** Uploads the articles of association as a browser does: announce, post to the form, complete. */
  async function uploadSatzung(applicationId: string, fileName: string) {
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]).drawText('Satzung des Vereins', {
      x: 50,
      y: 780,
      font: await pdf.embedFont(StandardFonts.Helvetica),
    });
    const bytes = await pdf.save();
    const announced = await api<{
      document: { id: string };
      upload: { url: string; fields: Record<string, string> };
    }>('POST', `/api/applications/${applicationId}/documents`, {
      token: member.token,
      body: { type: 'satzung', fileName, contentType: 'application/pdf', size: bytes.length },
      on: own,
    });
    expect(announced.status, announced.text).toBe(201);
    const form = new FormData();
    for (const [name, value] of Object.entries(announced.body.upload.fields)) form.append(name, value);
    form.append('file', new Blob([bytes], { type: 'application/pdf' }), fileName);
    const posted = await fetch(announced.body.upload.url, { method: 'POST', body: form });
    await posted.arrayBuffer();
    expect(posted.status).toBe(204);
    const completed = await api<{ status: string }>(
      'POST',
      `/api/applications/${applicationId}/documents/${announced.body.document.id}/complete`,
      { token: member.token, on: own },
    );
    expect(completed.body.status).toBe('verified');
  }

  /** A complete draft of a fresh organisation with its Satzung uploaded: ready to submit. */
  async function givenReadyDraft(title: string) {
    const orgId = await givenOrganisation([member], own);
    const draft = await givenCompleteDraft(member, orgId, callId, title, own);
    await uploadSatzung(draft.id, 'Satzung Brücken e.V.pdf');
    return { orgId, id: draft.id };
  }

  const submit = async (id: string) => {
    const response = await api('POST', `/api/applications/${id}/submit`, { token: member.token, on: own });
    expect(response.status, response.text).toBe(202);
  };

  const read = async (id: string) =>
    (
      await api<{ status: string; reference?: string; processing: boolean }>(
        'GET',
        `/api/applications/${id}`,
        {
          token: member.token,
          on: own,
        },
      )
    ).body;

  it('sends a complete application to review with one receipt, German then English, and its PDF copy', async () => {
    const { id } = await givenReadyDraft('Deutschkurs mit Kinderbetreuung');
    await submit(id);
    await drain(own);

    const application = await read(id);
    expect(application).toMatchObject({ status: 'IN_REVIEW', processing: false });
    const reference = application.reference as string;
    expect(reference).toMatch(new RegExp(`^${prefix}-\\d{6}$`));

    const receipts = await receiptsOf(reference);
    expect(receipts).toHaveLength(1);
    const [receipt] = receipts as [StoredMail];
    expect(receipt.subject).toBe(
      `Eingangsbestätigung ${reference}: Deutschkurs mit Kinderbetreuung / Receipt of your application`,
    );
    const text = receipt.body.text ?? '';
    expect(text).toContain(`Aktenzeichen: ${reference}`);
    expect(text).toContain('„Spracherwerb 2027"');
    expect(text).toMatch(/- Satzung Brücken e\.V\.pdf \(Satzung, \d+(,\d)? K?B\)/);
    expect(text).toContain('Ihr Antrag ist vollständig');
    expect(text).toContain('fachlich und finanziell begutachtet');
    expect(text).toContain(`Reference number: ${reference}`);
    expect(text).toMatch(/- Satzung Brücken e\.V\.pdf \(Articles of association, \d+(\.\d)? K?B\)/);
    expect(text).toContain('Your application is complete');
    expect(text.indexOf('Guten Tag')).toBeLessThan(text.indexOf('— English —'));
    expect(text.indexOf('— English —')).toBeLessThan(text.indexOf('Your application'));

    expect(receipt.attachments).toHaveLength(1);
    const [attachment] = receipt.attachments as [StoredMail['attachments'][number]];
    expect(attachment).toMatchObject({ filename: `Antrag-${reference}.pdf`, contentType: 'application/pdf' });
    const pdf = Buffer.from(attachment.content, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThanOrEqual(2);
    const copyText = (await pdfText(pdf)).text;
    expect(copyText).toContain(reference);
    expect(copyText).toContain('Deutschkurs mit Kinderbetreuung');
    expect(copyText).toContain('Satzung Brücken e.V.pdf');

    // The copy sent is the copy kept in the letters bucket for the file.
    const item = await stored(id);
    const bucket = Object.entries(own.bucketNames).find(([logicalId]) =>
      logicalId.startsWith('Letters'),
    )?.[1];
    const s3 = new S3Client({
      endpoint: own.s3Endpoint,
      region: own.region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      forcePathStyle: true,
    });
    const object = await s3.send(
      new GetObjectCommand({ Bucket: bucket, Key: submittedCopyKey(id, item.submittedAt as string) }),
    );
    expect(object.ContentType).toBe('application/pdf');
    expect(Buffer.from((await object.Body?.transformToByteArray()) ?? []).equals(pdf)).toBe(true);
  });

  let incompleteId: string;

  it('finds a profile made incomplete between submit and intake: INCOMPLETE, items, due date, one email saying so', async () => {
    const { id, orgId } = await givenReadyDraft('Alphabetisierung für Erwachsene');
    await control('/workflows/stop');
    try {
      await submit(id);
      // Meanwhile a member empties the representative in the organisation's profile.
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
    incompleteId = id;

    expect(await read(id)).toMatchObject({ status: 'INCOMPLETE', processing: false });
    const item = await stored(id);
    const nachforderung = item.nachforderung;
    expect(nachforderung).toMatchObject({
      requestedBy: 'system',
      items: [
        {
          path: 'organisation.representative.name',
          code: 'missing',
          message: {
            de: 'Bitte ergänzen Sie: die vertretungsberechtigte Person.',
            en: 'Please add: the legal representative.',
          },
        },
      ],
    });
    // The end of the 14th day after the check, Berlin time.
    expect(nachforderung?.dueAt).toBe(nachforderungDueAt(new Date(nachforderung?.requestedAt as string)));
    expect(Date.parse(nachforderung?.dueAt as string) - Date.now()).toBeGreaterThan(13 * 86_400_000);
    expect(Date.parse(nachforderung?.dueAt as string) - Date.now()).toBeLessThan(15 * 86_400_000);

    // Found by the due-date index, where the deadlines workflow will look for overdue ones (its sort
    // key is the due date in UTC, so that string order is time order).
    expect([item.gsi4pk, item.gsi4sk]).toEqual([
      'DUE#NACHFORDERUNG',
      `${new Date(nachforderung?.dueAt as string).toISOString()}#${id}`,
    ]);
    const reference = item.reference as string;
    const receipts = await receiptsOf(reference);
    expect(receipts).toHaveLength(1);
    const [receipt] = receipts as [StoredMail];
    expect(receipt.subject).toBe(
      `Eingangsbestätigung und Nachforderung ${reference}: Alphabetisierung für Erwachsene / Receipt and request for missing items`,
    );
    const text = receipt.body.text ?? '';
    expect(text).toContain('- Bitte ergänzen Sie: die vertretungsberechtigte Person.');
    expect(text).toContain(`spätestens bis ${berlinDeadline(nachforderung?.dueAt as string, 'de')}`);
    expect(text).toContain('- Please add: the legal representative.');
    expect(text).toContain(`by ${berlinDeadline(nachforderung?.dueAt as string, 'en')} at the latest`);
    expect(text).not.toContain('Ihr Antrag ist vollständig');
    expect(receipt.attachments.map((a) => a.filename)).toEqual([`Antrag-${reference}.pdf`]);
  });

  it('sends nothing more and changes nothing when the stream records are delivered again', async () => {
    const before = await stored(incompleteId);
    const mailsBefore = (await mails()).length;

    const redelivery = await control('/stream/redeliver', { applicationId: incompleteId });
    expect(((await redelivery.json()) as { redelivered: number }).redelivered).toBeGreaterThanOrEqual(1);
    await drain(own);

    expect(await stored(incompleteId)).toEqual(before);
    expect((await mails()).length).toBe(mailsBefore);
  });

  it('sends an application handed in on time to review although the call closed before the intake ran', async () => {
    const closing = (
      await givenCall(
        aCall({
          referencePrefix: 'IM-2027-F',
          closesAt: new Date(Date.now() + 86_400_000).toISOString(),
          requiredDocuments: [],
        }),
        own,
      )
    ).id;
    const orgId = await givenOrganisation([member], own);
    const draft = await givenCompleteDraft(member, orgId, closing, 'Kurz vor Fristende', own);
    await control('/workflows/stop');
    try {
      await submit(draft.id);
      await control('/clock', { offsetMs: 2 * 86_400_000 });
    } finally {
      await control('/workflows/start');
    }
    try {
      await drain(own);
    } finally {
      await control('/clock', { offsetMs: 0 });
    }
    expect(await read(draft.id)).toMatchObject({ status: 'IN_REVIEW', processing: false });
    expect((await stored(draft.id)).nachforderung).toBeUndefined();
  });
  it('shows the Nachforderung to the applicant and takes the supplement: same Aktenzeichen, then review', async () => {
    const before = await stored(incompleteId);
    const view = await api<{
      status: string;
      nachforderung?: { dueAt: string; items: { path: string; message: string }[] };
    }>('GET', `/api/applications/${incompleteId}`, { token: member.token, on: own });
    expect(view.body.nachforderung).toEqual({
      requestedAt: before.nachforderung?.requestedAt,
      dueAt: before.nachforderung?.dueAt,
      items: [
        {
          path: 'organisation.representative.name',
          code: 'missing',
          message: 'Bitte ergänzen Sie: die vertretungsberechtigte Person.',
        },
      ],
    });

    // The association names its representative again and hands in the supplement (same endpoint).
    const fixed = await api('PUT', `/api/organisations/${before.orgId}`, {
      token: member.token,
      body: anOrganisationProfile(),
      headers: { 'if-match': '"2"' },
      on: own,
    });
    expect(fixed.status, fixed.text).toBe(200);
    await submit(incompleteId);
    await drain(own);

    const after = await stored(incompleteId);
    expect(after).toMatchObject({ status: 'IN_REVIEW', reference: before.reference });
    expect(after.supplementedAt).toBeDefined();
    expect(after.gsi4pk).toBeUndefined();
    const timeline = await api<{ items: { type: string }[] }>(
      'GET',
      `/api/applications/${incompleteId}/timeline`,
      { token: member.token, on: own },
    );
    expect(timeline.body.items.map((item) => item.type).filter((type) => type !== 'DRAFT_UPDATED')).toEqual([
      'DRAFT_CREATED',
      'SUBMITTED',
      'REFERENCE_ALLOCATED',
      'DOCUMENTS_REQUESTED',
      'RESUBMITTED',
      'REVIEW_STARTED',
    ]);
    // A receipt for the supplement too, under the same Aktenzeichen.
    expect(await receiptsOf(before.reference as string)).toHaveLength(2);
  });
});
