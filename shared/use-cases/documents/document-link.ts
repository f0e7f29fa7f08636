import type { DocumentLinkView } from '../../api/schemas/document.schema.ts';
import type { Clock } from '../../domain/clock.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { reviewAccessOf } from '../../domain/review-view.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { DocumentLinks } from '../../ports/document-links.ts';
import type { DocumentRepository } from '../../ports/document-repository.ts';
import type { MembershipDirectory } from '../../ports/membership-repository.ts';
import type { AssignmentRepository } from '../../ports/review-repository.ts';

export interface DocumentLinkDeps {
  applications: Pick<ApplicationRepository, 'get'>;
  memberships: Pick<MembershipDirectory, 'isMember'>;
  assignments: Pick<AssignmentRepository, 'listByApplication'>;
  documents: Pick<DocumentRepository, 'get'>;
  links: DocumentLinks;
  clock: Clock;
}

/** How long a document link works: long enough to open it, too short to pass it on usefully. */
export const DOCUMENT_LINK_SECONDS = 5 * 60;

/**
 * Links to open or save a document's file.
 * Primary course:
 * 1. Load the application. Members of the applying organisation may open its documents; so may the
 *    back office that sees the application in full (approvers; assigned reviewers who declared no
 *    conflict — the review view's rule, review-view.ts). Anyone else: 404, so ids cannot be probed.
 * 2. The document must be verified (the server checked its size and type): a pending upload has no
 *    checked file yet, and a rejected one is not passed on. Else 404.
 * 3. Sign two GETs of exactly the checked object (its version, where the bucket keeps versions) for
 *    DOCUMENT_LINK_SECONDS: one shown in the browser, one saved under the document's name. Opening a
 *    document changes nothing, so nothing is written.
 */
export async function documentLink(
  deps: DocumentLinkDeps,
  caller: { sub: string; groups: readonly string[] },
  input: { id: string; docId: string },
): Promise<DocumentLinkView> {
  const application = await deps.applications.get(input.id);
  if (!application) throw new NotFoundError('application');
  if (!(await deps.memberships.isMember(application.orgId, caller.sub))) {
    const assignments = caller.groups.includes('reviewer')
      ? await deps.assignments.listByApplication(application.id)
      : [];
    if (reviewAccessOf({ caller, application, assignments }) !== 'full') {
      throw new NotFoundError('application');
    }
  }
  const document = await deps.documents.get(application.id, input.docId);
  if (document?.status !== 'verified') throw new NotFoundError('document');

  const object = { key: document.key, versionId: document.checkedObject?.versionId };
  const options = {
    expiresInSeconds: DOCUMENT_LINK_SECONDS,
    fileName: document.fileName,
    contentType: document.contentType,
  };
  const [url, downloadUrl] = await Promise.all([
    deps.links.linkTo(object, { ...options, disposition: 'inline' }),
    deps.links.linkTo(object, { ...options, disposition: 'attachment' }),
  ]);
  const { id, type, fileName, contentType, size } = document;
  return {
    url,
    downloadUrl,
    expiresAt: new Date(deps.clock.now().getTime() + DOCUMENT_LINK_SECONDS * 1000).toISOString(),
    document: { id, type, fileName, contentType, size },
  };
}
