import { type FormEvent, useId, useState } from 'react';
import type * as z from 'zod/mini';
import type { ConflictDeclarationResult } from '#shared/api/schemas/review.schema.ts';
import { api } from '../../../api.ts';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Field } from '../../../components/field.tsx';
import { useLanguage } from '../../../i18n/language.tsx';
import { review as messages } from '../../../i18n/review.ts';
import { describeFailure, type Failure } from './failure.ts';
import { FailureNotice } from './failure-notice.tsx';

export type DeclarationResult = z.infer<typeof ConflictDeclarationResult>;

/**
 * The declaration on conflicts of interest (Befangenheit), which an assigned reviewer makes once before
 * reading the application: no conflict opens the full view; a conflict hands the role to someone else
 * (the page then says so and the application leaves the person's queue). What each answer leads to is
 * said before the button, tied to it.
 */
export function ConflictDeclaration({
  applicationId,
  onDeclared,
  onReload,
}: {
  applicationId: string;
  onDeclared: (result: DeclarationResult) => void;
  onReload: () => void;
}) {
  const { language } = useLanguage();
  const t = messages[language];
  const id = useId();
  const [choice, setChoice] = useState<'no' | 'yes' | undefined>();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [submitCount, setSubmitCount] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitCount((count) => count + 1);
    setFailure(undefined);
    if (!choice) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      const conflict = choice === 'yes';
      const { body } = await api<DeclarationResult>(
        'POST',
        `/api/review/applications/${encodeURIComponent(applicationId)}/conflict-declaration`,
        { body: { conflict, ...(conflict && note.trim() ? { note: note.trim() } : {}) } },
      );
      onDeclared(body);
    } catch (error) {
      setFailure(describeFailure(error, t));
    } finally {
      setBusy(false);
    }
  };

  const choiceId = `${id}-choice`;
  return (
    <section className="review-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.conflictHeading}</h2>
      <p>{t.conflictIntro}</p>
      <p>{t.conflictExamples}</p>
      <form className="review-form" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary
          errors={missing ? [{ fieldId: `${choiceId}-no`, message: t.conflictChoose }] : []}
          submitCount={submitCount}
        />
        {failure ? <FailureNotice failure={failure} onReload={onReload} /> : null}
        <fieldset
          className={missing ? 'choice-group field--error' : 'choice-group'}
          aria-describedby={missing ? `${choiceId}-error` : undefined}
        >
          <legend>{t.conflictLegend}</legend>
          {missing ? (
            <p className="field__error" id={`${choiceId}-error`}>
              {t.conflictChoose}
            </p>
          ) : null}
          <label className="choice">
            <input
              id={`${choiceId}-no`}
              type="radio"
              name="conflict"
              checked={choice === 'no'}
              onChange={() => setChoice('no')}
            />
            <span>{t.conflictNo}</span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="conflict"
              checked={choice === 'yes'}
              onChange={() => setChoice('yes')}
            />
            <span>{t.conflictYes}</span>
          </label>
        </fieldset>
        {choice === 'yes' ? (
          <Field label={t.conflictNote} hint={t.conflictNoteHint}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                maxLength={2000}
                value={note}
                onChange={(event) => setNote(event.target.value)}
              />
            )}
          </Field>
        ) : null}
        <div id={`${id}-what`}>
          {choice === 'no' ? <p>{t.conflictWhatNo}</p> : null}
          {choice === 'yes' ? <p className="notice">{t.conflictWhatYes}</p> : null}
          <p>{t.conflictOnce}</p>
        </div>
        <button type="submit" className="button" disabled={busy} aria-describedby={`${id}-what`}>
          {busy ? t.conflictSubmitting : t.conflictSubmit}
        </button>
      </form>
    </section>
  );
}
