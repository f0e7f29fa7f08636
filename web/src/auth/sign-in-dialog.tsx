import { useEffect, useRef } from 'react';
import { announce } from '../components/live-region.tsx';
import { auth } from '../i18n/auth.ts';
import { common } from '../i18n/common.ts';
import { useLanguage } from '../i18n/language.tsx';
import { getLastEmail, useSignInPrompt } from './session.ts';
import { SignInForm } from './sign-in-form.tsx';

/**
 * The sign-in form in a modal dialog over the current page, opened by requestSignIn() when a request
 * finds the session over. The page underneath stays mounted (its input is kept) and is inert while the
 * dialog is open; Escape or "Abbrechen" gives up, and the waiting request fails with 401.
 */
export function SignInDialog() {
  const { open, settle } = useSignInPrompt();
  const { language } = useLanguage();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="sign-in-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        settle(false);
      }}
    >
      {open ? (
        <>
          <h2 id="sign-in-dialog-title">{common[language].sessionExpiredTitle}</h2>
          <p>{common[language].sessionExpiredText}</p>
          <SignInForm
            idPrefix="sign-in-dialog"
            defaultEmail={getLastEmail()}
            onSignedIn={() => {
              announce(auth[language].signedIn);
              settle(true);
            }}
          />
          <button type="button" className="button button--secondary" onClick={() => settle(false)}>
            {common[language].cancel}
          </button>
        </>
      ) : null}
    </dialog>
  );
}
