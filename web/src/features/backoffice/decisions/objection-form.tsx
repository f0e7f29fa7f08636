import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import {
  type ObjectionDecisionAnswer,
  ObjectionDecisionBody,
} from '#shared/api/schemas/objection-decision.schema.ts';
import { type GrantBasis, grantLimits } from '#shared/domain/decision.ts';
import { ApiError, api } from '../../../api.ts';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { Field } from '../../../components/field.tsx';
import { formatEuro, formatPercent } from '../../../format.ts';
import { decisions } from '../../../i18n/decisions.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import type { Language } from '../../../i18n/messages.ts';
import { useIdempotencyKey } from '../../application-status/idempotency-key.ts';
import { describeFailure, type Failure, fieldErrorsOf } from './failure.ts';
import { amountText, checkGrant, conditionLines, convertAmountText } from './grant.ts';
import { FailureNotice } from './notices.tsx';
import { schemaErrors } from './schema-errors.ts';

type Outcome = '' | 'remedied' | 'dismissed';
type FieldName = 'outcome' | 'amount' | 'conditions' | 'reasons';
const IDS: Record<FieldName, string> = {
  outcome: 'obj-outcome-remedied',
  amount: 'obj-amount',
  conditions: 'obj-conditions',
  reasons: 'obj-reasons',
};
const ORDER: FieldName[] = ['outcome', 'amount', 'conditions', 'reasons'];

function fieldOfPath(path: string): FieldName | undefined {
  if (path === 'grantedCents') return 'amount';
  if (path === 'reasons' || path === 'outcome') return path;
  if (path.startsWith('conditions')) return 'conditions';
  return undefined;
}

/**
 * The decision on an objection (Widerspruch) against a decision: remedy it (Abhilfe, § 72 VwGO) with a
 * new grant under the same approval rules, or dismiss it (Widerspruchsbescheid); reasons either way.
 * The change to the call's budget is shown live: a higher grant must fit what remains.
 */
export function ObjectionForm({
  applicationId,
  call,
  basis,
  previousGrantCents,
  remainingCents,
  onDecided,
  onRemaining,
  onReload,
}: {
  applicationId: string;
  call: CallView;
  basis: GrantBasis;
  /** The grant the call's budget counts now for the application (0 after a rejection). */
  previousGrantCents: number;
  remainingCents: number | undefined;
  onDecided: (answer: ObjectionDecisionAnswer) => void;
  onRemaining: (remainingCents: number) => void;
  onReload: () => void;
}) {
  const { language } = useLanguage();
  const t = decisions[language];
  const [outcome, setOutcome] = useState<Outcome>('');
  const [amount, setAmount] = useState(() =>
    amountText(previousGrantCents > 0 ? previousGrantCents : basis.requestedGrantCents, language),
  );
  const [conditions, setConditions] = useState('');
  const [reasons, setReasons] = useState('');
  const [amountTouched, setAmountTouched] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [submitCount, setSubmitCount] = useState(0);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<Failure>();
  const idempotencyKey = useIdempotencyKey();

  const typedIn = useRef<Language>(language);
  useEffect(() => {
    setAmount((text) => convertAmountText(text, typedIn.current, language));
    typedIn.current = language;
  }, [language]);

  // Reasons are required anyway (the Begründung of the letter), so only the amount's rule is shown live.
  const live = outcome === 'remedied' ? checkGrant(amount, 'x', basis, call, language) : {};
  const change = live.cents !== undefined ? live.cents - previousGrantCents : undefined;
  const shown = (field: FieldName) =>
    errors[field] ??
    (field === 'amount' && (amountTouched || submitCount > 0) ? live.amountError : undefined);
  const clearError = (field: FieldName) => setErrors(({ [field]: _, ...rest }) => rest);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const found: Partial<Record<FieldName, string>> = {};
    let body: ObjectionDecisionBody | undefined;
    if (outcome === '') {
      found.outcome = t.chooseObjectionOutcome;
    } else {
      let candidate: ObjectionDecisionBody;
      if (outcome === 'remedied') {
        const check = checkGrant(amount, reasons, basis, call, language);
        if (check.amountError) found.amount = check.amountError;
        const lines = conditionLines(conditions);
        candidate = {
          outcome,
          grantedCents: check.cents ?? 0,
          ...(lines.length > 0 ? { conditions: lines } : {}),
          reasons,
        };
      } else {
        candidate = { outcome, reasons };
      }
      for (const [path, message] of Object.entries(
        schemaErrors(ObjectionDecisionBody, candidate, language),
      )) {
        const field = fieldOfPath(path);
        if (field && !found[field]) found[field] = message;
      }
      body = candidate;
    }
    setErrors(found);
    setSubmitCount((count) => count + 1);
    if (Object.keys(found).length > 0 || !body) return;

    setSending(true);
    try {
      const { body: answer } = await api<ObjectionDecisionAnswer>(
        'POST',
        `/api/review/applications/${applicationId}/objection-decision`,
        { body, headers: { 'idempotency-key': idempotencyKey.current() } },
      );
      idempotencyKey.renew();
      onDecided(answer);
    } catch (error) {
      if (error instanceof ApiError) idempotencyKey.renew();
      const described = describeFailure(error, language);
      const serverErrors: Partial<Record<FieldName, string>> = {};
      for (const [path, message] of Object.entries(fieldErrorsOf(error))) {
        const field = fieldOfPath(path);
        if (field && !serverErrors[field]) serverErrors[field] = message;
      }
      if (Object.keys(serverErrors).length > 0) {
        setErrors(serverErrors);
        setSubmitCount((count) => count + 1);
      } else {
        setFailure(described);
      }
      if (described.remainingCents !== undefined) onRemaining(described.remainingCents);
    } finally {
      setSending(false);
    }
  };

  const summary: SummaryError[] = ORDER.flatMap((field) => {
    const message = shown(field);
    return message ? [{ fieldId: IDS[field], message }] : [];
  });
  const bounds = grantLimits(basis, call);
  const budgetEffect =
    change === undefined || change === 0
      ? t.budgetUnchanged
      : change > 0
        ? t.budgetReserves(formatEuro(change, language))
        : t.budgetReleases(formatEuro(-change, language));
  const exceeds = change !== undefined && remainingCents !== undefined && change > remainingCents;

  return (
    <form onSubmit={submit} noValidate className="dec-form" aria-labelledby="obj-form-heading">
      <h2 id="obj-form-heading">{t.objectionDecideHeading}</h2>
      <ErrorSummary errors={summary} submitCount={submitCount} />
      <fieldset className="choice-group">
        <legend>
          {t.objectionOutcomeLegend} <span className="field__required">({t.requiredMark})</span>
        </legend>
        {shown('outcome') ? (
          <p className="field__error" id="obj-outcome-error">
            {shown('outcome')}
          </p>
        ) : null}
        {(['remedied', 'dismissed'] as const).map((value) => (
          <label className="choice" key={value}>
            <input
              type="radio"
              name="objection-outcome"
              id={`obj-outcome-${value}`}
              value={value}
              checked={outcome === value}
              aria-describedby={shown('outcome') ? 'obj-outcome-error' : undefined}
              onChange={() => {
                setOutcome(value);
                clearError('outcome');
              }}
            />
            <span>{value === 'remedied' ? t.remedy : t.dismiss}</span>
          </label>
        ))}
      </fieldset>
      {outcome === 'remedied' ? (
        <>
          <Field
            id={IDS.amount}
            label={t.newGrant}
            hint={
              <>
                {t.limitsHint({
                  upper: formatEuro(bounds.upperCents, language),
                  requested: formatEuro(bounds.requestedCents, language),
                  maximum: formatEuro(bounds.maxGrantCents, language),
                  rate: formatPercent(call.rules.maxFundingRateBps, language),
                  totalCosts: formatEuro(basis.totalCostsCents, language),
                  byRate: formatEuro(bounds.maxByRateCents, language),
                })}{' '}
                {budgetEffect}
                {exceeds && remainingCents !== undefined ? (
                  <strong className="dec-warning">
                    {' '}
                    {t.aboveRemaining(formatEuro(remainingCents, language))}
                  </strong>
                ) : null}
              </>
            }
            error={shown('amount')}
            required
          >
            {(control) => (
              <input
                {...control}
                className="input--amount"
                inputMode="decimal"
                autoComplete="off"
                value={amount}
                onChange={(event) => {
                  setAmount(event.target.value);
                  setAmountTouched(true);
                  clearError('amount');
                }}
              />
            )}
          </Field>
          <Field
            id={IDS.conditions}
            label={t.conditions}
            hint={t.objectionConditionsHint}
            error={shown('conditions')}
          >
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={conditions}
                onChange={(event) => {
                  setConditions(event.target.value);
                  clearError('conditions');
                }}
              />
            )}
          </Field>
        </>
      ) : null}
      {outcome !== '' ? (
        <Field
          id={IDS.reasons}
          label={t.reasons}
          hint={t.objectionReasonsHint}
          error={shown('reasons')}
          required
        >
          {(control) => (
            <textarea
              {...control}
              rows={5}
              value={reasons}
              onChange={(event) => {
                setReasons(event.target.value);
                clearError('reasons');
              }}
            />
          )}
        </Field>
      ) : null}
      <FailureNotice failure={failure} onReload={onReload} />
      <div className="actions">
        <button type="submit" className="button" disabled={sending}>
          {sending
            ? t.sending
            : outcome === 'dismissed'
              ? t.dismissNow
              : outcome === 'remedied'
                ? t.remedyNow
                : t.decideNow}
        </button>
      </div>
    </form>
  );
}
