import type { ApplicationDocument } from '../domain/document.ts';

/** Reads an application's documents (the submit request and the intake need no more than this). */
export interface DocumentReader {
  /** All documents of an application, in upload order (one Query on the application's partition). */
  listByApplication(applicationId: string): Promise<ApplicationDocument[]>;
}
