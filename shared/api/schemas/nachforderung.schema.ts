import * as z from 'zod/mini';
import { IsoDate, Line, LocalizedText, Timestamp, Uuid } from './common.schema.ts';
import { Paragraph } from './draft.schema.ts';

/**
 * POST /api/review/applications/{id}/missing-documents: what a reviewer asks the applicant to supply.
 * Each item is written in one language, in the reviewer's words; `path` may point at a form field.
 */
export const MissingDocumentsBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        path: z.optional(Line(1, 200)),
        text: Paragraph(2000).check(z.minLength(1)),
      }),
    )
    .check(z.minLength(1), z.maxLength(20)),
  /** The last day to supply them (Berlin calendar), 7 to 60 days ahead. */
  dueDate: IsoDate,
  note: z.optional(Paragraph(2000)),
});
export type MissingDocumentsBody = z.infer<typeof MissingDocumentsBody>;

export const MissingDocumentsResult = z.object({
  applicationId: Uuid,
  status: z.literal('INCOMPLETE'),
  version: z.int(),
  requestedAt: Timestamp,
  /** The end of the due day, Europe/Berlin. */
  dueAt: Timestamp,
  items: z.number(),
  message: LocalizedText,
});
