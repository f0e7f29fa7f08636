import type { NewDocumentBody } from '../../api/schemas/document.schema.ts';
import type { Clock } from '../../domain/clock.ts';
import type { ApplicationDocument } from '../../domain/document.ts';
import {
  documentTypeViolations,
  MAX_DOCUMENTS_PER_APPLICATION,
  newPendingDocument,
  UPLOAD_EXPIRY_SECONDS,
  uploadPolicy,
} from '../../domain/document-upload.ts';
import { ConcurrentChangeError, ConflictError, RuleViolationError } from '../../domain/errors.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { DocumentStore, UploadForm } from '../../ports/document-store.ts';
import { callOf } from '../get-application.ts';
import {
  applicationOfMember,
  ensureEditable,
  explainFailedWrite,
  type MemberDocumentDeps,
} from './member-application.ts';

export interface CreateDocumentDeps extends MemberDocumentDeps {
  calls: CallRepository;
  store: DocumentStore;
  clock: Clock;
  newId: () => string;
}

export interface CreatedDocument {
  document: ApplicationDocument;
  /** The signed form to post the file with, and until when it works. */
  upload: UploadForm & { expiresAt: string };
}

/**
 * A member announces a supporting document and gets a form to upload it with.
 * Primary course:
 * 1. The caller is a member of the owning organisation (else: not found).
 * 2. The application is editable (a draft, or incomplete after a Nachforderung): else 409.
 * 3. The type is one the call asks for, or 'other' (else 422 naming `type`).
 * 4. The application holds fewer than MAX_DOCUMENTS_PER_APPLICATION documents (else 409).
 * 5. A pending document is stored under a key the server chooses, with the file name sanitised, on
 *    the condition that the application is still editable.
 * 6. A presigned POST is signed for exactly that key, the announced size and type, for 15 minutes.
 * The browser then uploads straight to S3 and calls complete; nothing counts before that check.
 */
export async function createDocument(
  deps: CreateDocumentDeps,
  actor: { sub: string },
  input: { applicationId: string; body: NewDocumentBody },
): Promise<CreatedDocument> {
  const application = await applicationOfMember(deps, actor, input.applicationId);
  ensureEditable(application);
  const call = await callOf(deps.calls, application);
  const violations = documentTypeViolations(call, input.body.type);
  if (violations.length > 0) throw new RuleViolationError(violations);

  // A soft limit: two uploads announced at the same instant may both pass at 29. It exists against
  // runaway clients, for which one more document does not matter.
  const existing = await deps.documents.listByApplication(application.id);
  if (existing.length >= MAX_DOCUMENTS_PER_APPLICATION) {
    throw new ConflictError(
      {
        de: `Ein Antrag kann höchstens ${MAX_DOCUMENTS_PER_APPLICATION} Unterlagen haben. Bitte löschen Sie nicht mehr benötigte, bevor Sie weitere hochladen.`,
        en: `An application can hold at most ${MAX_DOCUMENTS_PER_APPLICATION} documents. Please delete those no longer needed before uploading more.`,
      },
      { limit: MAX_DOCUMENTS_PER_APPLICATION },
    );
  }

  const now = deps.clock.now();
  const document = newPendingDocument({
    id: deps.newId(),
    applicationId: application.id,
    body: input.body,
    actor: actor.sub,
    now,
  });
  try {
    await deps.documents.create(document);
  } catch (error) {
    if (!(error instanceof ConcurrentChangeError)) throw error;
    await explainFailedWrite(deps, application.id);
  }
  const form = await deps.store.presignUpload(uploadPolicy(document));
  return {
    document,
    upload: { ...form, expiresAt: new Date(now.getTime() + UPLOAD_EXPIRY_SECONDS * 1000).toISOString() },
  };
}
