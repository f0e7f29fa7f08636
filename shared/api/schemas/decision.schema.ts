import * as z from 'zod/mini';
import { ApplicationStatus } from './application.schema.ts';
import { Cents, Line, Timestamp, Uuid } from './common.schema.ts';
import { Paragraph } from './draft.schema.ts';

/** Nebenbestimmungen beyond the ANBest-P: short, each one a sentence of the Bescheid. */
export const DecisionConditions = z.array(Line(3, 500)).check(z.maxLength(20));

/**
 * POST /api/review/applications/{id}/decision (rolling calls): approve with the granted amount and any
 * extra conditions, or reject with reasons. Reasons are also required when less than requested is
 * granted (checked against the application, 422 on `reasons`).
 */
export const DecisionBody = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('approved'),
    grantedCents: Cents,
    conditions: z.optional(DecisionConditions),
    reasons: z.optional(Paragraph(8000)),
  }),
  z.strictObject({
    outcome: z.literal('rejected'),
    reasons: Paragraph(8000).check(z.minLength(20)),
  }),
]);
export type DecisionBody = z.infer<typeof DecisionBody>;

/** The decision as the back office sees it after the request. */
export const DecisionAnswer = z.object({
  applicationId: Uuid,
  status: ApplicationStatus,
  version: z.int(),
  decision: z.object({
    outcome: z.enum(['approved', 'rejected']),
    grantedCents: z.optional(Cents),
    financingType: z.string(),
    conditions: z.array(z.string()),
    reasons: z.optional(z.string()),
    decidedBy: z.string(),
    decidedAt: Timestamp,
  }),
});
export type DecisionAnswer = z.infer<typeof DecisionAnswer>;

/** GET /api/admin/calls/{callId}/budget: what the call's budget can still carry, and where applications stand. */
export const CallBudgetView = z.object({
  callId: z.string(),
  selectionMode: z.enum(['rolling', 'competitive']),
  budgetCents: Cents,
  /** Reserved by approvals: always the sum of the approved grants. */
  committedCents: Cents,
  remainingCents: Cents,
  /** Applications per status; every status is listed, 0 included. */
  applicationsByStatus: z.record(ApplicationStatus, z.int()),
  applicationCount: z.int(),
});
export type CallBudgetView = z.infer<typeof CallBudgetView>;
