import * as z from 'zod/mini';
import { Line, Timestamp, Uuid } from './common.schema.ts';

/** File types accepted for supporting documents, recognised by their first bytes, not their name. */
export const DocumentContentType = z.enum(['application/pdf', 'image/jpeg', 'image/png']);
export type DocumentContentType = z.infer<typeof DocumentContentType>;

/** The largest accepted upload: 10 MiB (scans of articles of association fit easily). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/**
 * Where an upload stands: `pending` until the browser reports it complete, then `verified` once the
 * server found the object under the issued key with the declared size range and a matching type, or
 * `rejected` with the reason.
 */
export const DocumentStatus = z.enum(['pending', 'verified', 'rejected']);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

/** POST /api/applications/{id}/documents: announce an upload. */
export const NewDocumentBody = z.strictObject({
  /** Which required document this is (an id of the call's requiredDocuments), or 'other'. */
  type: z.string().check(z.regex(/^[a-z0-9-]{2,40}$/)),
  fileName: Line(1, 255),
  contentType: DocumentContentType,
  size: z.int().check(z.gte(1), z.lte(MAX_DOCUMENT_BYTES)),
});
export type NewDocumentBody = z.infer<typeof NewDocumentBody>;

/** One supporting document of an application, as members see it. */
export const DocumentView = z.object({
  id: Uuid,
  type: z.string(),
  /** The file name as uploaded, sanitised for display. */
  fileName: z.string(),
  contentType: DocumentContentType,
  size: z.int(),
  status: DocumentStatus,
  /** Why the server refused the file, in the caller's language. */
  rejectionReason: z.optional(z.string()),
  uploadedAt: Timestamp,
  uploadedBy: z.string(),
  verifiedAt: z.optional(Timestamp),
});
export type DocumentView = z.infer<typeof DocumentView>;

export const DocumentParams = z.object({ id: Uuid, docId: Uuid });
