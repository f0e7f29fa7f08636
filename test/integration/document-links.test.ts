import { beforeAll, describe, expect, it } from 'vitest';
import { aCall } from '../support/calls.ts';
import { aPdf, givenVerifiedDocument } from '../support/documents.ts';
import {
  api,
  drain,
  givenAssignments,
  givenCall,
  givenCompleteDraft,
  givenOrganisation,
  givenUser,
  type TestUser,
} from '../support/local-stack.ts';

interface DocumentLink {
  url: string;
  downloadUrl: string;
  expiresAt: string;
  document: { id: string; type: string; fileName: string; contentType: string; size: number };
}

/**
 * GET /api/applications/{id}/documents/{docId}: short-lived links to open or save a verified document,
 * for the organisation's members and for the back office that sees the application in full; the links
 * are fetched from the local S3 as a browser would.
 */
describe('document links', () => {
  let member: TestUser;
  let outsider: TestUser;
  let declared: TestUser;
  let undeclared: TestUser;
  let approver: TestUser;
  let applicationId: string;
  let documentId: string;
  let pdfSize: number;

  beforeAll(async () => {
    [member, outsider, declared, undeclared, approver] = await Promise.all([
      givenUser(['applicant'], 'links-member'),
      givenUser(['applicant'], 'links-outsider'),
      givenUser(['reviewer'], 'links-declared'),
      givenUser(['reviewer'], 'links-undeclared'),
      givenUser(['approver'], 'links-approver'),
    ]);
    const orgId = await givenOrganisation([member]);
    await givenOrganisation([outsider]);
    const callId = (await givenCall(aCall())).id;
    const draft = await givenCompleteDraft(member, orgId, callId, 'Begegnung im Stadtteil');
    documentId = await givenVerifiedDocument(member, draft.id, {
      fileName: 'Satzung Verein für Begegnung.pdf',
      text: 'Satzung des Vereins',
    });
    pdfSize = (await aPdf('Satzung des Vereins')).length;
    const submitted = await api('POST', `/api/applications/${draft.id}/submit`, { token: member.token });
    expect(submitted.status, submitted.text).toBe(202);
    await drain();
    applicationId = draft.id;
    // The content reviewer declared no conflict; the financial one has not declared yet.
    await givenAssignments(
      { id: draft.id, callId },
      { content: declared, financial: undeclared },
      { content: true, financial: false },
    );
  });

  const linkAs = (user: TestUser, docId = documentId, id = applicationId) =>
    api<DocumentLink>('GET', `/api/applications/${id}/documents/${docId}`, { token: user.token });

  it('gives a member links that open the checked file in the browser and save it under its name', async () => {
    const response = await linkAs(member);
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body.document).toEqual({
      id: documentId,
      type: 'other',
      fileName: 'Satzung Verein für Begegnung.pdf',
      contentType: 'application/pdf',
      size: pdfSize,
    });
    const minutes = (Date.parse(response.body.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(4);
    expect(minutes).toBeLessThanOrEqual(5);

    const opened = await fetch(response.body.url);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('application/pdf');
    expect(opened.headers.get('content-disposition')).toMatch(/^inline;/);
    const bytes = new Uint8Array(await opened.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(bytes.length).toBe(pdfSize);

    const saved = await fetch(response.body.downloadUrl);
    expect(saved.status).toBe(200);
    await saved.arrayBuffer();
    expect(saved.headers.get('content-disposition')).toBe(
      `attachment; filename="Satzung Verein fur Begegnung.pdf"; filename*=UTF-8''Satzung%20Verein%20f%C3%BCr%20Begegnung.pdf`,
    );
  });

  it('gives the links to approvers and to an assigned reviewer who declared no conflict', async () => {
    expect((await linkAs(approver)).status).toBe(200);
    const reviewer = await linkAs(declared);
    expect(reviewer.status, reviewer.text).toBe(200);
    expect((await fetch(reviewer.body.url)).status).toBe(200);
  });

  it('answers 404 to a reviewer who has not declared, to other organisations, and for unknown or unchecked documents', async () => {
    for (const user of [undeclared, outsider]) {
      const response = await linkAs(user);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await linkAs(member, '00000000-0000-4000-8000-000000000000')).status).toBe(404);

    // A document announced but never uploaded, then completed: rejected, so there is nothing to open.
    const orgId = await givenOrganisation([member]);
    const callId = (await givenCall(aCall())).id;
    const draft = await givenCompleteDraft(member, orgId, callId);
    const announced = await api<{ document: { id: string } }>(
      'POST',
      `/api/applications/${draft.id}/documents`,
      {
        token: member.token,
        body: { type: 'other', fileName: 'Leer.pdf', contentType: 'application/pdf', size: 10 },
      },
    );
    const pendingId = announced.body.document.id;
    expect((await linkAs(member, pendingId, draft.id)).status).toBe(404);
    await api('POST', `/api/applications/${draft.id}/documents/${pendingId}/complete`, {
      token: member.token,
    });
    expect((await linkAs(member, pendingId, draft.id)).status).toBe(404);
  });
});
