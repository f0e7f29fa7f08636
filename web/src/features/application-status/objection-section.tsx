import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type * as z from 'zod/mini';
import type { ApplicationView } from '#shared/api/schemas/application.schema.ts';
import { ObjectionBody } from '#shared/api/schemas/notification.schema.ts';
import { ApiError, api } from '../../api.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { Field } from '../../components/field.tsx';
import { announce } from '../../components/live-region.tsx';
import { formatDateTime } from '../../format.ts';
import { localizedResolver, summaryErrors } from '../../forms/zod-form.ts';
import { applicationStatus as messages } from '../../i18n/application-status.ts';
import { common } from '../../i18n/common.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { useIdempotencyKey } from './idempotency-key.ts';

type Objection = z.input<typeof ObjectionBody>;
const FIELDS = ['reason'] as const;
const idOf = () => 'objection-reason';

/**
 * The objection (Widerspruch): how one lodged ended (or that it is pending), and while the decision is
 * NOTIFIED and its period runs, the form (POST …/objection with an Idempotency-Key) with the deadline.
 */
export function ObjectionSection({
  application,
  onLodged,
}: {
  application: ApplicationView;
  onLodged: () => Promise<void>;
}) {
  const { language } = useLanguage();
  const t = messages[language];
  const { objection, notification } = application;
  const open =
    application.status === 'NOTIFIED' &&
    !objection &&
    notification !== undefined &&
    Date.now() <= Date.parse(notification.appealPeriodEndsAt);
  if (!objection && !open) return null;
  return (
    <section aria-labelledby="objection-heading">
      <h2 id="objection-heading">{t.objectionHeading}</h2>
      {objection ? (
        <>
          <p>{t.objectionAt(formatDateTime(objection.at, language))}</p>
          <blockquote className="quote">{objection.reason}</blockquote>
          <p className="notice">
            {objection.outcome === 'remedied' && objection.decidedAt
              ? t.objectionRemedied(formatDateTime(objection.decidedAt, language))
              : objection.outcome === 'dismissed' && objection.decidedAt
                ? t.objectionDismissed(formatDateTime(objection.decidedAt, language))
                : t.objectionPending}
          </p>
        </>
      ) : null}
      {open && notification ? (
        <ObjectionForm
          applicationId={application.id}
          deadline={formatDateTime(notification.appealPeriodEndsAt, language)}
          onLodged={onLodged}
        />
      ) : null}
    </section>
  );
}

function ObjectionForm({
  applicationId,
  deadline,
  onLodged,
}: {
  applicationId: string;
  deadline: string;
  onLodged: () => Promise<void>;
}) {
  const { language } = useLanguage();
  const t = messages[language];
  const c = common[language];
  const [formError, setFormError] = useState<string>();
  const idempotencyKey = useIdempotencyKey();
  const form = useForm<Objection, unknown, z.output<typeof ObjectionBody>>({
    resolver: localizedResolver(ObjectionBody, language),
    shouldFocusError: false,
    defaultValues: { reason: '' },
  });
  const { errors, isSubmitting, submitCount } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      await api('POST', `/api/applications/${applicationId}/objection`, {
        body: values,
        headers: { 'idempotency-key': idempotencyKey.current() },
      });
      announce(t.objectionLodged);
      await onLodged();
    } catch (error) {
      if (error instanceof ApiError) {
        // A definite answer: the next attempt is a new request with a key of its own.
        idempotencyKey.renew();
        const fieldErrors = error.fieldErrors;
        if (fieldErrors.reason) form.setError('reason', { message: fieldErrors.reason });
        else setFormError(error.problem.detail ?? error.problem.title ?? t.objectionFailed);
      } else {
        // No answer (network): a retry keeps the key, so a request that did arrive is not repeated.
        setFormError(c.networkError);
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate className="wide-form">
      <p>{t.objectionIntro(deadline)}</p>
      <ErrorSummary errors={summaryErrors(errors, FIELDS, idOf, formError)} submitCount={submitCount} />
      <Field
        id={idOf()}
        label={t.objectionReason}
        hint={t.objectionReasonHint}
        error={errors.reason?.message}
        required
      >
        {(control) => <textarea {...control} rows={6} {...form.register('reason')} />}
      </Field>
      <button type="submit" className="button" disabled={isSubmitting}>
        {isSubmitting ? t.objectionSubmitting : t.objectionSubmit}
      </button>
    </form>
  );
}
