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
  /**
   * The same as a stable code for clients: upload-missing, upload-empty, upload-too-large,
   * upload-size-mismatch, type-disguised, type-mismatch (shared/domain/document-verdict.ts).
   */
  rejectionCode: z.optional(z.string()),
  uploadedAt: Timestamp,
  uploadedBy: z.string(),
  verifiedAt: z.optional(Timestamp),
});
export type DocumentView = z.infer<typeof DocumentView>;

export const DocumentParams = z.object({ id: Uuid, docId: Uuid });

/**
 * A signed upload form: POST multipart/form-data to `url` with every one of `fields` first, then the
 * file as `file`. It allows exactly the issued key, the announced size and type, until `expiresAt`.
 */
export const DocumentUpload = z.object({
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  expiresAt: Timestamp,
});

/** The answer to POST …/documents: the pending document and the form to upload it with. */
export const CreatedDocumentView = z.object({ document: DocumentView, upload: DocumentUpload });

export const DocumentList = z.object({ items: z.array(DocumentView) });

/**
 * GET /api/applications/{id}/documents/{docId}: short-lived links to a verified document's file — one
 * that opens it in the browser (`url`, inline with its checked type) and one that saves it under its
 * name (`downloadUrl`). Both are presigned GETs that work without sign-in until `expiresAt`.
 */
export const DocumentLinkView = z.object({
  url: z.string(),
  downloadUrl: z.string(),
  expiresAt: Timestamp,
  document: z.object({
    id: Uuid,
    type: z.string(),
    fileName: z.string(),
    contentType: DocumentContentType,
    size: z.int(),
  }),
});
export type DocumentLinkView = z.infer<typeof DocumentLinkView>;
