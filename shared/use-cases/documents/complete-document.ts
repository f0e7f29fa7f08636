import type { Clock } from '../../domain/clock.ts';
import type { ApplicationDocument } from '../../domain/document.ts';
import { replacedBy } from '../../domain/document-upload.ts';
import { sizeRejection, typeRejection } from '../../domain/document-verdict.ts';
import { ConcurrentChangeError, NotFoundError } from '../../domain/errors.ts';
import { SNIFF_BYTES } from '../../domain/file-type.ts';
import { scanVerdict } from '../../domain/malware-scan.ts';
import type { DocumentStore } from '../../ports/document-store.ts';
import type { MalwareScanResults } from '../../ports/malware-scan-results.ts';
import {
  applicationOfMember,
  documentOf,
  ensureEditable,
  explainFailedWrite,
  type MemberDocumentDeps,
  removeObjects,
} from './member-application.ts';

export interface CompleteDocumentDeps extends MemberDocumentDeps {
  store: DocumentStore;
  /** The malware scanner's result per object (GuardDuty's tag on AWS, a clean stand-in locally). */
  scans: MalwareScanResults;
  clock: Clock;
}

/** Conditional writes that lose a race are retried this often before the caller gets a 409. */
const ATTEMPTS = 3;

/**
 * The browser reports an upload finished; the server checks what arrived and decides.
 * Primary course:
 * 1. The caller is a member (else: not found); the document exists (else: not found).
 * 2. A document already decided is answered as it stands: completing again changes nothing.
 * 3. The application is editable (else 409): verifying may replace documents, which is an edit.
 * 4. The object under the issued key — and no other — must exist, have the announced size and start
 *    with the magic bytes of the announced type. Else the document is rejected with the reason.
 * 4a. That very object must have been scanned clean for malware. While the scan is still running the
 *    document stays pending and nothing is written (the browser completes again a little later); a
 *    threat, or a file the scanner could not look into, rejects it.
 * 5. The verdict is written only if the document is still pending, so two completions cannot
 *    disagree: the second one answers the first one's verdict. A verified document replaces the other
 *    finished documents of its type in the same transaction.
 * 6. Then the objects no longer referred to are deleted: a rejected file, and replaced ones.
 */
export async function completeDocument(
  deps: CompleteDocumentDeps,
  actor: { sub: string },
  input: { applicationId: string; documentId: string },
): Promise<ApplicationDocument> {
  const application = await applicationOfMember(deps, actor, input.applicationId);
  const document = await documentOf(deps, application.id, input.documentId);
  if (document.status !== 'pending') return document;
  ensureEditable(application);

  const settled = await inspect(deps, document);
  if (settled.status === 'pending') return settled;
  for (let attempt = 1; ; attempt++) {
    const effects =
      settled.status === 'verified'
        ? replacedBy(settled, await deps.documents.listByApplication(application.id))
        : { replaced: [], stillPending: [] };
    try {
      await deps.documents.settle(settled, effects);
      const unreferenced = [
        ...(settled.status === 'rejected' ? [settled.key] : []),
        ...effects.replaced.map((replaced) => replaced.key),
      ];
      await removeObjects(deps.store, unreferenced);
      return settled;
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError)) throw error;
      const current = await deps.documents.get(application.id, document.id);
      if (!current) throw new NotFoundError('document');
      // Another completion decided first: its verdict stands.
      if (current.status !== 'pending') return current;
      if (attempt >= ATTEMPTS) await explainFailedWrite(deps, application.id);
      // Otherwise other documents of the type changed meanwhile: read them again and retry.
    }
  }
}

/** The document with its verdict, from what the store holds under its key. */
async function inspect(
  deps: CompleteDocumentDeps,
  document: ApplicationDocument,
): Promise<ApplicationDocument> {
  for (let attempt = 1; ; attempt++) {
    const found = await deps.store.head(document.key);
    let rejection = sizeRejection(document.size, found);
    try {
      if (!rejection && found) {
        // Only the first bytes, and only of the object just measured (the key may be written again
        // while the form is valid): the type is decided by content, never by the name.
        const firstBytes = await deps.store.readFirstBytes(document.key, SNIFF_BYTES, found.etag);
        rejection = typeRejection(document.contentType, firstBytes);
      }
    } catch (error) {
      if (error instanceof ConcurrentChangeError && attempt < ATTEMPTS) continue;
      throw error;
    }
    if (!rejection && found) {
      const scan = scanVerdict(
        await deps.scans.statusOf({
          key: document.key,
          ...(found.versionId ? { versionId: found.versionId } : {}),
        }),
      );
      if (scan.outcome === 'pending') return document;
      if (scan.outcome === 'refused') rejection = scan.rejection;
    }
    if (rejection) {
      return {
        ...document,
        status: 'rejected',
        rejection: { code: rejection.code, reason: rejection.reason },
      };
    }
    return {
      ...document,
      status: 'verified',
      verifiedAt: deps.clock.now().toISOString(),
      checkedObject: {
        ...(found?.etag ? { etag: found.etag } : {}),
        ...(found?.versionId ? { versionId: found.versionId } : {}),
      },
    };
  }
}
