import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type { ReviewApplicationView } from '#shared/api/schemas/review.schema.ts';
import { formatEuro, formatPercent } from '../../../format.ts';
import { decisions } from '../../../i18n/decisions.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import { AssessmentSummaryFacts } from '../assessment-summary-facts.tsx';

type Assessment = NonNullable<ReviewApplicationView['assessments']>[number];

/** The label of a cost line of the finance plan, by its section and id (as the financial reviewer checked it). */
function lineLabel(
  view: ReviewApplicationView,
  section: 'staff' | 'material' | 'fees',
  lineId: string,
): string {
  const plan = view.content?.financePlan;
  if (section === 'staff') return plan?.staff?.find((line) => line.id === lineId)?.role ?? lineId;
  const lines = section === 'material' ? plan?.material : plan?.fees;
  return lines?.find((line) => line.id === lineId)?.description ?? lineId;
}

/**
 * What the approver decides on, as the review view gives it to approvers: the score against the call's
 * rubric, both recommendations, the eligible costs and the recommended grant, then each assessment with
 * its scores or checked cost lines and the reviewer's comment.
 */
export function AssessmentSummary({ view, call }: { view: ReviewApplicationView; call: CallView }) {
  const { language } = useLanguage();
  const t = decisions[language];
  const summary = view.assessmentSummary;
  const content = view.assessments?.find((a) => a.role === 'content');
  const financial = view.assessments?.find((a) => a.role === 'financial');
  return (
    <section aria-labelledby="dec-assessment-heading" className="dec-section">
      <h2 id="dec-assessment-heading">{t.assessmentHeading}</h2>
      {summary ? (
        <AssessmentSummaryFacts
          summary={summary}
          className="dec-facts"
          labels={{
            score: t.score,
            content: t.contentRecommendation,
            financial: t.financialRecommendation,
            eligible: t.eligibleCosts,
            recommendedGrant: t.recommendedGrant,
            completed: t.assessedAt,
          }}
          scoreValue={t.scoreOf}
          recommendationName={t.recommendation}
        />
      ) : (
        <p>{t.noAssessmentYet}</p>
      )}
      {view.totals ? (
        <>
          <h3>{t.financeHeading}</h3>
          <dl className="dec-facts">
            <div>
              <dt>{t.totalCosts}</dt>
              <dd>{formatEuro(view.totals.totalCostsCents, language)}</dd>
            </div>
            <div>
              <dt>{t.requestedGrant}</dt>
              <dd>{formatEuro(view.totals.requestedGrantCents, language)}</dd>
            </div>
            {view.totals.fundingRateBps !== undefined ? (
              <div>
                <dt>{t.fundingRate}</dt>
                <dd>{formatPercent(view.totals.fundingRateBps, language)}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t.ownContribution}</dt>
              <dd>{formatEuro(view.totals.ownContributionCents, language)}</dd>
            </div>
            <div>
              <dt>{t.thirdParty}</dt>
              <dd>{formatEuro(view.totals.thirdPartyCents, language)}</dd>
            </div>
          </dl>
        </>
      ) : null}
      {content ? <ContentAssessment assessment={content} call={call} /> : null}
      {financial ? <FinancialAssessment assessment={financial} view={view} /> : null}
    </section>
  );
}

function ContentAssessment({ assessment, call }: { assessment: Assessment; call: CallView }) {
  const { language } = useLanguage();
  const t = decisions[language];
  if (assessment.role !== 'content') return null;
  return (
    <>
      <h3>{t.contentAssessment}</h3>
      <table className="data-table">
        <caption className="visually-hidden">{t.contentAssessment}</caption>
        <thead>
          <tr>
            <th scope="col">{t.criterion}</th>
            <th scope="col">{t.weight}</th>
            <th scope="col">{t.criterionScore}</th>
          </tr>
        </thead>
        <tbody>
          {assessment.scores.map((score) => {
            const criterion = call.rubric.find((c) => c.id === score.criterionId);
            return (
              <tr key={score.criterionId}>
                <th scope="row">
                  {criterion?.label[language] ?? score.criterionId}
                  {score.comment ? <p className="dec-note">{score.comment}</p> : null}
                </th>
                <td>{criterion?.weight ?? 1}</td>
                <td>{t.scoreOf(score.score, 5)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        <strong>{t.recommendationLabel}</strong> {t.recommendation[assessment.recommendation]}
      </p>
      <p className="dec-quote">{assessment.comment}</p>
    </>
  );
}

function FinancialAssessment({ assessment, view }: { assessment: Assessment; view: ReviewApplicationView }) {
  const { language } = useLanguage();
  const t = decisions[language];
  if (assessment.role !== 'financial') return null;
  return (
    <>
      <h3>{t.financialAssessment}</h3>
      <table className="data-table">
        <caption className="visually-hidden">{t.financialAssessment}</caption>
        <thead>
          <tr>
            <th scope="col">{t.costLine}</th>
            <th scope="col">{t.section}</th>
            <th scope="col" className="dec-number">
              {t.eligible}
            </th>
          </tr>
        </thead>
        <tbody>
          {assessment.lines.map((line) => (
            <tr key={`${line.section}-${line.lineId}`}>
              <th scope="row">
                {lineLabel(view, line.section, line.lineId)}
                {line.comment ? <p className="dec-note">{line.comment}</p> : null}
              </th>
              <td>{t.sections[line.section]}</td>
              <td className="dec-number">{formatEuro(line.eligibleCents, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <strong>{t.recommendedGrant}:</strong> {formatEuro(assessment.recommendedGrantCents, language)}
        {' · '}
        <strong>{t.recommendationLabel}</strong> {t.recommendation[assessment.recommendation]}
      </p>
      <p className="dec-quote">{assessment.comment}</p>
    </>
  );
}
