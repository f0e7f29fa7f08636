import { type FormEvent, useId } from 'react';
import type * as z from 'zod/mini';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type {
  MissingDocumentsBody,
  MissingDocumentsResult,
} from '#shared/api/schemas/nachforderung.schema.ts';
import { NACHFORDERUNG_DAYS } from '#shared/domain/intake.ts';
import {
  defaultReviewerDueDate,
  REVIEWER_DUE_MAX_DAYS,
  REVIEWER_DUE_MIN_DAYS,
  reviewerDueDateViolations,
} from '#shared/domain/reviewer-nachforderung.ts';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { Field } from '../../../components/field.tsx';
import { useLanguage } from '../../../i18n/language.tsx';
import { review as messages } from '../../../i18n/review.ts';
import { ChoiceGroup } from './assessment-common.tsx';
import { FailureNotice } from './failure-notice.tsx';
import { useSessionDraft } from './session-draft.ts';
import { useReviewSubmission } from './use-review-submission.ts';

export type NachforderungResult = z.infer<typeof MissingDocumentsResult>;

/** The most items one Nachforderung takes (nachforderung.schema.ts). */
const MAX_ITEMS = 20;

interface NachforderungDraft {
  documents: string[];
  freeItems: string[];
  dueDate: string;
  note: string;
}

/**
 * The Nachforderung: what the applicants must supply — documents from the call's list and points in the
 * reviewer's own words — by when (proposed: the intake's 14 days; 7 to 60 days, the shared rule), and a
 * message. What follows is said before the button: the applicants are emailed, and the application is
 * INCOMPLETE until they answer. A document item points at that document (`documents.<id>`), so the
 * applicants' form leads them to it.
 */
export function NachforderungForm({
  applicationId,
  call,
  onSent,
  onReload,
}: {
  applicationId: string;
  call: CallView;
  onSent: (result: NachforderungResult) => void;
  onReload: () => void;
}) {
  const { language } = useLanguage();
  const t = messages[language];
  const id = useId();
  const [draft, setDraft, clearDraft] = useSessionDraft<NachforderungDraft>(
    `foerderflow.review.${applicationId}.nachforderung`,
    () => ({ documents: [], freeItems: [''], dueDate: defaultReviewerDueDate(new Date()), note: '' }),
  );

  const fieldId = {
    items: `${id}-items`,
    free: (index: number) => `${id}-free-${index}`,
    dueDate: `${id}-due`,
    note: `${id}-note`,
  };

  const items = (): MissingDocumentsBody['items'] => [
    ...call.requiredDocuments
      .filter((document) => draft.documents.includes(document.id))
      .map((document) => ({
        path: `documents.${document.id}`,
        text: t.nachforderungDocumentItem(document.label[language]),
      })),
    ...draft.freeItems
      .map((text) => text.trim())
      .filter(Boolean)
      .map((text) => ({ text })),
  ];

  /** The API's field paths (items.1.text, dueDate, note) onto this form's fields. */
  const serverErrors = (fieldErrors: Record<string, string>): Record<string, string> => {
    const found: Record<string, string> = {};
    const chosen = call.requiredDocuments.filter((document) => draft.documents.includes(document.id)).length;
    const filled = draft.freeItems
      .map((text, index) => [text.trim(), index] as const)
      .filter(([text]) => text);
    for (const [path, message] of Object.entries(fieldErrors)) {
      const [head, index] = path.split('.');
      if (head === 'items' && index !== undefined && Number(index) >= chosen) {
        const free = filled[Number(index) - chosen];
        found[free ? `free:${free[1]}` : 'items'] = message;
      } else if (head === 'items') found.items = message;
      else if (head === 'dueDate' || head === 'note') found[head] = message;
      else found.form = message;
    }
    return found;
  };

  const { errors, submitCount, busy, failure, submit } = useReviewSubmission<NachforderungResult>({
    path: `/api/review/applications/${encodeURIComponent(applicationId)}/missing-documents`,
    serverErrors,
    onDone: (result) => {
      clearDraft();
      onSent(result);
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const body: MissingDocumentsBody = {
      items: items(),
      dueDate: draft.dueDate,
      ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
    };
    if (body.items.length === 0) found.items = t.nachforderungNoItems;
    if (body.items.length > MAX_ITEMS) found.items = t.nachforderungTooMany;
    if (!draft.dueDate) found.dueDate = t.nachforderungDueMissing;
    else {
      const [violation] = reviewerDueDateViolations(draft.dueDate, new Date());
      if (violation) found.dueDate = violation.message[language];
    }
    void submit(found, body);
  };

  const firstItemField =
    call.requiredDocuments.length > 0 ? `${fieldId.items}-${call.requiredDocuments[0]?.id}` : fieldId.free(0);
  const summary: SummaryError[] = [
    ...(errors.form ? [{ message: errors.form }] : []),
    ...(errors.items ? [{ fieldId: firstItemField, message: errors.items }] : []),
    ...draft.freeItems.flatMap((_, index) => {
      const message = errors[`free:${index}`];
      return message ? [{ fieldId: fieldId.free(index), message }] : [];
    }),
    ...(errors.dueDate ? [{ fieldId: fieldId.dueDate, message: errors.dueDate }] : []),
    ...(errors.note ? [{ fieldId: fieldId.note, message: errors.note }] : []),
  ];

  const setFree = (index: number, text: string) =>
    setDraft({ ...draft, freeItems: draft.freeItems.map((each, i) => (i === index ? text : each)) });

  return (
    <form className="review-form" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={summary} submitCount={submitCount} />
      {failure ? <FailureNotice failure={failure} onReload={onReload} /> : null}
      {call.requiredDocuments.length > 0 ? (
        <ChoiceGroup id={fieldId.items} legend={t.nachforderungDocumentsLegend} error={errors.items}>
          {call.requiredDocuments.map((document) => (
            <label className="choice" key={document.id}>
              <input
                id={`${fieldId.items}-${document.id}`}
                type="checkbox"
                checked={draft.documents.includes(document.id)}
                onChange={(event) =>
                  setDraft({
                    ...draft,
                    documents: event.target.checked
                      ? [...draft.documents, document.id]
                      : draft.documents.filter((each) => each !== document.id),
                  })
                }
              />
              <span>
                {document.label[language]}
                {document.mandatory ? ` (${t.nachforderungMandatory})` : ''}
              </span>
            </label>
          ))}
        </ChoiceGroup>
      ) : null}
      <fieldset>
        <legend>{t.nachforderungFreeLegend}</legend>
        {call.requiredDocuments.length === 0 && errors.items ? (
          <p className="field__error">{errors.items}</p>
        ) : null}
        {draft.freeItems.map((text, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the points are an ordered list edited in place
          <div className="item-row" key={index}>
            <Field
              id={fieldId.free(index)}
              label={t.nachforderungFreeItem(index + 1)}
              hint={index === 0 ? t.nachforderungFreeHint : undefined}
              error={errors[`free:${index}`]}
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={2}
                  maxLength={2000}
                  value={text}
                  onChange={(event) => setFree(index, event.target.value)}
                />
              )}
            </Field>
            {draft.freeItems.length > 1 ? (
              <button
                type="button"
                className="link-button field"
                onClick={() =>
                  setDraft({ ...draft, freeItems: draft.freeItems.filter((_, i) => i !== index) })
                }
              >
                {t.nachforderungRemoveItem(index + 1)}
              </button>
            ) : null}
          </div>
        ))}
        {draft.freeItems.length < MAX_ITEMS ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setDraft({ ...draft, freeItems: [...draft.freeItems, ''] });
              // The new point's field takes the focus, once it is there.
              const next = fieldId.free(draft.freeItems.length);
              setTimeout(() => document.getElementById(next)?.focus(), 0);
            }}
          >
            {t.nachforderungAddItem}
          </button>
        ) : null}
      </fieldset>
      <Field
        id={fieldId.dueDate}
        label={t.nachforderungDue}
        hint={t.nachforderungDueHint(REVIEWER_DUE_MIN_DAYS, REVIEWER_DUE_MAX_DAYS, NACHFORDERUNG_DAYS)}
        error={errors.dueDate}
        required
      >
        {(control) => (
          <input
            {...control}
            type="date"
            className="input--date"
            value={draft.dueDate}
            onChange={(event) => setDraft({ ...draft, dueDate: event.target.value })}
          />
        )}
      </Field>
      <Field id={fieldId.note} label={t.nachforderungNote} error={errors.note}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={2000}
            value={draft.note}
            onChange={(event) => setDraft({ ...draft, note: event.target.value })}
          />
        )}
      </Field>
      <div id={`${id}-next`}>
        <h3>{t.nachforderungWhatNext}</h3>
        <ul>
          <li>{t.nachforderungNext1}</li>
          <li>{t.nachforderungNext2}</li>
          <li>{t.nachforderungNext3}</li>
        </ul>
      </div>
      <button type="submit" className="button" disabled={busy} aria-describedby={`${id}-next`}>
        {busy ? t.submitting : t.nachforderungSubmit}
      </button>
    </form>
  );
}
