/**
 * The PDF files of letters (Bescheide), kept in the documents bucket under the key the server chose
 * and recorded on the application (Letter.key). Only workflows write them; members read them through
 * short-lived download links.
 */
export interface LetterFiles {
  /** Stores a letter; a retried task overwrites it with the same bytes (rendering is deterministic). */
  put(key: string, pdf: Uint8Array, fileName: string): Promise<void>;
  /** A stored letter; undefined if there is none under the key. */
  get(key: string): Promise<Uint8Array | undefined>;
}
