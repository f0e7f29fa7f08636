import { defineOperation } from '../operation.ts';
import { ApplicationParams, ApplicationView } from '../schemas/application.schema.ts';
import { LetterLinkView, LetterParams, ObjectionBody } from '../schemas/notification.schema.ts';

export const getLetterOperation = defineOperation({
  operationId: 'getLetter',
  method: 'GET',
  path: '/api/applications/{id}/letters/{letterId}',
  summary:
    'Bescheid abrufen (kurzlebiger Download-Link; der erste Abruf durch die Organisation ist die Bekanntgabe) / Retrieve a decision letter (short-lived link; the organisation’s first retrieval notifies it)',
  tags: ['applications'],
  // Members of the organisation, and the back office (the use case narrows reviewers to their own).
  access: ['applicant', 'reviewer', 'approver', 'admin'],
  handler: 'applications/get-letter',
  params: LetterParams,
  responses: {
    200: { description: 'A presigned GET of the PDF, valid for five minutes', schema: LetterLinkView },
  },
  problems: [401, 403, 404],
});

export const lodgeObjectionOperation = defineOperation({
  operationId: 'lodgeObjection',
  method: 'POST',
  path: '/api/applications/{id}/objection',
  summary:
    'Widerspruch gegen den Bescheid einlegen (innerhalb eines Monats nach Bekanntgabe; Idempotency-Key empfohlen) / Lodge an objection (within a month of notification)',
  tags: ['applications'],
  access: ['applicant'],
  handler: 'applications/lodge-objection',
  params: ApplicationParams,
  body: ObjectionBody,
  responses: {
    200: { description: 'APPEALED, with the objection recorded', schema: ApplicationView, headers: ['ETag'] },
  },
  problems: [401, 403, 404, 409, 422],
});
