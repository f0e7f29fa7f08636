import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { LocalStackInfo } from '../../infra/local/local-stack.ts';
import { api, type TestUser } from './local-stack.ts';

/** A real one-page PDF with this line of text (pdf-lib), as an applicant would upload it. */
export async function aPdf(text: string): Promise<Uint8Array> {
  // No creation and modification dates (pdf-lib writes 'now'): the same text always gives the same bytes,
  // so a test can compare sizes of two PDFs made a second apart.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const page = pdf.addPage([595, 842]);
  page.drawText(text, { x: 50, y: 780, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return pdf.save();
}

/**
 * Given a verified document on an application that is still editable (a draft, or INCOMPLETE): announced
 * by the member through the API, uploaded to the presigned form as a browser does, and completed, so the
 * server checked it. Returns the document's id.
 */
export async function givenVerifiedDocument(
  member: TestUser,
  applicationId: string,
  document: { type?: string; fileName?: string; text?: string } = {},
  on?: LocalStackInfo,
): Promise<string> {
  const bytes = await aPdf(document.text ?? 'Satzung des Vereins');
  const announced = await api<{
    document: { id: string; fileName: string };
    upload: { url: string; fields: Record<string, string> };
  }>('POST', `/api/applications/${applicationId}/documents`, {
    token: member.token,
    body: {
      type: document.type ?? 'other',
      fileName: document.fileName ?? 'Satzung.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
    },
    on,
  });
  if (announced.status !== 201) throw new Error(`document not announced: ${announced.text}`);
  const form = new FormData();
  for (const [name, value] of Object.entries(announced.body.upload.fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), announced.body.document.fileName);
  const uploaded = await fetch(announced.body.upload.url, { method: 'POST', body: form });
  await uploaded.arrayBuffer();
  if (!uploaded.ok) throw new Error(`upload refused: ${uploaded.status}`);
  const completed = await api<{ status: string }>(
    'POST',
    `/api/applications/${applicationId}/documents/${announced.body.document.id}/complete`,
    { token: member.token, on },
  );
  if (completed.body.status !== 'verified') throw new Error(`document not verified: ${completed.text}`);
  return announced.body.document.id;
}
