import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type * as z from 'zod/mini';
import { type ApplicationView, WithdrawBody } from '#shared/api/schemas/application.schema.ts';
import { ApiError, api } from '../../api.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { Field } from '../../components/field.tsx';
import { announce } from '../../components/live-region.tsx';
import { formatEuro } from '../../format.ts';
import { localizedResolver, summaryErrors } from '../../forms/zod-form.ts';
import { applicationStatus as messages } from '../../i18n/application-status.ts';
import { common } from '../../i18n/common.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { useIdempotencyKey } from './idempotency-key.ts';

type Withdrawal = z.input<typeof WithdrawBody>;
const FIELDS = ['reason'] as const;
const idOf = () => 'withdraw-reason';

/** Before a decision: Rücknahme des Antrags (the lifecycle's withdraw rule, shared/domain/lifecycle.ts). */
const BEFORE_DECISION: readonly ApplicationView['status'][] = [
  'DRAFT',
  'SUBMITTED',
  'INCOMPLETE',
  'IN_REVIEW',
  'ASSESSED',
  'WAITLISTED',
];

/** What withdrawing means for this application now, or undefined when it cannot be withdrawn. */
export function withdrawalKind(application: ApplicationView): 'withdraw' | 'renounce' | undefined {
  if (BEFORE_DECISION.includes(application.status)) return 'withdraw';
  // An approval can be renounced (Verzicht) until it is final; a rejection is contested by objection.
  const approved = application.decision?.outcome === 'approved';
  if (approved && (application.status === 'APPROVED' || application.status === 'NOTIFIED')) return 'renounce';
  return undefined;
}

/**
 * Withdrawal with a confirmation step that says what it means: before a decision the application is
 * withdrawn (Rücknahme); after an approval the grant is renounced (Verzicht). POST …/withdraw {reason}
 * with an Idempotency-Key.
 */
export function WithdrawalSection({
  application,
  onWithdrawn,
}: {
  application: ApplicationView;
  onWithdrawn: () => Promise<void>;
}) {
  const { language } = useLanguage();
  const t = messages[language];
  const c = common[language];
  const kind = withdrawalKind(application);
  const [confirming, setConfirming] = useState(false);
  const [formError, setFormError] = useState<string>();
  const idempotencyKey = useIdempotencyKey();
  const startButton = useRef<HTMLButtonElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const form = useForm<Withdrawal, unknown, z.output<typeof WithdrawBody>>({
    resolver: localizedResolver(WithdrawBody, language),
    shouldFocusError: false,
    defaultValues: { reason: '' },
  });
  const { errors, isSubmitting, submitCount } = form.formState;

  // The confirmation step takes the focus, so keyboard and screen-reader users read the consequence first.
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  if (!kind) return null;
  const renounce = kind === 'renounce';

  const submit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      await api('POST', `/api/applications/${application.id}/withdraw`, {
        body: values,
        headers: { 'idempotency-key': idempotencyKey.current() },
      });
      announce(renounce ? t.renounced : t.withdrawn);
      await onWithdrawn();
    } catch (error) {
      if (error instanceof ApiError) {
        idempotencyKey.renew();
        const fieldErrors = error.fieldErrors;
        if (fieldErrors.reason) form.setError('reason', { message: fieldErrors.reason });
        else setFormError(error.problem.detail ?? error.problem.title ?? t.withdrawFailed);
      } else {
        setFormError(c.networkError);
      }
    }
  });

  const cancel = () => {
    setConfirming(false);
    setFormError(undefined);
    form.reset();
    // Back where the person started.
    setTimeout(() => startButton.current?.focus(), 0);
  };

  const amount =
    application.decision?.grantedCents !== undefined
      ? formatEuro(application.decision.grantedCents, language)
      : '';
  return (
    <section aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">{renounce ? t.renounceHeading : t.withdrawHeading}</h2>
      <p>{renounce ? t.renounceIntro : t.withdrawIntro}</p>
      {confirming ? (
        <div className="confirmation">
          <h3 id="withdraw-confirm-heading" tabIndex={-1} ref={confirmHeading}>
            {renounce ? t.renounceConfirmHeading : t.withdrawConfirmHeading}
          </h3>
          <p className="notice notice--warning">
            {renounce ? t.renounceConsequence(amount) : t.withdrawConsequence}
          </p>
          <form onSubmit={submit} noValidate className="wide-form" aria-labelledby="withdraw-confirm-heading">
            <ErrorSummary errors={summaryErrors(errors, FIELDS, idOf, formError)} submitCount={submitCount} />
            <Field
              id={idOf()}
              label={t.withdrawReason}
              hint={t.withdrawReasonHint}
              error={errors.reason?.message}
              required
            >
              {(control) => <textarea {...control} rows={3} {...form.register('reason')} />}
            </Field>
            <div className="actions">
              <button type="submit" className="button button--danger" disabled={isSubmitting}>
                {isSubmitting ? t.withdrawing : renounce ? t.renounceConfirm : t.withdrawConfirm}
              </button>
              <button type="button" className="button button--secondary" onClick={cancel}>
                {t.cancel}
              </button>
            </div>
          </form>
        </div>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          ref={startButton}
          onClick={() => setConfirming(true)}
        >
          {renounce ? t.renounceStart : t.withdrawStart}
        </button>
      )}
    </section>
  );
}
