import type { DraftContent } from '../../shared/api/schemas/draft.schema.ts';
import type { Application } from '../../shared/domain/application.ts';
import type { ApplicationDocument } from '../../shared/domain/document.ts';
import { aCompleteDraftContent } from './drafts.ts';

/**
 * A submitted application with complete content (see drafts.ts) and its Aktenzeichen, as the intake
 * finds it after AllocateReference; overrides for the case at hand.
 */
export function aSubmittedApplication(overrides: Partial<Application> = {}): Application {
  const submittedAt = '2027-03-12T09:15:00.000Z';
  return {
    id: '7d3f6a2e-4b1c-4e8a-9f00-000000000001',
    orgId: '5b0c1f0e-2b1d-4a53-9a35-0c6f4f0e1a01',
    callId: 'call-1',
    ...(aCompleteDraftContent() as DraftContent),
    title: 'Sprachcafé für Familien',
    status: 'SUBMITTED',
    version: 4,
    createdAt: '2027-03-01T08:00:00.000Z',
    createdBy: 'amira',
    updatedAt: submittedAt,
    updatedBy: 'system:intake',
    submittedAt,
    submittedBy: 'amira',
    contactEmail: 'amira@example.org',
    reference: 'IM-2027-C-000042',
    pendingWork: 'intake',
    pendingSince: submittedAt,
    ...overrides,
  };
}

/** A verified supporting document of an application. */
export function aDocument(overrides: Partial<ApplicationDocument> = {}): ApplicationDocument {
  const id = overrides.id ?? '0a1b2c3d-0000-4000-8000-000000000001';
  const applicationId = overrides.applicationId ?? '7d3f6a2e-4b1c-4e8a-9f00-000000000001';
  return {
    id,
    applicationId,
    type: 'satzung',
    fileName: 'Satzung-2024.pdf',
    contentType: 'application/pdf',
    size: 182_345,
    key: `applications/${applicationId}/documents/${id}`,
    status: 'verified',
    uploadedAt: '2027-03-10T10:00:00.000Z',
    uploadedBy: 'amira',
    verifiedAt: '2027-03-10T10:00:05.000Z',
    ...overrides,
  };
}
