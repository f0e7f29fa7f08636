import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import { type DecisionAnswer, DecisionBody } from '#shared/api/schemas/decision.schema.ts';
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

type Outcome = '' | 'approved' | 'rejected';
type FieldName = 'outcome' | 'amount' | 'conditions' | 'ground' | 'reasons';

const IDS: Record<FieldName, string> = {
  outcome: 'dec-outcome-approved',
  amount: 'dec-amount',
  conditions: 'dec-conditions',
  ground: 'dec-ground',
  reasons: 'dec-reasons',
};
const ORDER: FieldName[] = ['outcome', 'amount', 'conditions', 'ground', 'reasons'];

/** The API's paths (422) → the form's fields. */
function fieldOfPath(path: string): FieldName | undefined {
  if (path === 'grantedCents') return 'amount';
  if (path === 'reasons') return 'reasons';
  if (path === 'outcome') return 'outcome';
  if (path.startsWith('conditions')) return 'conditions';
  return undefined;
}

/**
 * The decision on an assessed application of a rolling call: approve with the granted amount (at most
 * the amount requested, the call's maximum and its funding rate of the total costs — the shared rule,
 * live at the field — with reasons when less than requested, and any further conditions), or reject
 * with reasons (a ground from the list puts a standard text into them). POST …/decision with an
 * Idempotency-Key per intended decision. A refusal keeps everything typed: four-eyes (403) and a
 * changed status (409) in words, over budget (409) with the remaining amount.
 */
export function DecisionForm({
  applicationId,
  call,
  basis,
  proposedCents,
  remainingCents,
  onDecided,
  onRemaining,
  onReload,
}: {
  applicationId: string;
  call: CallView;
  basis: GrantBasis;
  /** What the amount field starts with: the recommended grant, at most the amount requested. */
  proposedCents: number;
  /** What the call's budget can still carry (as last read). */
  remainingCents: number | undefined;
  onDecided: (answer: DecisionAnswer) => void;
  /** The budget moved (a 409 said what remains). */
  onRemaining: (remainingCents: number) => void;
  onReload: () => void;
}) {
  const { language } = useLanguage();
  const t = decisions[language];
  const [outcome, setOutcome] = useState<Outcome>('');
  const [amount, setAmount] = useState(() => amountText(proposedCents, language));
  const [conditions, setConditions] = useState('');
  const [ground, setGround] = useState('');
  const [reasons, setReasons] = useState('');
  const [amountTouched, setAmountTouched] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [submitCount, setSubmitCount] = useState(0);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<Failure>();
  const idempotencyKey = useIdempotencyKey();

  // Amounts are typed as the UI language writes them: a language switch rewrites the typed amount.
  const typedIn = useRef<Language>(language);
  useEffect(() => {
    setAmount((text) => convertAmountText(text, typedIn.current, language));
    typedIn.current = language;
  }, [language]);

  // Live: the shared rule at the amount field (and at the reasons when less than requested is granted).
  const live = outcome === 'approved' ? checkGrant(amount, reasons, basis, call, language) : {};
  const shown = (field: FieldName): string | undefined => {
    if (errors[field]) return errors[field];
    if (field === 'amount' && (amountTouched || submitCount > 0)) return live.amountError;
    if (field === 'reasons' && (amountTouched || submitCount > 0)) return live.reasonsError;
    return undefined;
  };
  const overBudget =
    outcome === 'approved' &&
    live.cents !== undefined &&
    remainingCents !== undefined &&
    live.cents > remainingCents;

  const clearError = (field: FieldName) => setErrors(({ [field]: _, ...rest }) => rest);

  const chooseGround = (next: string) => {
    const templates = t.groundTemplates as Record<string, string>;
    // A standard text goes into the reasons unless the approver has written their own.
    if (!reasons.trim() || reasons === templates[ground]) setReasons(templates[next] ?? '');
    setGround(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const found: Partial<Record<FieldName, string>> = {};
    let body: DecisionBody | undefined;
    if (outcome === '') {
      found.outcome = t.chooseOutcome;
    } else if (outcome === 'approved') {
      const check = checkGrant(amount, reasons, basis, call, language);
      if (check.amountError) found.amount = check.amountError;
      if (check.reasonsError) found.reasons = check.reasonsError;
      const lines = conditionLines(conditions);
      const candidate = {
        outcome,
        grantedCents: check.cents ?? 0,
        ...(lines.length > 0 ? { conditions: lines } : {}),
        ...(reasons.trim() ? { reasons } : {}),
      };
      for (const [path, message] of Object.entries(schemaErrors(DecisionBody, candidate, language))) {
        const field = fieldOfPath(path);
        if (field && !found[field]) found[field] = message;
      }
      body = candidate;
    } else {
      const candidate = { outcome, reasons };
      for (const [path, message] of Object.entries(schemaErrors(DecisionBody, candidate, language))) {
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
      const { body: answer } = await api<DecisionAnswer>(
        'POST',
        `/api/review/applications/${applicationId}/decision`,
        { body, headers: { 'idempotency-key': idempotencyKey.current() } },
      );
      idempotencyKey.renew();
      onDecided(answer);
    } catch (error) {
      // Answered: the next attempt is a new request. Unanswered (network): the same key, so a retry cannot decide twice.
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
  const limits = t.limitsHint({
    upper: formatEuro(bounds.upperCents, language),
    requested: formatEuro(bounds.requestedCents, language),
    maximum: formatEuro(bounds.maxGrantCents, language),
    rate: formatPercent(call.rules.maxFundingRateBps, language),
    totalCosts: formatEuro(basis.totalCostsCents, language),
    byRate: formatEuro(bounds.maxByRateCents, language),
  });

  return (
    <form onSubmit={submit} noValidate className="dec-form" aria-labelledby="dec-form-heading">
      <h2 id="dec-form-heading">{t.decideHeading}</h2>
      <ErrorSummary errors={summary} submitCount={submitCount} />
      <fieldset className="choice-group">
        <legend>
          {t.outcomeLegend} <span className="field__required">({t.requiredMark})</span>
        </legend>
        {shown('outcome') ? (
          <p className="field__error" id="dec-outcome-error">
            {shown('outcome')}
          </p>
        ) : null}
        {(['approved', 'rejected'] as const).map((value) => (
          <label className="choice" key={value}>
            <input
              type="radio"
              name="outcome"
              id={`dec-outcome-${value}`}
              value={value}
              checked={outcome === value}
              aria-describedby={shown('outcome') ? 'dec-outcome-error' : undefined}
              onChange={() => {
                setOutcome(value);
                clearError('outcome');
              }}
            />
            <span>{value === 'approved' ? t.approve : t.reject}</span>
          </label>
        ))}
      </fieldset>

      {outcome === 'approved' ? (
        <>
          <Field
            id={IDS.amount}
            label={t.grantedAmount}
            hint={
              <>
                {limits}
                {overBudget && remainingCents !== undefined ? (
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
          <Field id={IDS.conditions} label={t.conditions} hint={t.conditionsHint} error={shown('conditions')}>
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

      {outcome === 'rejected' ? (
        <Field id={IDS.ground} label={t.rejectionGround} hint={t.rejectionGroundHint}>
          {(control) => (
            <select {...control} value={ground} onChange={(event) => chooseGround(event.target.value)}>
              <option value="">{t.groundNone}</option>
              {Object.entries(t.grounds).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}

      {outcome !== '' ? (
        <Field
          id={IDS.reasons}
          label={t.reasons}
          hint={outcome === 'approved' ? t.reasonsHintApproval : t.reasonsHintRejection}
          error={shown('reasons')}
          required={
            outcome === 'rejected' || (live.cents !== undefined && live.cents < basis.requestedGrantCents)
          }
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
            : outcome === 'approved' && live.cents !== undefined
              ? t.approveWith(formatEuro(live.cents, language))
              : outcome === 'rejected'
                ? t.rejectNow
                : t.decideNow}
        </button>
      </div>
    </form>
  );
}
