import { type Application, isEditable } from '../../domain/application.ts';
import type { ApplicationDocument } from '../../domain/document.ts';
import { ConcurrentChangeError, ConflictError, NotFoundError } from '../../domain/errors.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { DocumentRepository } from '../../ports/document-repository.ts';
import type { DocumentStore } from '../../ports/document-store.ts';
import type { MembershipRepository } from '../../ports/membership-repository.ts';

export interface MemberDocumentDeps {
  applications: ApplicationRepository;
  memberships: MembershipRepository;
  documents: DocumentRepository;
}

/** The application, if the caller is a member of its organisation; to anyone else it does not exist. */
export async function applicationOfMember(
  deps: Pick<MemberDocumentDeps, 'applications' | 'memberships'>,
  actor: { sub: string },
  applicationId: string,
): Promise<Application> {
  const application = await deps.applications.get(applicationId);
  if (!application || !(await deps.memberships.isMember(application.orgId, actor.sub))) {
    throw new NotFoundError('application');
  }
  return application;
}

/** A document of the application; unknown ids are 404 (they cannot be told from other applications' ids). */
export async function documentOf(
  deps: Pick<MemberDocumentDeps, 'documents'>,
  applicationId: string,
  documentId: string,
): Promise<ApplicationDocument> {
  const document = await deps.documents.get(applicationId, documentId);
  if (!document) throw new NotFoundError('document');
  return document;
}

/** Documents change with the content: while it is a draft, or incomplete after a Nachforderung. */
export function ensureEditable(application: Pick<Application, 'status'>): void {
  if (isEditable(application.status)) return;
  throw new ConflictError(
    {
      de: 'Die Unterlagen dieses Antrags können nicht mehr geändert werden: Er ist eingereicht.',
      en: 'The documents of this application can no longer be changed: it has been submitted.',
    },
    { currentStatus: application.status },
  );
}

/**
 * After a conditional write failed: if the application has stopped being editable meanwhile (it was
 * submitted), say so (409 with its status); otherwise it was the documents that changed.
 */
export async function explainFailedWrite(
  deps: Pick<MemberDocumentDeps, 'applications'>,
  applicationId: string,
): Promise<never> {
  const application = await deps.applications.get(applicationId);
  if (!application) throw new NotFoundError('application');
  ensureEditable(application);
  throw new ConcurrentChangeError();
}

/**
 * Deletes objects once the table no longer refers to them. The table is the truth: an object it does
 * not name is never read again, so a failed delete leaves an orphan to log, not an error to answer.
 */
export async function removeObjects(store: DocumentStore, keys: readonly string[]): Promise<void> {
  const results = await Promise.allSettled(keys.map((key) => store.delete(key)));
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') return;
    console.warn(
      JSON.stringify({
        level: 'WARN',
        message: 'document object not deleted (orphaned)',
        key: keys[index],
        error: result.reason instanceof Error ? result.reason.message : String(result.reason),
      }),
    );
  });
}
