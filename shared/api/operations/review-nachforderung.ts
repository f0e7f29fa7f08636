import { defineOperation } from '../operation.ts';
import { ApplicationParams } from '../schemas/application.schema.ts';
import { MissingDocumentsBody, MissingDocumentsResult } from '../schemas/nachforderung.schema.ts';

export const requestMissingDocumentsOperation = defineOperation({
  operationId: 'requestMissingDocuments',
  method: 'POST',
  path: '/api/review/applications/{id}/missing-documents',
  summary:
    'Unterlagen nachfordern (Antrag geht an die Antragsteller zurück) / Request missing documents (the application goes back to the applicant)',
  tags: ['review'],
  access: ['reviewer'],
  handler: 'review/request-missing-documents',
  params: ApplicationParams,
  body: MissingDocumentsBody,
  responses: {
    200: {
      description: 'The application is INCOMPLETE; the applicant is emailed by the Nachforderung workflow',
      schema: MissingDocumentsResult,
    },
  },
  problems: [401, 403, 404, 409, 422],
});
