import { useEffect, useId, useRef } from 'react';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/language.tsx';

export interface SummaryError {
  /** The id of the field's control, so the link moves focus there; absent for errors of the whole form. */
  fieldId?: string;
  message: string;
}

/**
 * The errors of a submitted form in one list at its top (role="alert", so it is read out at once), each
 * linking to its field. It takes focus after each submit that found errors — pass the form's submit count
 * as `submitCount` and turn react-hook-form's own focusing off (`shouldFocusError: false`), so keyboard
 * and screen-reader users land on the list, then follow a link to the field.
 */
export function ErrorSummary({ errors, submitCount }: { errors: SummaryError[]; submitCount: number }) {
  const c = useMessages(common);
  const ref = useRef<HTMLDivElement>(null);
  // A page form and the sign-in dialog can both show one: ids must differ.
  const titleId = useId();
  const count = submitCount > 0 ? errors.length : 0;
  // Only a new submit moves focus; re-validation while typing must not pull it away from the field.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the submit, not on the errors
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [submitCount]);
  if (count === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 id={titleId}>{c.errorSummaryTitle}</h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.fieldId ?? ''}-${error.message}`}>
            {error.fieldId ? (
              <a
                href={`#${error.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(error.fieldId ?? '')?.focus();
                }}
              >
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
