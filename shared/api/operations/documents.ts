import { defineOperation } from '../operation.ts';
import { ApplicationParams } from '../schemas/application.schema.ts';
import {
  CreatedDocumentView,
  DocumentLinkView,
  DocumentList,
  DocumentParams,
  DocumentView,
  NewDocumentBody,
} from '../schemas/document.schema.ts';

export const createDocumentOperation = defineOperation({
  operationId: 'createDocument',
  method: 'POST',
  path: '/api/applications/{id}/documents',
  summary: 'Unterlage anmelden und Upload-Formular erhalten / Announce a document and get its upload form',
  tags: ['documents'],
  access: ['applicant'],
  handler: 'documents/create-document',
  params: ApplicationParams,
  body: NewDocumentBody,
  responses: {
    201: {
      description:
        'The pending document and a presigned POST for exactly its key, size and type (15 minutes); then call complete',
      schema: CreatedDocumentView,
    },
  },
  problems: [401, 403, 404, 409, 422],
});

export const completeDocumentOperation = defineOperation({
  operationId: 'completeDocument',
  method: 'POST',
  path: '/api/applications/{id}/documents/{docId}/complete',
  summary: 'Upload abschließen und prüfen lassen / Finish an upload and have it checked',
  tags: ['documents'],
  access: ['applicant'],
  handler: 'documents/complete-document',
  params: DocumentParams,
  responses: {
    200: {
      description:
        'The document with the verdict: verified, or rejected with the reason (calling again answers the same)',
      schema: DocumentView,
    },
  },
  problems: [401, 403, 404, 409],
});

export const listDocumentsOperation = defineOperation({
  operationId: 'listDocuments',
  method: 'GET',
  path: '/api/applications/{id}/documents',
  summary: 'Unterlagen eines Antrags / Documents of an application',
  tags: ['documents'],
  access: ['applicant'],
  handler: 'documents/list-documents',
  params: ApplicationParams,
  responses: { 200: { description: 'The documents, in upload order', schema: DocumentList } },
  problems: [401, 403, 404],
});

export const deleteDocumentOperation = defineOperation({
  operationId: 'deleteDocument',
  method: 'DELETE',
  path: '/api/applications/{id}/documents/{docId}',
  summary: 'Unterlage löschen / Delete a document',
  tags: ['documents'],
  access: ['applicant'],
  handler: 'documents/delete-document',
  params: DocumentParams,
  responses: { 204: { description: 'Deleted, with its file' } },
  problems: [401, 403, 404, 409],
});

export const getDocumentLinkOperation = defineOperation({
  operationId: 'getDocumentLink',
  method: 'GET',
  path: '/api/applications/{id}/documents/{docId}',
  summary:
    'Unterlage öffnen oder herunterladen (kurzlebige Links; nur geprüfte Unterlagen) / Open or download a document (short-lived links; verified documents only)',
  tags: ['documents'],
  // Members of the organisation, and the back office that sees the application in full (approvers,
  // assigned reviewers who declared no conflict); the use case narrows.
  access: ['applicant', 'reviewer', 'approver'],
  handler: 'documents/get-document-link',
  params: DocumentParams,
  responses: {
    200: {
      description: 'Presigned GETs of the file (open in the browser, or save), valid for five minutes',
      schema: DocumentLinkView,
    },
  },
  problems: [401, 403, 404],
});
