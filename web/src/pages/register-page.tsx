import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import * as z from 'zod/mini';
import { EmailAddress } from '#shared/api/schemas/membership.schema.ts';
import { CognitoError, signUp } from '../auth/cognito.ts';
import { NewPasswordFields, newPasswordSchema, passwordsMatch } from '../auth/password-fields.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Field } from '../components/field.tsx';
import { Page } from '../components/page.tsx';
import { localizedResolver, summaryErrors } from '../forms/zod-form.ts';
import { auth } from '../i18n/auth.ts';
import { common } from '../i18n/common.ts';
import { useLanguage } from '../i18n/language.tsx';

const FIELDS = ['email', 'password', 'passwordRepeat'] as const;
const idOf = (name: string) => `register-${name}`;

/** Self-registration: SignUp with email and password; the user pool emails a confirmation code. */
export function RegisterPage() {
  const { language } = useLanguage();
  const t = auth[language];
  const c = common[language];
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string>();

  const schema = useMemo(
    () =>
      z
        .object({ email: EmailAddress, password: newPasswordSchema(t), passwordRepeat: z.string() })
        .check(passwordsMatch(t, 'password', 'passwordRepeat')),
    [t],
  );

  const form = useForm({
    shouldFocusError: false,
    resolver: localizedResolver(schema, language),
    defaultValues: { email: '', password: '', passwordRepeat: '' },
  });
  const { errors, isSubmitting, submitCount } = form.formState;

  const submit = form.handleSubmit(async ({ email, password }) => {
    setFormError(undefined);
    try {
      await signUp(email, password);
      navigate(`/register/confirm?email=${encodeURIComponent(email)}`);
    } catch (error) {
      if (!(error instanceof CognitoError)) return setFormError(c.networkError);
      if (error.name === 'UsernameExistsException') {
        form.setError('email', { message: t.emailTaken });
      } else if (error.name === 'InvalidPasswordException') {
        form.setError('password', { message: t.passwordRejected });
      } else {
        setFormError(c.unexpectedError);
      }
    }
  });

  return (
    <Page title={t.registerTitle}>
      <p>{t.registerIntro}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={summaryErrors(errors, FIELDS, idOf, formError)} submitCount={submitCount} />
        <Field id={idOf('email')} label={t.email} hint={t.emailHint} error={errors.email?.message} required>
          {(control) => <input {...control} type="email" autoComplete="email" {...form.register('email')} />}
        </Field>
        <NewPasswordFields
          passwordId={idOf('password')}
          repeatId={idOf('passwordRepeat')}
          passwordLabel={t.password}
          passwordError={errors.password?.message}
          repeatError={errors.passwordRepeat?.message}
          passwordInput={form.register('password')}
          repeatInput={form.register('passwordRepeat')}
        />
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? t.registering : t.registerSubmit}
        </button>
      </form>
      <p>
        {t.alreadyRegistered} <Link to="/sign-in">{t.signInTitle}</Link>
      </p>
    </Page>
  );
}
