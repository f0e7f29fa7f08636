import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Field } from '../components/field.tsx';
import { localizedResolver, summaryErrors } from '../forms/zod-form.ts';
import { auth } from '../i18n/auth.ts';
import { common } from '../i18n/common.ts';
import { useLanguage } from '../i18n/language.tsx';
import { CognitoError, type SoftwareTokenMfaRequiredError } from './cognito.ts';
import { signInWithSoftwareToken } from './session.ts';
import { isTotpCode, normalizeTotpCode, TOTP_INPUT_PROPS } from './totp-code.ts';

const FIELDS = ['code'] as const;

/**
 * The second step of signing in to an account with an authenticator app (Cognito's SOFTWARE_TOKEN_MFA
 * challenge): the app's current six-digit code, which signs the person in. A wrong or used code is said
 * at the field and the person tries again; a challenge that ran out goes back to the first step. The
 * heading takes the focus when the step appears.
 */
export function MfaCodeForm({
  idPrefix,
  challenge,
  onSignedIn,
  onExpired,
}: {
  idPrefix: string;
  challenge: SoftwareTokenMfaRequiredError;
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
      z.object({
        code: z.string().check(
          z.refine(isTotpCode, {
            error: (issue) => (issue.input === '' ? c.fieldRequired : t.mfaCodeFormat),
          }),
        ),
      }),
    [t, c],
  );
  const form = useForm({
    shouldFocusError: false,
    resolver: localizedResolver(schema, language),
    defaultValues: { code: '' },
  });
  const { errors, isSubmitting, submitCount } = form.formState;
  const idOf = (name: string) => `${idPrefix}-mfa-${name}`;

  const submit = form.handleSubmit(async ({ code }) => {
    setFormError(undefined);
    try {
      await signInWithSoftwareToken(challenge, normalizeTotpCode(code));
      onSignedIn();
    } catch (error) {
      if (!(error instanceof CognitoError)) return setFormError(c.networkError);
      switch (error.name) {
        case 'CodeMismatchException':
          return form.setError('code', { message: t.mfaWrongCode });
        // Cognito takes each code once: the same code again is "expired".
        case 'ExpiredCodeException':
          return form.setError('code', { message: t.mfaCodeUsed });
        case 'TooManyRequestsException':
        case 'LimitExceededException':
          return setFormError(t.tooManyAttempts);
        // The challenge's session ran out (a few minutes, or too many wrong codes): start again.
        case 'NotAuthorizedException':
          return onExpired(t.mfaExpired);
        default:
          return setFormError(c.unexpectedError);
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby={idOf('title')}>
      <h2 id={idOf('title')} tabIndex={-1} ref={heading}>
        {t.mfaTitle}
      </h2>
      <p>{t.mfaIntro}</p>
      <ErrorSummary errors={summaryErrors(errors, FIELDS, idOf, formError)} submitCount={submitCount} />
      <Field id={idOf('code')} label={t.mfaCode} hint={t.mfaCodeHint} error={errors.code?.message} required>
        {(control) => <input {...control} {...TOTP_INPUT_PROPS} {...form.register('code')} />}
      </Field>
      <button type="submit" className="button" disabled={isSubmitting}>
        {isSubmitting ? t.mfaChecking : t.mfaSubmit}
      </button>
    </form>
  );
}
