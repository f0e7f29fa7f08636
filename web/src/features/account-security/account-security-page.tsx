import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import * as z from 'zod/mini';
import { BACK_OFFICE_GROUPS } from '#shared/domain/roles.ts';
import { associateSoftwareToken, CognitoError, enableSoftwareTokenMfa } from '../../auth/cognito.ts';
import { signOut, useSession, validAccessToken } from '../../auth/session.ts';
import { isTotpCode, normalizeTotpCode, TOTP_INPUT_PROPS } from '../../auth/totp-code.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { Field } from '../../components/field.tsx';
import { announce } from '../../components/live-region.tsx';
import { Page } from '../../components/page.tsx';
import { localizedResolver, summaryErrors } from '../../forms/zod-form.ts';
import { accountSecurity } from '../../i18n/account-security.ts';
import { common } from '../../i18n/common.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { groupSecret, otpauthUri } from './authenticator.ts';
import { QrCode } from './qr-code.tsx';

/** A refusal that means the session is over: the person signs in again and starts over. */
class SessionOverError extends Error {}

async function accessToken(): Promise<string> {
  const token = await validAccessToken();
  if (!token) throw new SessionOverError();
  return token;
}

/**
 * /account/security — the person's authenticator app (TOTP) as second factor, in three steps: a new key
 * from Cognito (AssociateSoftwareToken), shown grouped, copyable, as an otpauth:// link and a QR code;
 * the app's code confirms it (VerifySoftwareToken) and makes TOTP the preferred factor
 * (SetUserMFAPreference); then the person signs in again, now with a code, and staff get their
 * back-office roles in the new token (the pre-token trigger withholds them without a second factor).
 */
export function AccountSecurityPage() {
  const { language } = useLanguage();
  const t = accountSecurity[language];
  const c = common[language];
  const session = useSession();
  const navigate = useNavigate();
  const email = session?.user.email ?? '';
  const [secret, setSecret] = useState<string>();
  const [done, setDone] = useState(false);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<{ message: string; signIn?: boolean }>();
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  // Staff, with their groups in the token or withheld for want of a second factor (on AWS).
  const staff = [...(session?.user.groups ?? []), ...(session?.user.withheldGroups ?? [])].some((group) =>
    (BACK_OFFICE_GROUPS as readonly string[]).includes(group),
  );

  useEffect(() => {
    if (secret && !done) stepHeading.current?.focus();
  }, [secret, done]);
  useEffect(() => {
    if (done) doneHeading.current?.focus();
  }, [done]);

  function failure(error: unknown): { message: string; signIn?: boolean } {
    if (error instanceof SessionOverError) return { message: t.sessionOver, signIn: true };
    if (!(error instanceof CognitoError)) return { message: c.networkError };
    if (error.name === 'NotAuthorizedException') return { message: t.sessionOver, signIn: true };
    return { message: c.unexpectedError };
  }

  async function start() {
    setStartError(undefined);
    setStarting(true);
    try {
      setSecret(await associateSoftwareToken(await accessToken()));
    } catch (error) {
      setStartError(failure(error));
    } finally {
      setStarting(false);
    }
  }

  const schema = useMemo(
    () =>
      z.object({
        code: z.string().check(
          z.refine(isTotpCode, {
            error: (issue) => (issue.input === '' ? c.fieldRequired : t.codeFormat),
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
  const [confirmError, setConfirmError] = useState<{ message: string; signIn?: boolean }>();
  const idOf = (name: string) => `account-security-${name}`;

  const confirm = form.handleSubmit(async ({ code }) => {
    setConfirmError(undefined);
    try {
      await enableSoftwareTokenMfa(await accessToken(), normalizeTotpCode(code));
      announce(t.done);
      setDone(true);
    } catch (error) {
      // Cognito says EnableSoftwareTokenMFAException for a wrong code, cognito-local CodeMismatchException.
      if (
        error instanceof CognitoError &&
        (error.name === 'CodeMismatchException' || error.name === 'EnableSoftwareTokenMFAException')
      ) {
        form.setError('code', { message: t.wrongCode });
        return;
      }
      setConfirmError(failure(error));
    }
  });

  const signInLink = (
    <p>
      <Link to={`/sign-in?email=${encodeURIComponent(email)}&next=/account/security`}>{t.signInLink}</Link>
    </p>
  );

  if (done) {
    return (
      <Page title={t.title}>
        <div className="notice notice--success">
          <h2 tabIndex={-1} ref={doneHeading}>
            {t.doneTitle}
          </h2>
          <p>{t.doneText}</p>
          {staff ? <p>{t.doneSignInAgain}</p> : null}
        </div>
        <button
          type="button"
          className="button"
          onClick={() => {
            signOut();
            announce(c.signedOut);
            navigate(`/sign-in?email=${encodeURIComponent(email)}`);
          }}
        >
          {t.signInAgain}
        </button>
      </Page>
    );
  }

  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      {staff ? <p>{t.staffNote}</p> : null}
      {secret ? null : (
        <>
          <p>{t.replaceNote}</p>
          {startError ? (
            <div className="notice notice--error" role="alert">
              <p>{startError.message}</p>
              {startError.signIn ? signInLink : null}
            </div>
          ) : null}
          <button type="button" className="button" onClick={start} disabled={starting}>
            {starting ? t.starting : t.start}
          </button>
        </>
      )}
      {secret ? (
        <>
          <section aria-labelledby={idOf('step1')}>
            <h2 id={idOf('step1')} tabIndex={-1} ref={stepHeading}>
              {t.step1Title}
            </h2>
            <p>{t.step1Text}</p>
            <QrCode text={otpauthUri(email, secret)} label={t.qrCode(email)} />
            <dl className="authenticator-key">
              <dt>{t.secretLabel}</dt>
              <dd>
                <code id={idOf('secret')}>{groupSecret(secret)}</code>
              </dd>
            </dl>
            <p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  navigator.clipboard.writeText(secret).then(
                    () => announce(t.copied),
                    () => announce(t.copyFailed),
                  )
                }
              >
                {t.copy}
              </button>
            </p>
            <p>
              <a href={otpauthUri(email, secret)}>{t.openInApp}</a>
            </p>
          </section>
          <section aria-labelledby={idOf('step2')}>
            <h2 id={idOf('step2')}>{t.step2Title}</h2>
            <form onSubmit={confirm} noValidate>
              <ErrorSummary
                errors={summaryErrors(errors, ['code'], idOf, confirmError?.message)}
                submitCount={submitCount}
              />
              {confirmError?.signIn ? signInLink : null}
              <Field id={idOf('code')} label={t.code} hint={t.codeHint} error={errors.code?.message} required>
                {(control) => <input {...control} {...TOTP_INPUT_PROPS} {...form.register('code')} />}
              </Field>
              <button type="submit" className="button" disabled={isSubmitting}>
                {isSubmitting ? t.confirming : t.confirm}
              </button>
            </form>
          </section>
        </>
      ) : null}
    </Page>
  );
}
