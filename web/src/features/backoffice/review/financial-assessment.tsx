import { type FormEvent, useId } from 'react';
import type { FinancialAssessmentBody, Recommendation } from '#shared/api/schemas/assessment.schema.ts';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type { FinancePlan, FinanceTotals } from '#shared/api/schemas/draft.schema.ts';
import {
  assessableCostLines,
  eligibleCosts,
  financialAssessmentViolations,
  recommendedGrantCeiling,
} from '#shared/domain/assessment.ts';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { Field } from '../../../components/field.tsx';
import { formatEuro, formatPercent } from '../../../format.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import { review as messages } from '../../../i18n/review.ts';
import { type AmountProblem, parseEuroInput } from '../../application-form/amounts.ts';
import {
  AssessmentConclusion,
  ChoiceGroup,
  commentError,
  type RecordedAssessment,
} from './assessment-common.tsx';
import { FailureNotice } from './failure-notice.tsx';
import { useSessionDraft } from './session-draft.ts';
import { useReviewSubmission } from './use-review-submission.ts';

type Decision = 'yes' | 'partly' | 'no';

interface LineDraft {
  decision: Decision | '';
  amount: string;
  remark: string;
}

interface FinancialDraft {
  lines: Record<string, LineDraft>;
  recommendedGrant: string;
  recommendation: Recommendation | '';
  comment: string;
}

const EMPTY_LINE: LineDraft = { decision: '', amount: '', remark: '' };

/**
 * The financial assessment (rechnerische Prüfung), line by line: for each cost line of the plan whether
 * it is eligible — in full, partly (with the eligible amount) or not — with a remark; then the
 * recommended grant, the recommendation and the reasons. The eligible costs (with the admin flat rate,
 * if claimed) and the ceiling of the recommendation come from the shared assessment rules, and the
 * form checks its lines with the same rules the API applies (financialAssessmentViolations).
 */
export function FinancialAssessmentForm({
  applicationId,
  plan,
  totals,
  call,
  onRecorded,
  onReload,
}: {
  applicationId: string;
  plan: FinancePlan | undefined;
  totals: FinanceTotals;
  call: CallView;
  onRecorded: (result: RecordedAssessment) => void;
  onReload: () => void;
}) {
  const { language } = useLanguage();
  const t = messages[language];
  const id = useId();
  const [draft, setDraft, clearDraft] = useSessionDraft<FinancialDraft>(
    `foerderflow.review.${applicationId}.financial`,
    () => ({ lines: {}, recommendedGrant: '', recommendation: '', comment: '' }),
  );

  const euro = (cents: number) => formatEuro(cents, language);
  const costLines = assessableCostLines(plan);
  const keyOf = (line: { section: string; lineId: string }) => `${line.section}/${line.lineId}`;
  const lineDraft = (key: string) => draft.lines[key] ?? EMPTY_LINE;
  const setLine = (key: string, change: Partial<LineDraft>) =>
    setDraft({ ...draft, lines: { ...draft.lines, [key]: { ...lineDraft(key), ...change } } });

  const fieldId = {
    decision: (index: number) => `${id}-line-${index}`,
    amount: (index: number) => `${id}-line-${index}-amount`,
    remark: (index: number) => `${id}-line-${index}-remark`,
    recommendedGrant: `${id}-grant`,
    recommendation: `${id}-recommendation`,
    comment: `${id}-comment`,
  };

  const amountProblem: Record<AmountProblem, string> = {
    format: t.amountFormat,
    decimals: t.amountDecimals,
    negative: t.amountNegative,
    'too-large': t.amountTooLarge,
  };

  /** A line's eligible amount as the draft says it, or undefined while it is not (validly) decided. */
  const eligibleOf = (line: (typeof costLines)[number]): number | undefined => {
    const entry = lineDraft(keyOf(line));
    if (entry.decision === 'yes') return line.appliedForCents;
    if (entry.decision === 'no') return 0;
    if (entry.decision === 'partly' && entry.amount.trim()) {
      const parsed = parseEuroInput(entry.amount, language);
      return parsed.ok ? parsed.value : undefined;
    }
    return undefined;
  };

  const checked = costLines.map((line) => eligibleOf(line));
  const open = checked.filter((cents) => cents === undefined).length;
  const eligible = eligibleCosts(
    checked.map((cents) => ({ eligibleCents: cents ?? 0 })),
    plan,
    call.rules.adminFlatRateBps,
  );
  const ceiling = recommendedGrantCeiling(plan, call.rules);

  /** The API's field paths (lines.2.eligibleCents, recommendedGrantCents, …) onto this form's fields. */
  const pathErrors = (entries: [string, string][]): Record<string, string> => {
    const found: Record<string, string> = {};
    for (const [path, message] of entries) {
      const [head, index, leaf] = path.split('.');
      if (head === 'lines' && index !== undefined && costLines[Number(index)]) {
        const field = leaf === 'eligibleCents' ? 'amount' : leaf === 'comment' ? 'remark' : 'decision';
        found[`${field}:${index}`] = message;
      } else if (head === 'recommendedGrantCents' || head === 'recommendation' || head === 'comment') {
        found[head] = message;
      } else found.form = message;
    }
    return found;
  };

  /** Checks the draft; returns the body when it can be sent, with the errors found either way. */
  const check = (): { found: Record<string, string>; body?: FinancialAssessmentBody } => {
    const found: Record<string, string> = {};
    const lines: FinancialAssessmentBody['lines'] = [];
    costLines.forEach((line, index) => {
      const entry = lineDraft(keyOf(line));
      if (!entry.decision) found[`decision:${index}`] = t.eligibleMissing;
      else if (entry.decision === 'partly') {
        if (!entry.amount.trim()) found[`amount:${index}`] = t.amountMissing;
        else {
          const parsed = parseEuroInput(entry.amount, language);
          if (!parsed.ok) found[`amount:${index}`] = amountProblem[parsed.problem];
        }
      }
      const remark = entry.remark.trim();
      lines.push({
        section: line.section,
        lineId: line.lineId,
        eligibleCents: checked[index] ?? 0,
        ...(remark ? { comment: remark } : {}),
      });
    });
    let recommendedGrantCents: number | undefined;
    if (!draft.recommendedGrant.trim()) found.recommendedGrantCents = t.recommendedGrantMissing;
    else {
      const parsed = parseEuroInput(draft.recommendedGrant, language);
      if (parsed.ok) recommendedGrantCents = parsed.value;
      else found.recommendedGrantCents = amountProblem[parsed.problem];
    }
    if (!draft.recommendation) found.recommendation = t.recommendationMissing;
    const comment = commentError(draft.comment, t);
    if (comment) found.comment = comment;
    if (recommendedGrantCents === undefined || !draft.recommendation) return { found };
    const body: FinancialAssessmentBody = {
      role: 'financial',
      lines,
      recommendedGrantCents,
      recommendation: draft.recommendation,
      comment: draft.comment.trim(),
    };
    // The API's own rules (more than applied for, more than may be recommended), at their fields.
    const ruled = pathErrors(
      financialAssessmentViolations(body, plan, call.rules).map((v) => [v.path, v.message[language]]),
    );
    for (const [key, message] of Object.entries(ruled)) found[key] ??= message;
    return { found, body };
  };

  const { errors, submitCount, busy, failure, submit } = useReviewSubmission<RecordedAssessment>({
    path: `/api/review/applications/${encodeURIComponent(applicationId)}/assessments`,
    serverErrors: (fieldErrors) => pathErrors(Object.entries(fieldErrors)),
    onDone: (recorded) => {
      clearDraft();
      onRecorded(recorded);
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { found, body } = check();
    void submit(found, body);
  };

  const summary: SummaryError[] = [
    ...(errors.form ? [{ message: errors.form }] : []),
    ...costLines.flatMap((_, index) =>
      (
        [
          ['decision', `${fieldId.decision(index)}-yes`],
          ['amount', fieldId.amount(index)],
          ['remark', fieldId.remark(index)],
        ] as const
      ).flatMap(([field, target]) => {
        const message = errors[`${field}:${index}`];
        return message ? [{ fieldId: target, message }] : [];
      }),
    ),
    ...(errors.recommendedGrantCents
      ? [{ fieldId: fieldId.recommendedGrant, message: errors.recommendedGrantCents }]
      : []),
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
      {costLines.map((line, index) => {
        const key = keyOf(line);
        const entry = lineDraft(key);
        return (
          <fieldset key={key}>
            <legend>{t.lineLegend(t.section[line.section], line.label, euro(line.appliedForCents))}</legend>
            <ChoiceGroup
              id={fieldId.decision(index)}
              legend={t.eligibleLegend}
              error={errors[`decision:${index}`]}
            >
              {(
                [
                  ['yes', t.eligibleYes],
                  ['partly', t.eligiblePartly],
                  ['no', t.eligibleNo],
                ] as const
              ).map(([decision, label]) => (
                <label className="choice" key={decision}>
                  <input
                    id={`${fieldId.decision(index)}-${decision}`}
                    type="radio"
                    name={fieldId.decision(index)}
                    checked={entry.decision === decision}
                    onChange={() => setLine(key, { decision })}
                  />
                  <span>{label}</span>
                </label>
              ))}
            </ChoiceGroup>
            {entry.decision === 'partly' ? (
              <Field
                id={fieldId.amount(index)}
                label={t.eligibleAmount}
                hint={t.eligibleAmountHint(euro(line.appliedForCents))}
                error={errors[`amount:${index}`]}
                required
              >
                {(control) => (
                  <input
                    {...control}
                    className="input--amount"
                    inputMode="decimal"
                    autoComplete="off"
                    value={entry.amount}
                    onChange={(event) => setLine(key, { amount: event.target.value })}
                  />
                )}
              </Field>
            ) : null}
            <Field
              id={fieldId.remark(index)}
              label={t.lineRemark}
              hint={t.lineRemarkHint}
              error={errors[`remark:${index}`]}
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={2}
                  maxLength={2000}
                  value={entry.remark}
                  onChange={(event) => setLine(key, { remark: event.target.value })}
                />
              )}
            </Field>
          </fieldset>
        );
      })}
      <div className="live-result" aria-live="polite" aria-atomic="true">
        <h3>{t.eligibleTotalsHeading}</h3>
        <dl className="figures">
          <div className="figures__row">
            <dt>{t.eligibleDirect}</dt>
            <dd>{euro(eligible.directCents)}</dd>
          </div>
          {plan?.claimsAdminFlatRate ? (
            <div className="figures__row">
              <dt>{t.eligibleFlatRate(formatPercent(call.rules.adminFlatRateBps, language))}</dt>
              <dd>{euro(eligible.adminFlatRateCents)}</dd>
            </div>
          ) : null}
          <div className="figures__row figures__row--strong">
            <dt>{t.eligibleTotal}</dt>
            <dd data-testid="eligible-total">{euro(eligible.totalCents)}</dd>
          </div>
          <div className="figures__row">
            <dt>{t.appliedTotal}</dt>
            <dd>{euro(totals.totalCostsCents)}</dd>
          </div>
          <div className="figures__row">
            <dt>{t.requestedGrant}</dt>
            <dd>{euro(totals.requestedGrantCents)}</dd>
          </div>
        </dl>
        <p>{open > 0 ? t.linesOpen(open) : t.linesDone}</p>
      </div>
      <Field
        id={fieldId.recommendedGrant}
        label={t.recommendedGrant}
        hint={t.recommendedGrantHint(euro(ceiling))}
        error={errors.recommendedGrantCents}
        required
      >
        {(control) => (
          <input
            {...control}
            className="input--amount"
            inputMode="decimal"
            autoComplete="off"
            value={draft.recommendedGrant}
            onChange={(event) => setDraft({ ...draft, recommendedGrant: event.target.value })}
          />
        )}
      </Field>
      <AssessmentConclusion
        id={id}
        recommendationId={fieldId.recommendation}
        commentId={fieldId.comment}
        recommendation={draft.recommendation}
        comment={draft.comment}
        errors={errors}
        onChange={(change) => setDraft({ ...draft, ...change })}
        busy={busy}
        submitLabel={t.submitFinancial}
      />
    </form>
  );
}
