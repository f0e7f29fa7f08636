import { type FormEvent, useId } from 'react';
import type { ContentAssessmentBody, Recommendation } from '#shared/api/schemas/assessment.schema.ts';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import { weightedScore } from '#shared/domain/assessment.ts';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { Field } from '../../../components/field.tsx';
import { formatPercent } from '../../../format.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import { review as messages } from '../../../i18n/review.ts';
import {
  AssessmentConclusion,
  ChoiceGroup,
  commentError,
  type RecordedAssessment,
} from './assessment-common.tsx';
import { FailureNotice } from './failure-notice.tsx';
import { useSessionDraft } from './session-draft.ts';
import { useReviewSubmission } from './use-review-submission.ts';

const SCORES = [0, 1, 2, 3, 4, 5] as const;

interface ContentDraft {
  scores: Record<string, number>;
  comments: Record<string, string>;
  recommendation: Recommendation | '';
  comment: string;
}

/**
 * The content assessment (fachliche Prüfung) against the call's rubric: 0–5 points per criterion with
 * its weight, reasons per criterion and overall, and the recommendation. The weighted score is computed
 * while scoring by the shared rule (weightedScore, as the assessment workflow's summary will). Input is
 * kept in the session's storage until it is recorded; refusals are shown at their fields.
 */
export function ContentAssessmentForm({
  applicationId,
  call,
  onRecorded,
  onReload,
}: {
  applicationId: string;
  call: CallView;
  onRecorded: (result: RecordedAssessment) => void;
  onReload: () => void;
}) {
  const { language } = useLanguage();
  const t = messages[language];
  const id = useId();
  const [draft, setDraft, clearDraft] = useSessionDraft<ContentDraft>(
    `foerderflow.review.${applicationId}.content`,
    () => ({ scores: {}, comments: {}, recommendation: '', comment: '' }),
  );

  const rubric = call.rubric;
  const fieldId = {
    score: (criterionId: string) => `${id}-score-${criterionId}`,
    criterionComment: (criterionId: string) => `${id}-comment-${criterionId}`,
    recommendation: `${id}-recommendation`,
    comment: `${id}-comment`,
  };
  const scored = rubric.filter((criterion) => draft.scores[criterion.id] !== undefined);
  const { totalScore, maxScore } = weightedScore(
    scored.map((criterion) => ({ criterionId: criterion.id, score: draft.scores[criterion.id] ?? 0 })),
    rubric,
  );

  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    for (const criterion of rubric) {
      if (draft.scores[criterion.id] === undefined) {
        found[`score:${criterion.id}`] = t.scoreMissing(criterion.label[language]);
      }
    }
    if (!draft.recommendation) found.recommendation = t.recommendationMissing;
    const comment = commentError(draft.comment, t);
    if (comment) found.comment = comment;
    return found;
  };

  /** The API's field paths (scores.2.score, comment, …) onto this form's fields. */
  const serverErrors = (fieldErrors: Record<string, string>): Record<string, string> => {
    const found: Record<string, string> = {};
    for (const [path, message] of Object.entries(fieldErrors)) {
      const [head, index, leaf] = path.split('.');
      const criterion = head === 'scores' && index !== undefined ? rubric[Number(index)] : undefined;
      if (criterion) found[`${leaf === 'comment' ? 'criterionComment' : 'score'}:${criterion.id}`] = message;
      else if (head === 'recommendation' || head === 'comment') found[head] = message;
      else found.form = message;
    }
    return found;
  };

  const { errors, submitCount, busy, failure, submit } = useReviewSubmission<RecordedAssessment>({
    path: `/api/review/applications/${encodeURIComponent(applicationId)}/assessments`,
    serverErrors,
    onDone: (recorded) => {
      clearDraft();
      onRecorded(recorded);
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    const body: ContentAssessmentBody | undefined = draft.recommendation
      ? {
          role: 'content',
          scores: rubric.map((criterion) => {
            const comment = draft.comments[criterion.id]?.trim();
            return {
              criterionId: criterion.id,
              score: draft.scores[criterion.id] ?? 0,
              ...(comment ? { comment } : {}),
            };
          }),
          recommendation: draft.recommendation,
          comment: draft.comment.trim(),
        }
      : undefined;
    void submit(found, body);
  };

  const summary: SummaryError[] = [
    ...(errors.form ? [{ message: errors.form }] : []),
    ...rubric.flatMap((criterion) => [
      ...(errors[`score:${criterion.id}`]
        ? [
            {
              fieldId: `${fieldId.score(criterion.id)}-0`,
              message: errors[`score:${criterion.id}`] as string,
            },
          ]
        : []),
      ...(errors[`criterionComment:${criterion.id}`]
        ? [
            {
              fieldId: fieldId.criterionComment(criterion.id),
              message: errors[`criterionComment:${criterion.id}`] as string,
            },
          ]
        : []),
    ]),
    ...(errors.recommendation
      ? [{ fieldId: `${fieldId.recommendation}-fund`, message: errors.recommendation }]
      : []),
    ...(errors.comment ? [{ fieldId: fieldId.comment, message: errors.comment }] : []),
  ];

  return (
    <form className="review-form" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={summary} submitCount={submitCount} />
      {failure ? <FailureNotice failure={failure} onReload={onReload} /> : null}
      <p>{t.draftKept}</p>
      {rubric.map((criterion) => {
        const label = criterion.label[language];
        return (
          <fieldset key={criterion.id}>
            <legend>{t.scoreLegend(label, criterion.weight)}</legend>
            <ChoiceGroup
              id={fieldId.score(criterion.id)}
              legend={t.pointsLegend}
              hint={t.scoreHint}
              error={errors[`score:${criterion.id}`]}
            >
              <div className="score-scale">
                {SCORES.map((score) => (
                  <label key={score}>
                    <input
                      id={`${fieldId.score(criterion.id)}-${score}`}
                      type="radio"
                      name={fieldId.score(criterion.id)}
                      checked={draft.scores[criterion.id] === score}
                      onChange={() =>
                        setDraft({ ...draft, scores: { ...draft.scores, [criterion.id]: score } })
                      }
                    />
                    <span>{t.scoreValue(score)}</span>
                  </label>
                ))}
              </div>
            </ChoiceGroup>
            <Field
              id={fieldId.criterionComment(criterion.id)}
              label={t.criterionComment(label)}
              error={errors[`criterionComment:${criterion.id}`]}
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={2}
                  maxLength={2000}
                  value={draft.comments[criterion.id] ?? ''}
                  onChange={(event) =>
                    setDraft({
                      ...draft,
                      comments: { ...draft.comments, [criterion.id]: event.target.value },
                    })
                  }
                />
              )}
            </Field>
          </fieldset>
        );
      })}
      <div className="live-result" aria-live="polite" aria-atomic="true">
        <h3>{t.weightedScoreHeading}</h3>
        <p data-testid="weighted-score">
          {t.weightedScore(
            totalScore,
            maxScore,
            formatPercent(maxScore > 0 ? Math.floor((totalScore * 10_000) / maxScore) : 0, language),
          )}
        </p>
        {scored.length < rubric.length ? <p>{t.weightedScorePartial(scored.length, rubric.length)}</p> : null}
      </div>
      <AssessmentConclusion
        id={id}
        recommendationId={fieldId.recommendation}
        commentId={fieldId.comment}
        recommendation={draft.recommendation}
        comment={draft.comment}
        errors={errors}
        onChange={(change) => setDraft({ ...draft, ...change })}
        busy={busy}
        submitLabel={t.submitContent}
      />
    </form>
  );
}
