import type { DocumentContentType, DocumentStatus } from '../api/schemas/document.schema.ts';
import type { LocalizedText } from '../http/language.ts';

/** A supporting document of an application (stored beside it: pk APP#<id>, sk DOC#<docId>). */
export interface ApplicationDocument {
  id: string;
  applicationId: string;
  /** An id of the call's requiredDocuments, or 'other'. */
  type: string;
  /** Sanitised display name. */
  fileName: string;
  contentType: DocumentContentType;
  /** Declared size in bytes (the upload policy's exact range). */
  size: number;
  /** The S3 key the server issued; the only object it ever looks at for this document. */
  key: string;
  status: DocumentStatus;
  rejection?: { code: string; reason: LocalizedText };
  uploadedAt: string;
  uploadedBy: string;
  verifiedAt?: string;
  /**
   * The object the server checked, when it verified it: its ETag, and its version in the versioned
   * bucket (absent where the store keeps no versions, as locally). The upload form stays usable until
   * it expires, so a later read must ask for this version, not for whatever is under the key then.
   */
  checkedObject?: { etag?: string; versionId?: string };
}
