import { Link } from 'react-router';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type { ReviewApplicationView } from '#shared/api/schemas/review.schema.ts';
import { assessableCostLines } from '#shared/domain/assessment.ts';
import { formatDateTime, formatEuro } from '../../../format.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import { review as messages } from '../../../i18n/review.ts';
import { AssessmentSummaryFacts } from '../assessment-summary-facts.tsx';

/**
 * Whether an approver decides this application on the decision page: an assessed (or waitlisted)
 * application of a rolling call, or an objection to decide. Competitive calls are decided in the
 * ranking's batch instead.
 */
export function decidable(view: ReviewApplicationView, call: CallView): 'decision' | 'objection' | undefined {
  if (view.status === 'APPEALED') return 'objection';
  if ((view.status === 'ASSESSED' || view.status === 'WAITLISTED') && call.selectionMode === 'rolling') {
    return 'decision';
  }
  return undefined;
}

/**
 * What approvers see beyond the application: the summary of both assessments, each assessment with its
 * points per criterion or its checked lines and the reviewer's reasons, and the way to the decision.
 */
export function ApproverSection({ view, call }: { view: ReviewApplicationView; call: CallView }) {
  const { language } = useLanguage();
  const t = messages[language];
  const euro = (cents: number) => formatEuro(cents, language);
  const summary = view.assessmentSummary;
  const next = decidable(view, call);
  const nameOf = (sub: string) =>
    view.assignments?.find((assignment) => assignment.reviewerSub === sub)?.reviewerName ?? t.reviewerUnknown;
  const lines = new Map(
    assessableCostLines(view.content?.financePlan).map((line) => [`${line.section}/${line.lineId}`, line]),
  );
  return (
    <section className="review-section" id="approval" aria-labelledby="approval-heading">
      <h2 id="approval-heading">{t.approverHeading}</h2>
      {next ? (
        <p>
          <Link className="button" to={`/backoffice/applications/${view.id}/decision`}>
            {next === 'objection' ? t.decideObjection : t.decide}
          </Link>
        </p>
      ) : null}
      {view.decision ? <p>{t.decidedHint}</p> : null}
      {summary ? (
        <>
          <h3>{t.summaryHeading}</h3>
          <AssessmentSummaryFacts
            summary={summary}
            className="review-facts"
            labels={{
              score: t.summaryScore,
              content: t.summaryContent,
              financial: t.summaryFinancial,
              eligible: t.summaryEligible,
              recommendedGrant: t.summaryRecommendedGrant,
              completed: t.summaryCompleted,
            }}
            scoreValue={t.summaryScoreValue}
            recommendationName={t.recommendation}
          />
        </>
      ) : null}
      {view.assessments?.length ? (
        view.assessments.map((assessment) => (
          <article key={assessment.role} aria-labelledby={`assessment-${assessment.role}`}>
            <h3 id={`assessment-${assessment.role}`}>
              {t.assessmentBy(
                t.role[assessment.role],
                nameOf(assessment.reviewerSub),
                formatDateTime(assessment.submittedAt, language),
              )}
            </h3>
            <p>
              <strong>{t.recommendation[assessment.recommendation]}</strong>
            </p>
            <p className="quote-block">{assessment.comment}</p>
            {assessment.role === 'content' ? (
              <table className="data-table">
                <caption>{t.scoresCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.columnCriterion}</th>
                    <th scope="col" className="number">
                      {t.columnWeight}
                    </th>
                    <th scope="col" className="number">
                      {t.columnScore}
                    </th>
                    <th scope="col">{t.columnComment}</th>
                  </tr>
                </thead>
                <tbody>
                  {assessment.scores.map((score) => {
                    const criterion = call.rubric.find((each) => each.id === score.criterionId);
                    return (
                      <tr key={score.criterionId}>
                        <th scope="row">{criterion?.label[language] ?? score.criterionId}</th>
                        <td className="number">{criterion?.weight ?? ''}</td>
                        <td className="number">{score.score}</td>
                        <td>{score.comment ?? ''}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ) : (
              <table className="data-table">
                <caption>{t.linesCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.columnDescription}</th>
                    <th scope="col" className="number">
                      {t.columnApplied}
                    </th>
                    <th scope="col" className="number">
                      {t.columnEligible}
                    </th>
                    <th scope="col">{t.lineRemark}</th>
                  </tr>
                </thead>
                <tbody>
                  {assessment.lines.map((checked) => {
                    const line = lines.get(`${checked.section}/${checked.lineId}`);
                    return (
                      <tr key={`${checked.section}/${checked.lineId}`}>
                        <th scope="row">
                          {t.section[checked.section]}: {line?.label ?? checked.lineId}
                        </th>
                        <td className="number">{line ? euro(line.appliedForCents) : ''}</td>
                        <td className="number">{euro(checked.eligibleCents)}</td>
                        <td>{checked.comment ?? ''}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </article>
        ))
      ) : (
        <p>{t.noAssessments}</p>
      )}
    </section>
  );
}
