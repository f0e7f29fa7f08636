import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import { type GrantBasis, grantLimits } from '#shared/domain/decision.ts';
import { ApiError, api } from '../../../api.ts';
import type { SummaryError } from '../../../components/error-summary.tsx';
import { Field } from '../../../components/field.tsx';
import { formatEuro, formatPercent } from '../../../format.ts';
import { decisions } from '../../../i18n/decisions.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import type { Language } from '../../../i18n/messages.ts';
import { useIdempotencyKey } from '../../application-status/idempotency-key.ts';
import { describeFailure, type Failure, fieldErrorsOf } from './failure.ts';
import { amountText, conditionLines, convertAmountText } from './grant.ts';

/*
 * What the decision form and the objection form share: the amount typed in the UI language, sending a
 * decision once (Idempotency-Key), mapping the API's field paths to the form's fields, and the fields
 * themselves (outcome radios, granted amount, the textareas).
 */

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** Puts path → message pairs (the schema's or the API's) on the form's fields; the first message per field wins. */
export function addPathErrors<F extends string>(
  into: FieldErrors<F>,
  byPath: Record<string, string>,
  fieldOfPath: (path: string) => F | undefined,
): FieldErrors<F> {
  for (const [path, message] of Object.entries(byPath)) {
    const field = fieldOfPath(path);
    if (field && !into[field]) into[field] = message;
  }
  return into;
}

/** The ErrorSummary's entries in the form's order. */
export function summaryOf<F extends string>(
  order: readonly F[],
  ids: Record<F, string>,
  shown: (field: F) => string | undefined,
): SummaryError[] {
  return order.flatMap((field) => {
    const message = shown(field);
    return message ? [{ fieldId: ids[field], message }] : [];
  });
}

/** An amount typed as the UI language writes it: a language switch rewrites the typed amount. */
export function useTypedAmount(initialCents: () => number) {
  const { language } = useLanguage();
  const [amount, setAmount] = useState(() => amountText(initialCents(), language));
  const typedIn = useRef<Language>(language);
  useEffect(() => {
    setAmount((text) => convertAmountText(text, typedIn.current, language));
    typedIn.current = language;
  }, [language]);
  return [amount, setAmount] as const;
}

/**
 * Sends a decision (POST with an Idempotency-Key per intended decision) and keeps the form's error
 * state: field errors found before sending or named by the API (422), any other refusal in words.
 * A refusal keeps everything typed; a 409 over budget reports what remains.
 */
export function useDecisionSubmission<F extends string, A>({
  path,
  fieldOfPath,
  onDecided,
  onRemaining,
}: {
  path: string;
  fieldOfPath: (path: string) => F | undefined;
  onDecided: (answer: A) => void;
  onRemaining: (remainingCents: number) => void;
}) {
  const { language } = useLanguage();
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [submitCount, setSubmitCount] = useState(0);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<Failure>();
  const idempotencyKey = useIdempotencyKey();

  const clearError = (field: F) => setErrors(({ [field]: _, ...rest }) => rest as FieldErrors<F>);

  /** Shows what the form found; sends the body only when nothing was found. */
  const submit = async (found: FieldErrors<F>, body: unknown) => {
    setFailure(undefined);
    setErrors(found);
    setSubmitCount((count) => count + 1);
    if (Object.keys(found).length > 0 || !body) return;

    setSending(true);
    try {
      const { body: answer } = await api<A>('POST', path, {
        body,
        headers: { 'idempotency-key': idempotencyKey.current() },
      });
      idempotencyKey.renew();
      onDecided(answer);
    } catch (error) {
      // Answered: the next attempt is a new request. Unanswered (network): the same key, so a retry cannot decide twice.
      if (error instanceof ApiError) idempotencyKey.renew();
      const described = describeFailure(error, language);
      const serverErrors = addPathErrors<F>({}, fieldErrorsOf(error), fieldOfPath);
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

  return { errors, submitCount, sending, failure, clearError, submit };
}

/** The bounds of a grant in words: the shared rule's upper limit and where it comes from. */
export function useLimitsText(basis: GrantBasis, call: CallView): string {
  const { language } = useLanguage();
  const bounds = grantLimits(basis, call);
  return decisions[language].limitsHint({
    upper: formatEuro(bounds.upperCents, language),
    requested: formatEuro(bounds.requestedCents, language),
    maximum: formatEuro(bounds.maxGrantCents, language),
    rate: formatPercent(call.rules.maxFundingRateBps, language),
    totalCosts: formatEuro(basis.totalCostsCents, language),
    byRate: formatEuro(bounds.maxByRateCents, language),
  });
}

/** The required choice of outcome as radios, its error above them and tied to each. */
export function OutcomeChoice<O extends string>({
  idPrefix,
  name,
  legend,
  options,
  value,
  error,
  onChange,
}: {
  /** Radios get `${idPrefix}-${option}`, the error `${idPrefix}-error`. */
  idPrefix: string;
  name: string;
  legend: string;
  options: readonly { value: O; label: string }[];
  value: O | '';
  error: string | undefined;
  onChange: (value: O) => void;
}) {
  const t = decisions[useLanguage().language];
  const errorId = `${idPrefix}-error`;
  return (
    <fieldset className="choice-group">
      <legend>
        {legend} <span className="field__required">({t.requiredMark})</span>
      </legend>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {options.map((option) => (
        <label className="choice" key={option.value}>
          <input
            type="radio"
            name={name}
            id={`${idPrefix}-${option.value}`}
            value={option.value}
            checked={value === option.value}
            aria-describedby={error ? errorId : undefined}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The granted amount: the limits as hint (plus any note, e.g. the effect on the budget) and a warning
 * when it is above what the call's budget can still carry.
 */
function GrantAmountField({
  id,
  label,
  limits,
  note,
  aboveRemainingCents,
  error,
  value,
  onChange,
}: {
  id: string;
  label: string;
  limits: string;
  note?: string;
  /** Set when the amount exceeds what remains: the remaining amount to warn with. */
  aboveRemainingCents: number | undefined;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  const { language } = useLanguage();
  const t = decisions[language];
  return (
    <Field
      id={id}
      label={label}
      hint={
        <>
          {limits}
          {note !== undefined ? <> {note}</> : null}
          {aboveRemainingCents !== undefined ? (
            <strong className="dec-warning">
              {' '}
              {t.aboveRemaining(formatEuro(aboveRemainingCents, language))}
            </strong>
          ) : null}
        </>
      }
      error={error}
      required
    >
      {(control) => (
        <input
          {...control}
          className="input--amount"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** The grant part of an approving body: the amount and any further conditions (one per line). */
export function grantTerms(cents: number | undefined, conditions: string) {
  const lines = conditionLines(conditions);
  return { grantedCents: cents ?? 0, ...(lines.length > 0 ? { conditions: lines } : {}) };
}

/** The granted amount and the further conditions, as both forms ask for them when a grant is made. */
export function GrantFields({
  amountId,
  amountLabel,
  limits,
  note,
  aboveRemainingCents,
  amountError,
  amount,
  onAmount,
  conditionsId,
  conditionsHint,
  conditionsError,
  conditions,
  onConditions,
}: {
  amountId: string;
  amountLabel: string;
  limits: string;
  note?: string;
  aboveRemainingCents: number | undefined;
  amountError: string | undefined;
  amount: string;
  onAmount: (value: string) => void;
  conditionsId: string;
  conditionsHint: string;
  conditionsError: string | undefined;
  conditions: string;
  onConditions: (value: string) => void;
}) {
  const t = decisions[useLanguage().language];
  return (
    <>
      <GrantAmountField
        id={amountId}
        label={amountLabel}
        limits={limits}
        {...(note !== undefined ? { note } : {})}
        aboveRemainingCents={aboveRemainingCents}
        error={amountError}
        value={amount}
        onChange={onAmount}
      />
      <TextareaField
        id={conditionsId}
        label={t.conditions}
        hint={conditionsHint}
        error={conditionsError}
        rows={3}
        value={conditions}
        onChange={onConditions}
      />
    </>
  );
}

/** A labelled textarea (conditions, reasons). */
export function TextareaField({
  id,
  label,
  hint,
  error,
  required,
  rows,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error: string | undefined;
  required?: boolean;
  rows: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} {...(required ? { required } : {})}>
      {(control) => (
        <textarea {...control} rows={rows} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}
