import * as z from 'zod/mini';
import { Timestamp, Uuid } from './common.schema.ts';
import { Paragraph } from './draft.schema.ts';

/** GET /api/applications/{id}/letters/{letterId}: a letter of the application. */
export const LetterParams = z.object({
  id: Uuid,
  letterId: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/)),
});

/** A short-lived link to the letter's PDF, and which letter it is. */
export const LetterLinkView = z.object({
  /** A presigned GET on the documents bucket: works without further sign-in until `expiresAt`. */
  url: z.string(),
  expiresAt: Timestamp,
  letter: z.object({
    id: z.string(),
    kind: z.enum(['zuwendungsbescheid', 'ablehnungsbescheid', 'abhilfebescheid', 'widerspruchsbescheid']),
    createdAt: Timestamp,
  }),
});
export type LetterLinkView = z.infer<typeof LetterLinkView>;

/** POST /api/applications/{id}/objection: the Widerspruch with its reasons, in the applicant's words. */
export const ObjectionBody = z.strictObject({ reason: Paragraph(5000).check(z.minLength(10)) });
