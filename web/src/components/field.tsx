import { type ReactNode, useId } from 'react';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/language.tsx';

/** What a Field gives its control, so label, hint and error are tied to it for assistive technology. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

export interface FieldProps {
  /** The control's id; give one when an ErrorSummary links to the field. Generated otherwise. */
  id?: string;
  label: ReactNode;
  /** Shown under the label, read after it (e.g. a format or where a code comes from). */
  hint?: ReactNode;
  /** The field's error message, if any: shown above the control and read with it. */
  error?: string | undefined;
  required?: boolean;
  /** Renders the control (input, select, textarea, …) with the ids and states it must carry. */
  children: (control: ControlProps) => ReactNode;
}

/**
 * One form field: a visible label, an optional hint, the error tied to the control by aria-describedby
 * and marked with aria-invalid. Use it for every input, so the accessibility rules live in one place:
 *
 *   <Field label={t.email} hint={t.emailHint} error={errors.email?.message} required>
 *     {(control) => <input {...control} type="email" autoComplete="email" {...register('email')} />}
 *   </Field>
 *
 * Errors are announced by the form's ErrorSummary (role="alert") when it is submitted.
 */
export function Field({ id: givenId, label, hint, error, required, children }: FieldProps) {
  const c = useMessages(common);
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="field__required"> ({c.required})</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(required ? { 'aria-required': true as const } : {}),
      })}
    </div>
  );
}
