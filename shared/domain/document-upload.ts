import type { Call } from '../api/schemas/call.schema.ts';
import type { NewDocumentBody } from '../api/schemas/document.schema.ts';
import type { ApplicationDocument } from './document.ts';
import type { RuleViolation } from './errors.ts';
import { sanitizeFileName } from './file-name.ts';

/** The document type for anything the call does not ask for by name (letters of support, photos, …). */
export const OTHER_DOCUMENT_TYPE = 'other';

/**
 * Most documents one application may hold, counting pending and rejected ones until they are deleted
 * or replaced. Calls ask for a handful; the limit keeps a runaway script from filling the bucket.
 */
export const MAX_DOCUMENTS_PER_APPLICATION = 30;

/** How long the browser may use an upload form before it has to ask for a new one. */
export const UPLOAD_EXPIRY_SECONDS = 15 * 60;

/** Where a document's bytes live: chosen by the server from ids only, never from the file name. */
export const documentKey = (applicationId: string, documentId: string) =>
  `applications/${applicationId}/${documentId}`;

/** The announced type must be one the call asks for, or 'other'; else a 422 naming `type`. */
export function documentTypeViolations(call: Pick<Call, 'requiredDocuments'>, type: string): RuleViolation[] {
  if (type === OTHER_DOCUMENT_TYPE || call.requiredDocuments.some((required) => required.id === type)) {
    return [];
  }
  const known = [...call.requiredDocuments.map((required) => required.id), OTHER_DOCUMENT_TYPE].join(', ');
  return [
    {
      path: 'type',
      code: 'unknown-document-type',
      message: {
        de: `Diese Art von Unterlage kennt der Förderaufruf nicht. Möglich sind: ${known}.`,
        en: `The call does not know this kind of document. Possible are: ${known}.`,
      },
    },
  ];
}

/** A document announced for upload: pending until the server has checked what arrived. */
export function newPendingDocument(input: {
  id: string;
  applicationId: string;
  body: NewDocumentBody;
  actor: string;
  now: Date;
}): ApplicationDocument {
  const { body } = input;
  return {
    id: input.id,
    applicationId: input.applicationId,
    type: body.type,
    fileName: sanitizeFileName(body.fileName, body.contentType),
    contentType: body.contentType,
    size: body.size,
    key: documentKey(input.applicationId, input.id),
    status: 'pending',
    uploadedAt: input.now.toISOString(),
    uploadedBy: input.actor,
  };
}

/** One condition of an S3 POST policy, as the policy document writes it. */
export type PolicyCondition =
  | Record<string, string>
  | ['eq' | 'starts-with', string, string]
  | ['content-length-range', number, number];

/** What the browser's upload form may do; the S3 adapter signs it as a POST policy. */
export interface UploadPolicy {
  /** The one key the form may write (the signer adds `{ key }` as a condition). */
  key: string;
  /** Form fields the browser must send as given (the signer adds each as an exact-match condition). */
  fields: Record<string, string>;
  conditions: PolicyCondition[];
  expiresInSeconds: number;
}

/**
 * The upload policy of a pending document: exactly its key, exactly the announced size (the browser
 * knows it from the File object, so a range would only let a different file through), and exactly the
 * announced content type, for 15 minutes. On AWS, S3 refuses anything else; the check after upload
 * does not rely on that.
 */
export function uploadPolicy(
  document: Pick<ApplicationDocument, 'key' | 'contentType' | 'size'>,
): UploadPolicy {
  return {
    key: document.key,
    fields: { 'Content-Type': document.contentType },
    conditions: [
      ['content-length-range', document.size, document.size],
      ['eq', '$Content-Type', document.contentType],
    ],
    expiresInSeconds: UPLOAD_EXPIRY_SECONDS,
  };
}

/**
 * What verifying `document` replaces: the application holds one file per required type, and the last
 * one verified counts. Every other finished (verified or rejected) document of the same type goes; a
 * pending one stays, since it may still be verified and then replace this one in turn. 'other'
 * documents never replace each other.
 */
export function replacedBy(
  document: ApplicationDocument,
  documents: readonly ApplicationDocument[],
): { replaced: ApplicationDocument[]; stillPending: ApplicationDocument[] } {
  if (document.type === OTHER_DOCUMENT_TYPE) return { replaced: [], stillPending: [] };
  const sameType = documents.filter((other) => other.id !== document.id && other.type === document.type);
  return {
    replaced: sameType.filter((other) => other.status !== 'pending'),
    stillPending: sameType.filter((other) => other.status === 'pending'),
  };
}
