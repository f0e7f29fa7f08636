import * as z from 'zod/mini';
import { Line, Timestamp, Uuid } from './common.schema.ts';

export const ApplicationStatus = z.enum([
  'DRAFT',
  'SUBMITTED',
  'INCOMPLETE',
  'CLOSED_INCOMPLETE',
  'IN_REVIEW',
  'ASSESSED',
  'APPROVED',
  'REJECTED',
  'NOTIFIED',
  'APPEALED',
  'FINAL',
  'WITHDRAWN',
]);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** POST /api/applications: a new draft for one of my organisations in an open call. */
export const CreateDraftBody = z.strictObject({
  orgId: Uuid,
  callId: z.string().check(z.regex(/^[a-z0-9-]{3,60}$/)),
  title: Line(3, 200),
});
export type CreateDraftBody = z.infer<typeof CreateDraftBody>;

/** The applicant's view of an application. */
export const ApplicationView = z.object({
  id: Uuid,
  orgId: Uuid,
  callId: z.string(),
  title: z.string(),
  status: ApplicationStatus,
  version: z.int(),
  createdAt: Timestamp,
  createdBy: z.string(),
  updatedAt: Timestamp,
  updatedBy: z.string(),
  submittedAt: z.optional(Timestamp),
  submittedBy: z.optional(z.string()),
  contactEmail: z.optional(z.string()),
  /** Aktenzeichen, once the intake has allocated it. */
  reference: z.optional(z.string()),
  /** True while follow-up work (e.g. the intake) still runs after the last change. */
  processing: z.boolean(),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const ApplicationParams = z.object({ id: Uuid });
