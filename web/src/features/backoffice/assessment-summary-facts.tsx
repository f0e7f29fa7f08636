import type { ReviewApplicationView } from '#shared/api/schemas/review.schema.ts';
import { formatDateTime, formatEuro } from '../../format.ts';
import { useLanguage } from '../../i18n/language.tsx';

type Summary = NonNullable<ReviewApplicationView['assessmentSummary']>;
type Recommendation = Summary['recommendations']['content'];

/**
 * The summary of both assessments as facts, in one order for every page that shows it to approvers
 * (the review view's approver section, the decision page); each page brings its own words.
 */
export function AssessmentSummaryFacts({
  summary,
  className,
  labels,
  scoreValue,
  recommendationName,
}: {
  summary: Summary;
  className: string;
  labels: {
    score: string;
    content: string;
    financial: string;
    eligible: string;
    recommendedGrant: string;
    completed: string;
  };
  scoreValue: (total: number, max: number) => string;
  recommendationName: Record<Recommendation, string>;
}) {
  const { language } = useLanguage();
  return (
    <dl className={className}>
      <div>
        <dt>{labels.score}</dt>
        <dd>{scoreValue(summary.totalScore, summary.maxScore)}</dd>
      </div>
      <div>
        <dt>{labels.content}</dt>
        <dd>{recommendationName[summary.recommendations.content]}</dd>
      </div>
      <div>
        <dt>{labels.financial}</dt>
        <dd>{recommendationName[summary.recommendations.financial]}</dd>
      </div>
      <div>
        <dt>{labels.eligible}</dt>
        <dd>{formatEuro(summary.eligibleCostsCents, language)}</dd>
      </div>
      <div>
        <dt>{labels.recommendedGrant}</dt>
        <dd>{formatEuro(summary.recommendedGrantCents, language)}</dd>
      </div>
      <div>
        <dt>{labels.completed}</dt>
        <dd>{formatDateTime(summary.completedAt, language)}</dd>
      </div>
    </dl>
  );
}
