import { describe, expect, it } from 'vitest';
import type {
  ContentAssessmentBody,
  FinancialAssessmentBody,
} from '../../../shared/api/schemas/assessment.schema.ts';
import type { FinancePlan } from '../../../shared/api/schemas/draft.schema.ts';
import {
  assessableCostLines,
  contentAssessmentViolations,
  eligibleCosts,
  financialAssessmentViolations,
  recommendedGrantCeiling,
  summarizeAssessments,
  weightedScore,
} from '../../../shared/domain/assessment.ts';
import { aCall } from '../../support/calls.ts';
import { aCompleteDraftContent } from '../../support/drafts.ts';

const rubric = [
  { id: 'relevanz-zik', weight: 3, label: { de: 'Bezug zum ZIK II', en: 'Relevance to ZIK II' } },
  { id: 'konzept', weight: 2, label: { de: 'Konzept', en: 'Concept' } },
];
const plan = aCompleteDraftContent().financePlan as FinancePlan;
const rules = aCall().rules;

const content: ContentAssessmentBody = {
  role: 'content',
  scores: [
    { criterionId: 'relevanz-zik', score: 5 },
    { criterionId: 'konzept', score: 2 },
  ],
  recommendation: 'fund',
  comment: 'Gut begründet.',
};
const financial: FinancialAssessmentBody = {
  role: 'financial',
  lines: [
    { section: 'staff', lineId: 'leitung', eligibleCents: 1_152_000 },
    { section: 'material', lineId: 'miete', eligibleCents: 120_000 },
    { section: 'material', lineId: 'lernmaterial', eligibleCents: 0, comment: 'Nicht förderfähig.' },
    { section: 'fees', lineId: 'sprachmittlung', eligibleCents: 80_000 },
  ],
  recommendedGrantCents: 1_300_000,
  recommendation: 'fund-with-conditions',
  comment: 'Lernmaterial ist über die Bibliothek verfügbar.',
};

describe('assessments', () => {
  it('accepts a rubric scored once per criterion, and names each gap', () => {
    expect(contentAssessmentViolations(content, rubric)).toEqual([]);
    const twice = { ...content, scores: [content.scores[0], content.scores[0]] } as ContentAssessmentBody;
    expect(contentAssessmentViolations(twice, rubric).map((v) => [v.path, v.code])).toEqual([
      ['scores.1.criterionId', 'duplicate-criterion'],
      ['scores', 'criterion-not-scored'],
    ]);
  });

  it('wants every cost line checked once and never more eligible than applied for', () => {
    expect(financialAssessmentViolations(financial, plan, rules)).toEqual([]);
    const partial = { ...financial, lines: financial.lines.slice(1) };
    expect(financialAssessmentViolations(partial, plan, rules).map((v) => v.code)).toEqual([
      'line-not-checked',
    ]);
    const unknown = {
      ...financial,
      lines: [...financial.lines, { section: 'fees' as const, lineId: 'catering', eligibleCents: 1 }],
    };
    expect(financialAssessmentViolations(unknown, plan, rules).map((v) => v.path)).toEqual([
      'lines.4.lineId',
    ]);
  });

  it('recommends at most the grant requested and the call allows', () => {
    const tooMuch = { ...financial, recommendedGrantCents: (plan.requestedGrantCents ?? 0) + 1 };
    const [violation] = financialAssessmentViolations(tooMuch as FinancialAssessmentBody, plan, rules);
    expect(violation?.code).toBe('recommended-grant-too-high');
    expect(violation?.message.de).toContain('14.402,00 €');
  });

  it('sums the weighted scores and the eligible costs with the flat rate, in cents', () => {
    const summary = summarizeAssessments({
      content: { ...content, applicationId: 'a', reviewerSub: 'petra', submittedAt: '2027-05-01T08:00:00Z' },
      financial: {
        ...financial,
        applicationId: 'a',
        reviewerSub: 'tobias',
        submittedAt: '2027-05-02T08:00:00Z',
      },
      rubric,
      plan,
      adminFlatRateBps: 1000,
      now: new Date('2027-05-02T09:00:00Z'),
    });
    expect(summary).toEqual({
      totalScore: 5 * 3 + 2 * 2,
      maxScore: 25,
      recommendations: { content: 'fund', financial: 'fund-with-conditions' },
      eligibleCostsCents: 1_352_000 + 135_200,
      recommendedGrantCents: 1_300_000,
      completedAt: '2027-05-02T09:00:00.000Z',
    });
  });

  it('lists the plan’s cost lines as the financial reviewer checks them, with what each costs', () => {
    expect(assessableCostLines(plan)).toEqual([
      { section: 'staff', lineId: 'leitung', label: 'Projektleitung', appliedForCents: 1_152_000 },
      { section: 'material', lineId: 'miete', label: 'Raummiete Begegnungscafé', appliedForCents: 120_000 },
      { section: 'material', lineId: 'lernmaterial', label: 'Lernmaterial Deutsch', appliedForCents: 30_000 },
      { section: 'fees', lineId: 'sprachmittlung', label: 'Honorar Sprachmittlung', appliedForCents: 80_000 },
    ]);
    expect(assessableCostLines(undefined)).toEqual([]);
  });

  it('scores a rubric still being filled in (the browser shows it live) and counts the whole rubric as the maximum', () => {
    expect(weightedScore([{ criterionId: 'konzept', score: 4 }], rubric)).toEqual({
      totalScore: 8,
      maxScore: 25,
    });
    expect(weightedScore([], rubric)).toEqual({ totalScore: 0, maxScore: 25 });
  });

  it('adds the flat rate to the eligible costs only when the plan claims it, floored', () => {
    expect(eligibleCosts([{ eligibleCents: 1_005 }], plan, 1000)).toEqual({
      directCents: 1_005,
      adminFlatRateCents: 100,
      totalCents: 1_105,
    });
    expect(eligibleCosts([{ eligibleCents: 1_005 }], { ...plan, claimsAdminFlatRate: false }, 1000)).toEqual({
      directCents: 1_005,
      adminFlatRateCents: 0,
      totalCents: 1_005,
    });
  });

  it('caps the recommendation at the grant requested or the call’s maximum, whichever is lower', () => {
    expect(recommendedGrantCeiling(plan, rules)).toBe(1_440_200);
    expect(recommendedGrantCeiling(plan, { ...rules, maxGrantCents: 1_000_000 })).toBe(1_000_000);
  });
});
