import type { ApplicationDocument } from '../domain/document.ts';

/** Reads an application's documents (the submit request and the intake need no more than this). */
export interface DocumentReader {
  /** All documents of an application, in upload order (one Query on the application's partition). */
  listByApplication(applicationId: string): Promise<ApplicationDocument[]>;
}

/**
 * Everything the document use cases write. Each write is conditional: on the application still being
 * editable (a draft, or incomplete after a Nachforderung) and on the documents being as they were read.
 * When a condition fails, nothing is written and ConcurrentChangeError is thrown; the caller reads
 * again to find out what changed.
 */
export interface DocumentRepository extends DocumentReader {
  /** One document, read consistently. */
  get(applicationId: string, documentId: string): Promise<ApplicationDocument | undefined>;
  /** Stores a new pending document (fails if the id exists). */
  create(document: ApplicationDocument): Promise<void>;
  /**
   * Stores the verdict on a pending document — if it is still pending, so two completions cannot
   * disagree — and, in the same transaction, removes the documents it replaces (if they are still in
   * the status they were read in) and checks that the documents expected to be pending still are.
   */
  settle(
    settled: ApplicationDocument,
    effects: { replaced: readonly ApplicationDocument[]; stillPending: readonly ApplicationDocument[] },
  ): Promise<void>;
  /** Removes a document's item (fails if it is gone). */
  delete(document: ApplicationDocument): Promise<void>;
}
