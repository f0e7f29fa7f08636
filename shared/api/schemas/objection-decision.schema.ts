import * as z from 'zod/mini';
import { ApplicationStatus } from './application.schema.ts';
import { Cents, Timestamp, Uuid } from './common.schema.ts';
import { DecisionConditions } from './decision.schema.ts';
import { Paragraph } from './draft.schema.ts';

/** The funding body's reasons: they are the Begründung of the Abhilfe- or Widerspruchsbescheid. */
const ObjectionReasons = Paragraph(8000).check(z.minLength(20));

/**
 * POST /api/review/applications/{id}/objection-decision: how the funding body ends an objection.
 * 'remedied' (Abhilfe, § 72 VwGO): the application is approved with `grantedCents` — a rejection becomes
 * an approval, an approval gets a new amount (the approval rules apply, 422); without `conditions` an
 * approval keeps the ones it had. 'dismissed' (Zurückweisung): the decision stands.
 */
export const ObjectionDecisionBody = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('remedied'),
    grantedCents: Cents,
    conditions: z.optional(DecisionConditions),
    reasons: ObjectionReasons,
  }),
  z.strictObject({
    outcome: z.literal('dismissed'),
    reasons: ObjectionReasons,
  }),
]);
export type ObjectionDecisionBody = z.infer<typeof ObjectionDecisionBody>;

/** The decided objection and the decision as it now stands, as the back office sees them. */
export const ObjectionDecisionAnswer = z.object({
  applicationId: Uuid,
  status: ApplicationStatus,
  version: z.int(),
  objection: z.object({
    at: Timestamp,
    reason: z.string(),
    outcome: z.enum(['remedied', 'dismissed']),
    decidedAt: Timestamp,
    decidedBy: z.string(),
    reasons: z.string(),
    /** Remedied: the grant the call's budget counted before (0 after a rejection). */
    previousGrantedCents: z.optional(Cents),
  }),
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
export type ObjectionDecisionAnswer = z.infer<typeof ObjectionDecisionAnswer>;
