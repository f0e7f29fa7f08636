import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { ErrorSummary } from '../components/error-summary.tsx';
import { localizedResolver, summaryErrors } from '../forms/zod-form.ts';
import { auth } from '../i18n/auth.ts';
import { common } from '../i18n/common.ts';
import { useLanguage } from '../i18n/language.tsx';
import { CognitoError, type NewPasswordRequiredError } from './cognito.ts';
import { NewPasswordFields, newPasswordSchema, passwordsMatch } from './password-fields.tsx';
import { signInWithNewPassword } from './session.ts';

const FIELDS = ['newPassword', 'newPasswordRepeat'] as const;

/**
 * The second step of a first sign-in with the temporary password an admin's new account was emailed:
 * the person sets their own (the pool's policy, checked here first as at registration), which signs
 * them in. The heading takes the focus when the step appears.
 */
export function NewPasswordForm({
  idPrefix,
  challenge,
  onSignedIn,
  onExpired,
}: {
  idPrefix: string;
  challenge: NewPasswordRequiredError;
  onSignedIn(): void;
  /** The challenge ran out: back to the first step, with this message. */
  onExpired(message: string): void;
}) {
  const { language } = useLanguage();
  const t = auth[language];
  const c = common[language];
  const [formError, setFormError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const schema = useMemo(
    () =>
      z
        .object({ newPassword: newPasswordSchema(t), newPasswordRepeat: z.string() })
        .check(passwordsMatch(t, 'newPassword', 'newPasswordRepeat')),
    [t],
  );
  const form = useForm({
    shouldFocusError: false,
    resolver: localizedResolver(schema, language),
    defaultValues: { newPassword: '', newPasswordRepeat: '' },
  });
  const { errors, isSubmitting, submitCount } = form.formState;
  const idOf = (name: string) => `${idPrefix}-${name}`;

  const submit = form.handleSubmit(async ({ newPassword }) => {
    setFormError(undefined);
    try {
      await signInWithNewPassword(challenge, newPassword);
      onSignedIn();
    } catch (error) {
      if (!(error instanceof CognitoError)) return setFormError(c.networkError);
      if (error.name === 'InvalidPasswordException') {
        form.setError('newPassword', { message: t.passwordRejected });
      } else if (error.name === 'NotAuthorizedException' || error.name === 'CodeMismatchException') {
        // The challenge's session has run out (a few minutes): start again with the temporary password.
        onExpired(t.challengeExpired);
      } else {
        setFormError(c.unexpectedError);
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby={idOf('new-password-title')}>
      <h2 id={idOf('new-password-title')} tabIndex={-1} ref={heading}>
        {t.newPasswordTitle}
      </h2>
      <p>{t.newPasswordIntro}</p>
      <ErrorSummary errors={summaryErrors(errors, FIELDS, idOf, formError)} submitCount={submitCount} />
      <NewPasswordFields
        passwordId={idOf('newPassword')}
        repeatId={idOf('newPasswordRepeat')}
        passwordLabel={t.newPassword}
        passwordError={errors.newPassword?.message}
        repeatError={errors.newPasswordRepeat?.message}
        passwordInput={form.register('newPassword')}
        repeatInput={form.register('newPasswordRepeat')}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        {isSubmitting ? t.settingPassword : t.newPasswordSubmit}
      </button>
    </form>
  );
}
