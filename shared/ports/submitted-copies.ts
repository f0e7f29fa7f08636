/**
 * The PDF copies of applications as submitted (one per intake round), kept beside the applicants'
 * documents. Keys are the adapter's business: callers name an application and a round.
 */
export interface SubmittedCopies {
  /** Stores the copy of one round; a retried task overwrites it with the same bytes. */
  put(applicationId: string, round: string, pdf: Uint8Array): Promise<void>;
  /** The copy of one round; undefined while none has been stored. */
  get(applicationId: string, round: string): Promise<Uint8Array | undefined>;
}
