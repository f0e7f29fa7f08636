import type { UseFormRegisterReturn } from 'react-hook-form';
import * as z from 'zod/mini';
import { PASSWORD_POLICY, passwordProblems } from '#shared/domain/password-policy.ts';
import { Field } from '../components/field.tsx';
import { auth } from '../i18n/auth.ts';
import { useMessages } from '../i18n/language.tsx';

type Messages = (typeof auth)['de'];

/** A new password by the user pool's policy (the shared rule), its first problem in the UI's words. */
export function newPasswordSchema(t: Messages) {
  const problemText = {
    'too-short': t.passwordTooShort(PASSWORD_POLICY.minLength),
    'no-digit': t.passwordNoDigit,
    'no-lowercase': t.passwordNoLowercase,
    'no-uppercase': t.passwordNoUppercase,
  };
  return z.string().check(
    z.superRefine((password, context) => {
      const [first] = passwordProblems(password);
      if (first) context.issues.push({ code: 'custom', message: problemText[first], input: password });
    }),
  );
}

/** The repeated password must match; checked at the repeat field. */
export function passwordsMatch<P extends string, R extends string>(t: Messages, password: P, repeat: R) {
  return z.refine<Record<P | R, string>>((values) => values[password] === values[repeat], {
    message: t.passwordsDiffer,
    path: [repeat],
    // Also while the password itself is still too weak, so every error shows at once.
    when: (payload) => typeof (payload.value as Record<string, unknown>)[repeat] === 'string',
  });
}

/** A new password and its repeat, with the policy as hint. */
export function NewPasswordFields({
  passwordId,
  repeatId,
  passwordLabel,
  passwordError,
  repeatError,
  passwordInput,
  repeatInput,
}: {
  passwordId: string;
  repeatId: string;
  passwordLabel: string;
  passwordError: string | undefined;
  repeatError: string | undefined;
  passwordInput: UseFormRegisterReturn;
  repeatInput: UseFormRegisterReturn;
}) {
  const t = useMessages(auth);
  return (
    <>
      <Field
        id={passwordId}
        label={passwordLabel}
        hint={t.passwordHint(PASSWORD_POLICY.minLength)}
        error={passwordError}
        required
      >
        {(control) => <input {...control} type="password" autoComplete="new-password" {...passwordInput} />}
      </Field>
      <Field id={repeatId} label={t.passwordRepeat} error={repeatError} required>
        {(control) => <input {...control} type="password" autoComplete="new-password" {...repeatInput} />}
      </Field>
    </>
  );
}
