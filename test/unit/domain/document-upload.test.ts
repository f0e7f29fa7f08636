import { describe, expect, it } from 'vitest';
import type { ApplicationDocument } from '../../../shared/domain/document.ts';
import {
  documentKey,
  documentTypeViolations,
  newPendingDocument,
  replacedBy,
  uploadPolicy,
} from '../../../shared/domain/document-upload.ts';

const APP = '0b6f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

const call = {
  requiredDocuments: [
    { id: 'satzung', label: { de: 'Satzung', en: 'Articles' }, mandatory: true },
    { id: 'finanzplan', label: { de: 'Finanzplan', en: 'Budget' }, mandatory: false },
  ],
};

function aDocument(id: string, type: string, status: ApplicationDocument['status']): ApplicationDocument {
  return {
    id,
    applicationId: APP,
    type,
    fileName: `${id}.pdf`,
    contentType: 'application/pdf',
    size: 100,
    key: documentKey(APP, id),
    status,
    uploadedAt: '2026-11-25T10:00:00.000Z',
    uploadedBy: 'amira',
  };
}

describe('documentTypeViolations', () => {
  it("accepts the call's required document ids and 'other'", () => {
    expect(documentTypeViolations(call, 'satzung')).toEqual([]);
    expect(documentTypeViolations(call, 'other')).toEqual([]);
  });

  it('refuses any other type with a finding on `type` that lists the possible ones', () => {
    const [violation, ...rest] = documentTypeViolations(call, 'lebenslauf');
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ path: 'type', code: 'unknown-document-type' });
    expect(violation?.message.en).toContain('satzung, finanzplan, other');
  });
});

describe('newPendingDocument', () => {
  it('keys the object by ids only, whatever the file is called, and sanitises the shown name', () => {
    const document = newPendingDocument({
      id: 'd1',
      applicationId: APP,
      body: { type: 'satzung', fileName: '../../etc/passwd', contentType: 'application/pdf', size: 5 },
      actor: 'amira',
      now: new Date('2026-11-25T10:00:00Z'),
    });
    expect(document).toMatchObject({
      key: `applications/${APP}/d1`,
      fileName: 'passwd.pdf',
      status: 'pending',
      uploadedAt: '2026-11-25T10:00:00.000Z',
    });
  });
});

describe('uploadPolicy', () => {
  it('allows exactly the issued key, the announced size and the announced type, for 15 minutes', () => {
    expect(uploadPolicy({ key: `applications/${APP}/d1`, contentType: 'image/png', size: 4711 })).toEqual({
      key: `applications/${APP}/d1`,
      fields: { 'Content-Type': 'image/png' },
      conditions: [
        ['content-length-range', 4711, 4711],
        ['eq', '$Content-Type', 'image/png'],
      ],
      expiresInSeconds: 900,
    });
  });
});

describe('replacedBy', () => {
  it('replaces the finished documents of the same required type and keeps pending ones', () => {
    const verified = { ...aDocument('new', 'satzung', 'verified') };
    const documents = [
      aDocument('old-verified', 'satzung', 'verified'),
      aDocument('old-rejected', 'satzung', 'rejected'),
      aDocument('in-flight', 'satzung', 'pending'),
      aDocument('budget', 'finanzplan', 'verified'),
      verified,
    ];
    const { replaced, stillPending } = replacedBy(verified, documents);
    expect(replaced.map((d) => d.id)).toEqual(['old-verified', 'old-rejected']);
    expect(stillPending.map((d) => d.id)).toEqual(['in-flight']);
  });

  it("never replaces 'other' documents: there may be many", () => {
    const verified = aDocument('new', 'other', 'verified');
    expect(replacedBy(verified, [aDocument('old', 'other', 'verified'), verified])).toEqual({
      replaced: [],
      stillPending: [],
    });
  });
});
