import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import * as z from 'zod/mini';
import { EmailAddress } from '#shared/api/schemas/membership.schema.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Field } from '../components/field.tsx';
import { localizedResolver, summaryErrors } from '../forms/zod-form.ts';
import { auth } from '../i18n/auth.ts';
import { common } from '../i18n/common.ts';
import { useLanguage } from '../i18n/language.tsx';
import { CognitoError, NewPasswordRequiredError, SoftwareTokenMfaRequiredError } from './cognito.ts';
import { MfaCodeForm } from './mfa-code-form.tsx';
import { NewPasswordForm } from './new-password-form.tsx';
import { signIn } from './session.ts';

const SignInValues = z.object({ email: EmailAddress, password: z.string().check(z.minLength(1)) });
type SignInValues = z.infer<typeof SignInValues>;
const FIELDS = ['email', 'password'] as const;

export interface SignInFormProps {
  /** Distinguishes the ids of the page's form from the dialog's. */
  idPrefix: string;
  defaultEmail?: string;
  onSignedIn(): void;
}

/** Email and password against the user pool (USER_PASSWORD_AUTH); used by the page and the dialog. */
export function SignInForm({ idPrefix, defaultEmail, onSignedIn }: SignInFormProps) {
  const { language } = useLanguage();
  const t = auth[language];
  const c = common[language];
  const [formError, setFormError] = useState<{ message: string; unconfirmedEmail?: string }>();
  /** Set when the account still has its temporary password: the person sets their own next. */
  const [challenge, setChallenge] = useState<NewPasswordRequiredError>();
  /** Set when the account has an authenticator app: its code comes next. */
  const [mfaChallenge, setMfaChallenge] = useState<SoftwareTokenMfaRequiredError>();
  const [expiredChallenges, setExpiredChallenges] = useState(0);
  const form = useForm<SignInValues>({
    shouldFocusError: false,
    resolver: localizedResolver(SignInValues, language),
    defaultValues: { email: defaultEmail ?? '', password: '' },
  });
  const { errors, isSubmitting, submitCount } = form.formState;
  const idOf = (name: string) => `${idPrefix}-${name}`;

  const submit = form.handleSubmit(async ({ email, password }) => {
    setFormError(undefined);
    try {
      await signIn(email, password);
      onSignedIn();
    } catch (error) {
      if (error instanceof NewPasswordRequiredError) {
        setChallenge(error);
        return;
      }
      if (error instanceof SoftwareTokenMfaRequiredError) {
        setMfaChallenge(error);
        return;
      }
      setFormError(signInError(error, email));
    }
  });

  function signInError(error: unknown, email: string) {
    if (!(error instanceof CognitoError)) return { message: c.networkError };
    switch (error.name) {
      case 'UserNotConfirmedException':
        return { message: t.notConfirmed, unconfirmedEmail: email };
      case 'TooManyRequestsException':
      case 'LimitExceededException':
        return { message: t.tooManyAttempts };
      // cognito-local says InvalidPasswordException where Cognito says NotAuthorizedException.
      case 'NotAuthorizedException':
      case 'InvalidPasswordException':
      case 'UserNotFoundException':
        return { message: t.wrongCredentials };
      default:
        return { message: c.unexpectedError };
    }
  }

  const summary = summaryErrors(errors, FIELDS, idOf, formError?.message);
  if (mfaChallenge) {
    return (
      <MfaCodeForm
        idPrefix={idPrefix}
        challenge={mfaChallenge}
        onSignedIn={onSignedIn}
        onExpired={(message) => {
          setMfaChallenge(undefined);
          form.setValue('password', '');
          setFormError({ message });
          setExpiredChallenges((count) => count + 1);
        }}
      />
    );
  }
  if (challenge) {
    return (
      <NewPasswordForm
        idPrefix={idPrefix}
        challenge={challenge}
        onSignedIn={onSignedIn}
        onExpired={(message) => {
          setChallenge(undefined);
          form.setValue('password', '');
          setFormError({ message });
          setExpiredChallenges((count) => count + 1);
        }}
      />
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={summary} submitCount={submitCount + expiredChallenges} />
      {formError?.unconfirmedEmail ? (
        <p>
          <Link to={`/register/confirm?email=${encodeURIComponent(formError.unconfirmedEmail)}`}>
            {t.confirmLink}
          </Link>
        </p>
      ) : null}
      <Field id={idOf('email')} label={t.email} error={errors.email?.message} required>
        {(control) => <input {...control} type="email" autoComplete="username" {...form.register('email')} />}
      </Field>
      <Field id={idOf('password')} label={t.password} error={errors.password?.message} required>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="current-password"
            {...form.register('password')}
          />
        )}
      </Field>
      <button type="submit" className="button" disabled={isSubmitting}>
        {isSubmitting ? t.signingIn : t.signInSubmit}
      </button>
    </form>
  );
}
