import * as z from 'zod/mini';
import { defineOperation } from '../operation.ts';
import { ApplicationParams } from '../schemas/application.schema.ts';
import { AssessmentBody } from '../schemas/assessment.schema.ts';

export const recordAssessmentOperation = defineOperation({
  operationId: 'recordAssessment',
  method: 'POST',
  path: '/api/review/applications/{id}/assessments',
  summary:
    'Gutachten abgeben (fachlich: Bewertungsmatrix; finanziell: Position für Position) / Record an assessment (content: rubric; financial: line by line)',
  tags: ['review'],
  access: ['reviewer'],
  handler: 'review/record-assessment',
  params: ApplicationParams,
  body: AssessmentBody,
  responses: {
    201: {
      description: 'Recorded; once both are in, the summary follows and the application becomes ASSESSED',
      schema: z.object({
        applicationId: z.string(),
        role: z.enum(['content', 'financial']),
        submittedAt: z.string(),
        bothRecorded: z.boolean(),
      }),
    },
  },
  problems: [401, 403, 404, 409, 422],
});
