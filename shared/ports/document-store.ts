import type { UploadPolicy } from '../domain/document-upload.ts';

/** What the server found under a key, without reading the bytes. */
export interface StoredObjectInfo {
  size: number;
  etag?: string;
  /** The object's version in a versioned bucket. */
  versionId?: string;
}

/** A signed form the browser posts the file with (multipart/form-data: the fields first, then `file`). */
export interface UploadForm {
  url: string;
  fields: Record<string, string>;
}

/** Where documents' bytes live (S3). The server never derives a key from anything the client named. */
export interface DocumentStore {
  /** Signs an upload form that allows what the policy allows, and nothing else. */
  presignUpload(policy: UploadPolicy): Promise<UploadForm>;
  /** The object under the key; undefined when there is none. */
  head(key: string): Promise<StoredObjectInfo | undefined>;
  /**
   * Up to `count` bytes from the start of the object (fewer if it is shorter). With `etag`, only from
   * that object: throws ConcurrentChangeError if the key holds another one by now.
   */
  readFirstBytes(key: string, count: number, etag?: string): Promise<Uint8Array>;
  /** Deletes the object under the key; deleting what is not there is fine. */
  delete(key: string): Promise<void>;
}
