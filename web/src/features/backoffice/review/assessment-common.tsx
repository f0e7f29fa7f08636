import type { ReactNode } from 'react';
import type { Recommendation } from '#shared/api/schemas/assessment.schema.ts';
import { Field } from '../../../components/field.tsx';
import { useLanguage } from '../../../i18n/language.tsx';
import { review as messages } from '../../../i18n/review.ts';

/** What POST …/assessments answers. */
export interface RecordedAssessment {
  applicationId: string;
  role: 'content' | 'financial';
  submittedAt: string;
  bothRecorded: boolean;
}

export const RECOMMENDATIONS: readonly Recommendation[] = ['fund', 'fund-with-conditions', 'reject'];

/** The longest overall reasons the API takes (assessment.schema.ts), and the shortest. */
export const COMMENT_MIN = 10;
export const COMMENT_MAX = 8000;

/**
 * A field's error, for a group of choices: the message above the choices, tied to the fieldset by
 * aria-describedby (a fieldset cannot be aria-invalid, so the message says it).
 */
export function ChoiceGroup({
  id,
  legend,
  hint,
  error,
  children,
}: {
  id: string;
  legend: ReactNode;
  hint?: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      id={id}
      className={error ? 'choice-group field--error' : 'choice-group'}
      aria-describedby={describedBy || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

/** The recommendation to the approvers: one of three, as both assessments give it. */
export function RecommendationChoice({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: Recommendation | '';
  error?: string | undefined;
  onChange: (value: Recommendation) => void;
}) {
  const { language } = useLanguage();
  const t = messages[language];
  return (
    <ChoiceGroup id={id} legend={t.recommendationLegend} error={error}>
      {RECOMMENDATIONS.map((option) => (
        <label className="choice" key={option}>
          <input
            id={`${id}-${option}`}
            type="radio"
            name={id}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          <span>{t.recommendation[option]}</span>
        </label>
      ))}
    </ChoiceGroup>
  );
}

/** The overall reasons (Gesamtbegründung), 10 to 8,000 characters. */
export function OverallComment({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: string;
  error?: string | undefined;
  onChange: (value: string) => void;
}) {
  const { language } = useLanguage();
  const t = messages[language];
  return (
    <Field id={id} label={t.overallComment} hint={t.overallCommentHint} error={error} required>
      {(control) => (
        <textarea
          {...control}
          rows={6}
          maxLength={COMMENT_MAX}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** The overall reasons' rule, said in the person's language (the API's own check is the same). */
export function commentError(comment: string, t: (typeof messages)['de']): string | undefined {
  const length = comment.trim().length;
  if (length < COMMENT_MIN) return t.commentTooShort;
  if (length > COMMENT_MAX) return t.commentTooLong(COMMENT_MAX);
  return undefined;
}

/**
 * How both assessments end: the recommendation, the overall reasons, the note that a recorded
 * assessment is final, and the button that records it.
 */
export function AssessmentConclusion({
  id,
  recommendationId,
  commentId,
  recommendation,
  comment,
  errors,
  onChange,
  busy,
  submitLabel,
}: {
  /** The form's id: the note is `${id}-final`. */
  id: string;
  recommendationId: string;
  commentId: string;
  recommendation: Recommendation | '';
  comment: string;
  errors: Record<string, string>;
  onChange: (change: { recommendation: Recommendation } | { comment: string }) => void;
  busy: boolean;
  submitLabel: string;
}) {
  const { language } = useLanguage();
  const t = messages[language];
  return (
    <>
      <RecommendationChoice
        id={recommendationId}
        value={recommendation}
        error={errors.recommendation}
        onChange={(value) => onChange({ recommendation: value })}
      />
      <OverallComment
        id={commentId}
        value={comment}
        error={errors.comment}
        onChange={(value) => onChange({ comment: value })}
      />
      <p id={`${id}-final`}>{t.assessmentFinal}</p>
      <button type="submit" className="button" disabled={busy} aria-describedby={`${id}-final`}>
        {busy ? t.submitting : submitLabel}
      </button>
    </>
  );
}
