import { defineOperation } from '../operation.ts';
import { ApplicationParams } from '../schemas/application.schema.ts';
import {
  ConflictDeclarationBody,
  ConflictDeclarationResult,
  ReassignBody,
  ReassignResult,
  ReviewApplicationView,
} from '../schemas/review.schema.ts';

export const getReviewApplicationOperation = defineOperation({
  operationId: 'getReviewApplication',
  method: 'GET',
  path: '/api/review/applications/{id}',
  summary:
    'Antrag im Backoffice lesen (vor der Erklärung zu Interessenkonflikten nur Titel, Organisation, Aufruf) / Read an application in the back office',
  tags: ['review'],
  access: ['reviewer', 'approver'],
  handler: 'review/get-review-application',
  params: ApplicationParams,
  responses: { 200: { description: 'The application, limited or full', schema: ReviewApplicationView } },
  problems: [401, 403, 404],
});

export const declareConflictOperation = defineOperation({
  operationId: 'declareConflict',
  method: 'POST',
  path: '/api/review/applications/{id}/conflict-declaration',
  summary: 'Interessenkonflikt erklären (einmal) / Declare a conflict of interest (once)',
  tags: ['review'],
  access: ['reviewer'],
  handler: 'review/declare-conflict',
  params: ApplicationParams,
  body: ConflictDeclarationBody,
  responses: {
    200: {
      description: 'Recorded; with a conflict, the role went to someone else (or waits for an admin)',
      schema: ConflictDeclarationResult,
    },
  },
  problems: [401, 403, 404, 409],
});

export const reassignReviewerOperation = defineOperation({
  operationId: 'reassignReviewer',
  method: 'POST',
  path: '/api/admin/applications/{id}/reassign',
  summary: 'Gutachterin oder Gutachter neu zuweisen / Reassign a reviewer',
  tags: ['admin'],
  access: ['admin'],
  handler: 'admin/reassign-reviewer',
  params: ApplicationParams,
  body: ReassignBody,
  responses: { 200: { description: 'The new assignment', schema: ReassignResult } },
  problems: [401, 403, 404, 409],
});
