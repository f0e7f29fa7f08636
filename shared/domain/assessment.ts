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
import { formatEuro, mulDivFloor } from './money.ts';

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

/** The cost lines of a finance plan with what each costs, keyed `section/lineId`. */
function costLines(plan: FinancePlan | undefined): Map<string, number> {
  const lines = new Map<string, number>();
  for (const line of plan?.staff ?? []) lines.set(`staff/${line.id}`, staffLineCostCents(line));
  for (const line of plan?.material ?? []) lines.set(`material/${line.id}`, line.amountCents);
  for (const line of plan?.fees ?? []) lines.set(`fees/${line.id}`, line.amountCents);
  return lines;
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
  const requested = plan?.requestedGrantCents ?? 0;
  const ceiling = Math.min(requested, rules.maxGrantCents);
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
  const weights = new Map(input.rubric.map((criterion) => [criterion.id, criterion.weight]));
  const totalScore = input.content.scores.reduce(
    (sum, score) => sum + score.score * (weights.get(score.criterionId) ?? 0),
    0,
  );
  const maxScore = 5 * input.rubric.reduce((sum, criterion) => sum + criterion.weight, 0);
  const eligibleDirect = input.financial.lines.reduce((sum, line) => sum + line.eligibleCents, 0);
  const eligibleAdmin = input.plan?.claimsAdminFlatRate
    ? mulDivFloor(eligibleDirect, input.adminFlatRateBps, 10_000)
    : 0;
  return {
    totalScore,
    maxScore,
    recommendations: { content: input.content.recommendation, financial: input.financial.recommendation },
    eligibleCostsCents: eligibleDirect + eligibleAdmin,
    recommendedGrantCents: input.financial.recommendedGrantCents,
    completedAt: input.now.toISOString(),
  };
}
