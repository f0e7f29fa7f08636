import { ConcurrentChangeError, NotFoundError } from '../../domain/errors.ts';
import type { DocumentStore } from '../../ports/document-store.ts';
import {
  applicationOfMember,
  documentOf,
  ensureEditable,
  explainFailedWrite,
  type MemberDocumentDeps,
  removeObjects,
} from './member-application.ts';

export interface DeleteDocumentDeps extends MemberDocumentDeps {
  store: DocumentStore;
}

/**
 * A member deletes a document of an editable application.
 * Primary course:
 * 1. The caller is a member (else: not found); the document exists (else: not found).
 * 2. The application is editable (else 409): a submitted application keeps its documents.
 * 3. The item is removed on the condition that the application is still editable, then the object.
 */
export async function deleteDocument(
  deps: DeleteDocumentDeps,
  actor: { sub: string },
  input: { applicationId: string; documentId: string },
): Promise<void> {
  const application = await applicationOfMember(deps, actor, input.applicationId);
  const document = await documentOf(deps, application.id, input.documentId);
  ensureEditable(application);
  try {
    await deps.documents.delete(document);
  } catch (error) {
    if (!(error instanceof ConcurrentChangeError)) throw error;
    if (!(await deps.documents.get(application.id, document.id))) throw new NotFoundError('document');
    await explainFailedWrite(deps, application.id);
  }
  await removeObjects(deps.store, [document.key]);
}
