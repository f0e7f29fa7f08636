import * as z from 'zod/mini';
import { Cents } from './common.schema.ts';
import { Paragraph } from './draft.schema.ts';

/** What a reviewer recommends to the approvers. */
export const Recommendation = z.enum(['fund', 'fund-with-conditions', 'reject']);
export type Recommendation = z.infer<typeof Recommendation>;

const CriterionId = z.string().check(z.regex(/^[a-z0-9-]{2,40}$/));
const LineId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/));

/** The content assessment (fachliche Prüfung): every criterion of the call's rubric scored 0–5. */
export const ContentAssessmentBody = z.strictObject({
  role: z.literal('content'),
  scores: z
    .array(
      z.strictObject({
        criterionId: CriterionId,
        score: z.int().check(z.gte(0), z.lte(5)),
        comment: z.optional(Paragraph(2000)),
      }),
    )
    .check(z.minLength(1), z.maxLength(30)),
  recommendation: Recommendation,
  comment: Paragraph(8000).check(z.minLength(10)),
});
export type ContentAssessmentBody = z.infer<typeof ContentAssessmentBody>;

/**
 * The financial assessment (rechnerische Prüfung): each cost line of the finance plan as checked — the
 * eligible amount (zuwendungsfähig) and why it differs — and the recommended grant.
 */
export const FinancialAssessmentBody = z.strictObject({
  role: z.literal('financial'),
  lines: z
    .array(
      z.strictObject({
        section: z.enum(['staff', 'material', 'fees']),
        lineId: LineId,
        eligibleCents: Cents,
        comment: z.optional(Paragraph(2000)),
      }),
    )
    .check(z.maxLength(250)),
  recommendedGrantCents: Cents,
  recommendation: Recommendation,
  comment: Paragraph(8000).check(z.minLength(10)),
});
export type FinancialAssessmentBody = z.infer<typeof FinancialAssessmentBody>;

/** POST /api/review/applications/{id}/assessments: one of the two, told apart by `role`. */
export const AssessmentBody = z.discriminatedUnion('role', [ContentAssessmentBody, FinancialAssessmentBody]);
export type AssessmentBody = z.infer<typeof AssessmentBody>;
