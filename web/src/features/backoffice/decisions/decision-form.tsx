import type { FormEvent } from 'react';
import { useState } from 'react';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import { type DecisionAnswer, DecisionBody } from '#shared/api/schemas/decision.schema.ts';
import type { GrantBasis } from '#shared/domain/decision.ts';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Field } from '../../../components/field.tsx';
import { formatEuro } from '../../../format.ts';
import { decisions } from '../../../i18n/decisions.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import { checkGrant } from './grant.ts';
import {
  addPathErrors,
  type FieldErrors,
  GrantFields,
  grantTerms,
  OutcomeChoice,
  summaryOf,
  TextareaField,
  useDecisionSubmission,
  useLimitsText,
  useTypedAmount,
} from './grant-form-parts.tsx';
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
  const [amount, setAmount] = useTypedAmount(() => proposedCents);
  const [conditions, setConditions] = useState('');
  const [ground, setGround] = useState('');
  const [reasons, setReasons] = useState('');
  const [amountTouched, setAmountTouched] = useState(false);
  const { errors, submitCount, sending, failure, clearError, submit } = useDecisionSubmission<
    FieldName,
    DecisionAnswer
  >({
    path: `/api/review/applications/${applicationId}/decision`,
    fieldOfPath,
    onDecided,
    onRemaining,
  });

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

  const chooseGround = (next: string) => {
    const templates = t.groundTemplates as Record<string, string>;
    // A standard text goes into the reasons unless the approver has written their own.
    if (!reasons.trim() || reasons === templates[ground]) setReasons(templates[next] ?? '');
    setGround(next);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors<FieldName> = {};
    let body: DecisionBody | undefined;
    if (outcome === '') {
      found.outcome = t.chooseOutcome;
    } else if (outcome === 'approved') {
      const check = checkGrant(amount, reasons, basis, call, language);
      if (check.amountError) found.amount = check.amountError;
      if (check.reasonsError) found.reasons = check.reasonsError;
      body = {
        outcome,
        ...grantTerms(check.cents, conditions),
        ...(reasons.trim() ? { reasons } : {}),
      };
    } else {
      body = { outcome, reasons };
    }
    if (body) addPathErrors(found, schemaErrors(DecisionBody, body, language), fieldOfPath);
    void submit(found, body);
  };

  const summary = summaryOf(ORDER, IDS, shown);
  const limits = useLimitsText(basis, call);

  return (
    <form onSubmit={onSubmit} noValidate className="dec-form" aria-labelledby="dec-form-heading">
      <h2 id="dec-form-heading">{t.decideHeading}</h2>
      <ErrorSummary errors={summary} submitCount={submitCount} />
      <OutcomeChoice
        idPrefix="dec-outcome"
        name="outcome"
        legend={t.outcomeLegend}
        options={[
          { value: 'approved', label: t.approve },
          { value: 'rejected', label: t.reject },
        ]}
        value={outcome}
        error={shown('outcome')}
        onChange={(value) => {
          setOutcome(value);
          clearError('outcome');
        }}
      />

      {outcome === 'approved' ? (
        <GrantFields
          amountId={IDS.amount}
          amountLabel={t.grantedAmount}
          limits={limits}
          aboveRemainingCents={overBudget ? remainingCents : undefined}
          amountError={shown('amount')}
          amount={amount}
          onAmount={(value) => {
            setAmount(value);
            setAmountTouched(true);
            clearError('amount');
          }}
          conditionsId={IDS.conditions}
          conditionsHint={t.conditionsHint}
          conditionsError={shown('conditions')}
          conditions={conditions}
          onConditions={(value) => {
            setConditions(value);
            clearError('conditions');
          }}
        />
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
        <TextareaField
          id={IDS.reasons}
          label={t.reasons}
          hint={outcome === 'approved' ? t.reasonsHintApproval : t.reasonsHintRejection}
          error={shown('reasons')}
          required={
            outcome === 'rejected' || (live.cents !== undefined && live.cents < basis.requestedGrantCents)
          }
          rows={5}
          value={reasons}
          onChange={(value) => {
            setReasons(value);
            clearError('reasons');
          }}
        />
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
