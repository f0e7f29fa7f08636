import type { DocumentView } from '../api/schemas/document.schema.ts';
import type { ApplicationDocument } from '../domain/document.ts';
import type { Language } from './language.ts';

/**
 * What members see of a document: its display name, where the check stands and, if refused, why in
 * their language. Internal details (the storage key, the checked object's version) stay inside.
 */
export function toDocumentView(document: ApplicationDocument, language: Language): DocumentView {
  return {
    id: document.id,
    type: document.type,
    fileName: document.fileName,
    contentType: document.contentType,
    size: document.size,
    status: document.status,
    ...(document.rejection
      ? { rejectionReason: document.rejection.reason[language], rejectionCode: document.rejection.code }
      : {}),
    uploadedAt: document.uploadedAt,
    uploadedBy: document.uploadedBy,
    ...(document.verifiedAt ? { verifiedAt: document.verifiedAt } : {}),
  };
}
