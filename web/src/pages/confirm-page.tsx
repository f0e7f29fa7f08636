import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import * as z from 'zod/mini';
import { EmailAddress } from '#shared/api/schemas/membership.schema.ts';
import { CognitoError, confirmSignUp, resendConfirmationCode } from '../auth/cognito.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Field } from '../components/field.tsx';
import { announce } from '../components/live-region.tsx';
import { Page } from '../components/page.tsx';
import { localizedResolver, summaryErrors } from '../forms/zod-form.ts';
import { auth } from '../i18n/auth.ts';
import { common } from '../i18n/common.ts';
import { useLanguage } from '../i18n/language.tsx';

const FIELDS = ['email', 'code'] as const;
const idOf = (name: string) => `confirm-${name}`;

/** /register/confirm?email=… — the code from the confirmation email (ConfirmSignUp), or a new one. */
export function ConfirmPage() {
  const { language } = useLanguage();
  const t = auth[language];
  const c = common[language];
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const knownEmail = params.get('email') ?? '';
  const [formError, setFormError] = useState<string>();
  const [resent, setResent] = useState<string>();

  const schema = z.object({
    email: EmailAddress,
    code: z.string().check(z.trim(), z.regex(/^\d{6}$/, { message: t.codeFormat })),
  });
  const form = useForm({
    shouldFocusError: false,
    resolver: localizedResolver(schema, language),
    defaultValues: { email: knownEmail, code: '' },
  });
  const { errors, isSubmitting, submitCount } = form.formState;

  const submit = form.handleSubmit(async ({ email, code }) => {
    setFormError(undefined);
    try {
      await confirmSignUp(email, code);
      navigate(`/sign-in?confirmed=1&email=${encodeURIComponent(email)}`);
    } catch (error) {
      if (!(error instanceof CognitoError)) return setFormError(c.networkError);
      if (error.name === 'CodeMismatchException') form.setError('code', { message: t.wrongCode });
      else if (error.name === 'ExpiredCodeException') form.setError('code', { message: t.expiredCode });
      else if (error.name === 'UserNotFoundException') form.setError('email', { message: t.userUnknown });
      else setFormError(c.unexpectedError);
    }
  });

  async function resend() {
    const valid = await form.trigger('email');
    if (!valid) return;
    const email = form.getValues('email');
    try {
      await resendConfirmationCode(email);
      setResent(t.codeResent(email));
      announce(t.codeResent(email));
    } catch {
      setFormError(c.unexpectedError);
    }
  }

  return (
    <Page title={t.confirmTitle}>
      <p>{knownEmail ? t.confirmIntro(knownEmail) : t.confirmIntroNoEmail}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={summaryErrors(errors, FIELDS, idOf, formError)} submitCount={submitCount} />
        <Field id={idOf('email')} label={t.email} error={errors.email?.message} required>
          {(control) => <input {...control} type="email" autoComplete="email" {...form.register('email')} />}
        </Field>
        <Field id={idOf('code')} label={t.code} hint={t.codeHint} error={errors.code?.message} required>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              className="input--short"
              {...form.register('code')}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={isSubmitting}>
            {isSubmitting ? t.confirming : t.confirmSubmit}
          </button>
          <button type="button" className="button button--secondary" onClick={() => void resend()}>
            {t.resendCode}
          </button>
        </div>
        {resent ? <p className="notice notice--success">{resent}</p> : null}
      </form>
    </Page>
  );
}
