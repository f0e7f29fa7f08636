import type { ReactNode } from 'react';
import type { Path } from 'react-hook-form';
import { Field } from '../../components/field.tsx';
import { formatEuroInput, parseEuroInput } from './amounts.ts';
import type { DraftFormValues } from './draft-form.ts';
import { useEditor } from './editor-context.tsx';
import { fieldId } from './steps.ts';

/**
 * The controls of the application form, each tied to its draft path: the Field component's label, hint
 * and error wiring for inputs, and the same for tick boxes and radio groups (whose label follows the
 * control). Errors shown are the input's own and the finance rules' findings at that path.
 */

type FormPath = Path<DraftFormValues>;

export function TextField({
  path,
  label,
  hint,
  required,
  autoComplete,
  className,
  inputMode,
  after,
}: {
  path: FormPath;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  autoComplete?: string;
  className?: string;
  inputMode?: 'decimal' | 'numeric';
  /** Shown under the control (e.g. a computed figure). */
  after?: ReactNode;
}) {
  const { register, fieldError } = useEditor();
  return (
    <Field id={fieldId(path)} label={label} hint={hint} error={fieldError(path)} required={required}>
      {(control) => (
        <>
          <input
            {...control}
            type="text"
            autoComplete={autoComplete ?? 'off'}
            className={className}
            inputMode={inputMode}
            {...register(path)}
          />
          {after}
        </>
      )}
    </Field>
  );
}

/** An amount in euros as people write it; tidied into the usual form (`1.234,50`) when leaving it. */
export function AmountField({
  path,
  label,
  hint,
  maxCents,
}: {
  path: FormPath;
  label: string;
  hint?: string;
  maxCents?: number;
}) {
  const { form, register, fieldError, formatLanguage, t } = useEditor();
  const registered = register(path);
  return (
    <Field
      id={fieldId(path)}
      label={label}
      hint={hint ? `${hint} ${t.amountHint}.` : `${t.amountHint}.`}
      error={fieldError(path)}
    >
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className="input--amount"
          {...registered}
          onBlur={(event) => {
            const parsed = parseEuroInput(event.target.value, formatLanguage, maxCents);
            if (parsed.ok) {
              const tidy = formatEuroInput(parsed.value, formatLanguage);
              if (tidy !== event.target.value) form.setValue(path, tidy as never, { shouldDirty: true });
            }
            return registered.onBlur(event);
          }}
        />
      )}
    </Field>
  );
}

/** A tick box with its label after it and an explanation underneath. */
export function CheckboxField({ path, label, hint }: { path: FormPath; label: string; hint?: ReactNode }) {
  const { register, fieldError } = useEditor();
  const id = fieldId(path);
  const error = fieldError(path);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'choice-field field--error' : 'choice-field'}>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className="choice">
        <input
          type="checkbox"
          id={id}
          aria-describedby={describedBy || undefined}
          aria-invalid={error ? true : undefined}
          {...register(path)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? (
        <p className="choice__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A question answered by one of a few options (radio buttons in a fieldset with the question as legend). */
export function RadioGroup({
  path,
  legend,
  hint,
  options,
}: {
  path: FormPath;
  legend: string;
  hint?: ReactNode;
  options: { value: string; label: string }[];
}) {
  const { register, fieldError } = useEditor();
  const id = fieldId(path);
  const error = fieldError(path);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      className={error ? 'choice-group field--error' : 'choice-group'}
      id={`${id}-group`}
      aria-describedby={describedBy || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {options.map((option, index) => (
        <div className="choice" key={option.value}>
          <input
            type="radio"
            // The first option carries the group's id, so links to the question land on it.
            id={index === 0 ? id : `${id}-${option.value}`}
            value={option.value}
            {...register(path)}
          />
          <label htmlFor={index === 0 ? id : `${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Findings of the rules about a whole group (a list, the split by year), shown at its top. */
export function GroupFindings({ path }: { path: string }) {
  const { fieldError } = useEditor();
  const error = fieldError(path);
  if (!error) return null;
  return (
    <p className="field__error" id={`${fieldId(path)}-error`}>
      {error}
    </p>
  );
}
