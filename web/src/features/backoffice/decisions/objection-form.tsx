import type { FormEvent } from 'react';
import { useState } from 'react';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import {
  type ObjectionDecisionAnswer,
  ObjectionDecisionBody,
} from '#shared/api/schemas/objection-decision.schema.ts';
import type { GrantBasis } from '#shared/domain/decision.ts';
import { ErrorSummary } from '../../../components/error-summary.tsx';
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
  const [amount, setAmount] = useTypedAmount(() =>
    previousGrantCents > 0 ? previousGrantCents : basis.requestedGrantCents,
  );
  const [conditions, setConditions] = useState('');
  const [reasons, setReasons] = useState('');
  const [amountTouched, setAmountTouched] = useState(false);
  const { errors, submitCount, sending, failure, clearError, submit } = useDecisionSubmission<
    FieldName,
    ObjectionDecisionAnswer
  >({
    path: `/api/review/applications/${applicationId}/objection-decision`,
    fieldOfPath,
    onDecided,
    onRemaining,
  });

  // Reasons are required anyway (the Begründung of the letter), so only the amount's rule is shown live.
  const live = outcome === 'remedied' ? checkGrant(amount, 'x', basis, call, language) : {};
  const change = live.cents !== undefined ? live.cents - previousGrantCents : undefined;
  const shown = (field: FieldName) =>
    errors[field] ??
    (field === 'amount' && (amountTouched || submitCount > 0) ? live.amountError : undefined);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors<FieldName> = {};
    let body: ObjectionDecisionBody | undefined;
    if (outcome === '') {
      found.outcome = t.chooseObjectionOutcome;
    } else {
      if (outcome === 'remedied') {
        const check = checkGrant(amount, reasons, basis, call, language);
        if (check.amountError) found.amount = check.amountError;
        body = {
          outcome,
          ...grantTerms(check.cents, conditions),
          reasons,
        };
      } else {
        body = { outcome, reasons };
      }
      addPathErrors(found, schemaErrors(ObjectionDecisionBody, body, language), fieldOfPath);
    }
    void submit(found, body);
  };

  const summary = summaryOf(ORDER, IDS, shown);
  const limits = useLimitsText(basis, call);
  const budgetEffect =
    change === undefined || change === 0
      ? t.budgetUnchanged
      : change > 0
        ? t.budgetReserves(formatEuro(change, language))
        : t.budgetReleases(formatEuro(-change, language));
  const exceeds = change !== undefined && remainingCents !== undefined && change > remainingCents;

  return (
    <form onSubmit={onSubmit} noValidate className="dec-form" aria-labelledby="obj-form-heading">
      <h2 id="obj-form-heading">{t.objectionDecideHeading}</h2>
      <ErrorSummary errors={summary} submitCount={submitCount} />
      <OutcomeChoice
        idPrefix="obj-outcome"
        name="objection-outcome"
        legend={t.objectionOutcomeLegend}
        options={[
          { value: 'remedied', label: t.remedy },
          { value: 'dismissed', label: t.dismiss },
        ]}
        value={outcome}
        error={shown('outcome')}
        onChange={(value) => {
          setOutcome(value);
          clearError('outcome');
        }}
      />
      {outcome === 'remedied' ? (
        <GrantFields
          amountId={IDS.amount}
          amountLabel={t.newGrant}
          limits={limits}
          note={budgetEffect}
          aboveRemainingCents={exceeds ? remainingCents : undefined}
          amountError={shown('amount')}
          amount={amount}
          onAmount={(value) => {
            setAmount(value);
            setAmountTouched(true);
            clearError('amount');
          }}
          conditionsId={IDS.conditions}
          conditionsHint={t.objectionConditionsHint}
          conditionsError={shown('conditions')}
          conditions={conditions}
          onConditions={(value) => {
            setConditions(value);
            clearError('conditions');
          }}
        />
      ) : null}
      {outcome !== '' ? (
        <TextareaField
          id={IDS.reasons}
          label={t.reasons}
          hint={t.objectionReasonsHint}
          error={shown('reasons')}
          required
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
