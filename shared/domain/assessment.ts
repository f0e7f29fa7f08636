import type {
  AssessmentBody,
  ContentAssessmentBody,
  FinancialAssessmentBody,
  Recommendation,
} from '../api/schemas/assessment.schema.ts';
import type { Call } from '../api/schemas/call.schema.ts';
import type { FinancePlan } from '../api/schemas/draft.schema.ts';
import type { RuleViolation } from './errors.ts';
import { staffLineCostCents } from './finance-rules.ts';
import { FULL_BPS, formatEuro, mulDivFloor } from './money.ts';

export type AssessmentRole = AssessmentBody['role'];

/** A recorded assessment (stored beside its application: pk APP#<id>, sk ASSESSMENT#<role>). */
export type Assessment = AssessmentBody & {
  applicationId: string;
  reviewerSub: string;
  submittedAt: string;
};

/** What the assessment workflow writes once both assessments are in: what approvers decide on. */
export interface AssessmentSummary {
  /** Σ score × weight over the rubric, and the most it could be (5 × Σ weight). */
  totalScore: number;
  maxScore: number;
  recommendations: { content: Recommendation; financial: Recommendation };
  /** Eligible costs as checked line by line, plus the admin flat rate on them if claimed. */
  eligibleCostsCents: number;
  recommendedGrantCents: number;
  completedAt: string;
}

const violation = (path: string, code: string, de: string, en: string): RuleViolation => ({
  path,
  code,
  message: { de, en },
});

/** Every criterion of the call's rubric scored exactly once, and nothing else. */
export function contentAssessmentViolations(
  body: ContentAssessmentBody,
  rubric: Call['rubric'],
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const known = new Set(rubric.map((criterion) => criterion.id));
  const seen = new Set<string>();
  body.scores.forEach((score, index) => {
    if (!known.has(score.criterionId)) {
      violations.push(
        violation(
          `scores.${index}.criterionId`,
          'unknown-criterion',
          `Das Kriterium „${score.criterionId}“ gehört nicht zur Bewertungsmatrix dieses Aufrufs.`,
          `The criterion "${score.criterionId}" is not part of this call's rubric.`,
        ),
      );
    } else if (seen.has(score.criterionId)) {
      violations.push(
        violation(
          `scores.${index}.criterionId`,
          'duplicate-criterion',
          'Jedes Kriterium wird genau einmal bewertet.',
          'Each criterion is scored exactly once.',
        ),
      );
    }
    seen.add(score.criterionId);
  });
  for (const criterion of rubric) {
    if (!seen.has(criterion.id)) {
      violations.push(
        violation(
          'scores',
          'criterion-not-scored',
          `Bitte bewerten Sie auch: ${criterion.label.de}.`,
          `Please also score: ${criterion.label.en}.`,
        ),
      );
    }
  }
  return violations;
}

/** The sections of a finance plan whose lines the financial assessment checks one by one. */
export type CostSection = FinancialAssessmentBody['lines'][number]['section'];

/** One cost line as the financial assessment sees it: where it is, what it is called, what it costs. */
export interface AssessableCostLine {
  section: CostSection;
  lineId: string;
  /** The role (staff) or the description (material, fees), as the applicant wrote it. */
  label: string;
  appliedForCents: number;
}

/** Every cost line of a finance plan, in the plan's order: staff, material, fees. */
export function assessableCostLines(plan: FinancePlan | undefined): AssessableCostLine[] {
  return [
    ...(plan?.staff ?? []).map((line) => ({
      section: 'staff' as const,
      lineId: line.id,
      label: line.role,
      appliedForCents: staffLineCostCents(line),
    })),
    ...(plan?.material ?? []).map((line) => ({
      section: 'material' as const,
      lineId: line.id,
      label: line.description,
      appliedForCents: line.amountCents,
    })),
    ...(plan?.fees ?? []).map((line) => ({
      section: 'fees' as const,
      lineId: line.id,
      label: line.description,
      appliedForCents: line.amountCents,
    })),
  ];
}

/** The cost lines of a finance plan with what each costs, keyed `section/lineId`. */
function costLines(plan: FinancePlan | undefined): Map<string, number> {
  return new Map(
    assessableCostLines(plan).map((line) => [`${line.section}/${line.lineId}`, line.appliedForCents]),
  );
}

/** The most a financial reviewer may recommend: what was requested, and no more than the call's maximum. */
export function recommendedGrantCeiling(plan: FinancePlan | undefined, rules: Call['rules']): number {
  return Math.min(plan?.requestedGrantCents ?? 0, rules.maxGrantCents);
}

/**
 * The weighted rubric score: Σ score × weight over the criteria scored, and the most it could be
 * (5 × Σ weight of the whole rubric). Criteria not in the rubric count nothing.
 */
export function weightedScore(
  scores: readonly { criterionId: string; score: number }[],
  rubric: Call['rubric'],
): { totalScore: number; maxScore: number } {
  const weights = new Map(rubric.map((criterion) => [criterion.id, criterion.weight]));
  return {
    totalScore: scores.reduce((sum, score) => sum + score.score * (weights.get(score.criterionId) ?? 0), 0),
    maxScore: 5 * rubric.reduce((sum, criterion) => sum + criterion.weight, 0),
  };
}

/**
 * The eligible costs as checked line by line (Σ eligible amounts), plus the admin flat rate on them
 * when the plan claims it: what the summary calls eligible costs.
 */
export function eligibleCosts(
  lines: readonly { eligibleCents: number }[],
  plan: FinancePlan | undefined,
  adminFlatRateBps: number,
): { directCents: number; adminFlatRateCents: number; totalCents: number } {
  const directCents = lines.reduce((sum, line) => sum + line.eligibleCents, 0);
  const adminFlatRateCents = plan?.claimsAdminFlatRate
    ? mulDivFloor(directCents, adminFlatRateBps, FULL_BPS)
    : 0;
  return { directCents, adminFlatRateCents, totalCents: directCents + adminFlatRateCents };
}

/**
 * The financial assessment checks every cost line once (no more eligible than applied for), and
 * recommends no more than was requested nor than the call allows.
 */
export function financialAssessmentViolations(
  body: FinancialAssessmentBody,
  plan: FinancePlan | undefined,
  rules: Call['rules'],
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const lines = costLines(plan);
  const seen = new Set<string>();
  body.lines.forEach((line, index) => {
    const key = `${line.section}/${line.lineId}`;
    const cost = lines.get(key);
    if (cost === undefined) {
      violations.push(
        violation(
          `lines.${index}.lineId`,
          'unknown-line',
          'Diese Position gibt es im Finanzierungsplan nicht.',
          'There is no such line in the finance plan.',
        ),
      );
    } else if (seen.has(key)) {
      violations.push(
        violation(
          `lines.${index}.lineId`,
          'duplicate-line',
          'Jede Position wird genau einmal geprüft.',
          'Each line is checked exactly once.',
        ),
      );
    } else if (line.eligibleCents > cost) {
      violations.push(
        violation(
          `lines.${index}.eligibleCents`,
          'more-than-applied-for',
          `Zuwendungsfähig kann höchstens der beantragte Betrag sein (${formatEuro(cost, 'de')}).`,
          `At most the amount applied for can be eligible (${formatEuro(cost, 'en')}).`,
        ),
      );
    }
    seen.add(key);
  });
  for (const key of lines.keys()) {
    if (!seen.has(key)) {
      violations.push(
        violation(
          'lines',
          'line-not-checked',
          `Bitte prüfen Sie auch die Position ${key}.`,
          `Please also check the line ${key}.`,
        ),
      );
    }
  }
  const ceiling = recommendedGrantCeiling(plan, rules);
  if (body.recommendedGrantCents > ceiling) {
    violations.push(
      violation(
        'recommendedGrantCents',
        'recommended-grant-too-high',
        `Empfohlen werden kann höchstens ${formatEuro(ceiling, 'de')} (beantragt bzw. Höchstbetrag des Aufrufs).`,
        `At most ${formatEuro(ceiling, 'en')} can be recommended (the amount requested or the call's maximum).`,
      ),
    );
  }
  return violations;
}

/** The summary of both assessments (computed in the assessment workflow). */
export function summarizeAssessments(input: {
  content: Assessment & ContentAssessmentBody;
  financial: Assessment & FinancialAssessmentBody;
  rubric: Call['rubric'];
  plan: FinancePlan | undefined;
  adminFlatRateBps: number;
  now: Date;
}): AssessmentSummary {
  const { totalScore, maxScore } = weightedScore(input.content.scores, input.rubric);
  return {
    totalScore,
    maxScore,
    recommendations: { content: input.content.recommendation, financial: input.financial.recommendation },
    eligibleCostsCents: eligibleCosts(input.financial.lines, input.plan, input.adminFlatRateBps).totalCents,
    recommendedGrantCents: input.financial.recommendedGrantCents,
    completedAt: input.now.toISOString(),
  };
}
