import { useCallback, useEffect, useRef, useState } from 'react';
import type * as z from 'zod/mini';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import {
  type CreatedDocumentView,
  type DocumentView,
  MAX_DOCUMENT_BYTES,
} from '#shared/api/schemas/document.schema.ts';
import type { RejectionCode } from '#shared/domain/document-verdict.ts';
import { ApiError, api } from '../../api.ts';
import { Field } from '../../components/field.tsx';
import { announce } from '../../components/live-region.tsx';
import { formatDateTime, formatFileSize } from '../../format.ts';
import { common } from '../../i18n/common.ts';
import { documents as messages } from '../../i18n/documents.ts';
import { useLanguage } from '../../i18n/language.tsx';
import type { Language } from '../../i18n/messages.ts';
import { ACCEPT, contentTypeOf, fileProblem, uploadWithProgress } from './upload.ts';
import './documents.css';

/** The type the API uses for anything the call does not ask for by name. */
const OTHER = 'other';

export interface DocumentsPanelProps {
  applicationId: string;
  /** The application's call: its required documents, mandatory or not. */
  call: Pick<CallView, 'requiredDocuments'>;
  /** While the application can still change (a draft, or INCOMPLETE after a Nachforderung). */
  editable: boolean;
  /** Called with the documents after each load and change (e.g. for a summary of what is missing). */
  onChange?: (items: DocumentView[]) => void;
}

type Load = { state: 'loading' } | { state: 'failed' } | { state: 'loaded'; items: DocumentView[] };

/** Where the upload of one row stands. */
type RowState =
  | { phase: 'idle'; error?: string }
  | { phase: 'uploading'; fileName: string; percent: number }
  | { phase: 'checking'; fileName: string };

interface Row {
  type: string;
  label: string;
  mandatory: boolean;
  hint?: string;
}

/**
 * The documents of an application: the call's required documents (mandatory or not) and "other", each
 * with what is uploaded and the server's verdict on it; while editable, a file input per row (label,
 * hint with the accepted types and size), the upload with a progress bar, replace and delete.
 *
 * An upload is: POST …/documents (type, fileName, contentType, size) → the presigned POST, sent with
 * XMLHttpRequest for its progress → POST …/documents/{docId}/complete → verified, or refused with the
 * reason. Start, end and verdict are announced in the live region. Renders no <form> and only
 * type="button" buttons, so it can sit inside the application form.
 */
export function DocumentsPanel({ applicationId, call, editable, onChange }: DocumentsPanelProps) {
  const { language } = useLanguage();
  const t = messages[language];
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const base = `/api/applications/${applicationId}/documents`;

  const setItems = useCallback((items: DocumentView[]) => {
    setLoad({ state: 'loaded', items });
    onChangeRef.current?.(items);
  }, []);

  // The rejection reasons come in the request's language, so the list is read again when it changes.
  // The header is given here: the API client learns a new language only after this effect has run.
  const fetchDocuments = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const { body } = await api<{ items: DocumentView[] }>('GET', base, {
          signal,
          headers: { 'accept-language': language },
        });
        setItems(body.items);
      } catch {
        if (!signal?.aborted) setLoad({ state: 'failed' });
      }
    },
    [base, language, setItems],
  );
  useEffect(() => {
    const controller = new AbortController();
    void fetchDocuments(controller.signal);
    return () => controller.abort();
  }, [fetchDocuments]);

  const setRow = (type: string, state: RowState) => setRows((previous) => ({ ...previous, [type]: state }));
  const typesList = t.typesList;
  const maxSize = formatFileSize(MAX_DOCUMENT_BYTES, language);

  async function uploadFile(row: Row, file: File | undefined) {
    if (!file) {
      setRow(row.type, { phase: 'idle', error: t.noFileChosen });
      announce(t.noFileChosen);
      return;
    }
    const problem = fileProblem(file);
    const contentType = contentTypeOf(file);
    if (problem || !contentType) {
      const error =
        problem === 'empty' ? t.emptyFile : problem === 'size' ? t.tooLarge(maxSize) : t.wrongType(typesList);
      setRow(row.type, { phase: 'idle', error });
      announce(error);
      return;
    }
    setRow(row.type, { phase: 'uploading', fileName: file.name, percent: 0 });
    announce(t.uploadStarted(file.name));
    try {
      const { body: created } = await api<z.infer<typeof CreatedDocumentView>>('POST', base, {
        body: { type: row.type, fileName: file.name, contentType, size: file.size },
      });
      const arrived = await uploadWithProgress(created.upload, file, (percent) =>
        setRow(row.type, { phase: 'uploading', fileName: file.name, percent }),
      );
      if (arrived) announce(t.uploadFinished(file.name));
      setRow(row.type, { phase: 'checking', fileName: file.name });
      // Completed even when the upload failed: the server then records that nothing arrived, so no
      // document is left pending.
      const complete = () =>
        api<DocumentView>('POST', `${base}/${created.document.id}/complete`, {
          headers: { 'accept-language': language },
        }).then(({ body }) => body);
      let checked = await complete();
      // On AWS the malware scan runs for a few seconds after the upload; until it is done the server
      // leaves the document pending, and completing again asks again (every 2 s, for up to 2 minutes).
      for (let waited = 0; arrived && checked.status === 'pending' && waited < 120_000; waited += 2000) {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        checked = await complete();
      }
      if (arrived && checked.status === 'pending') {
        setRow(row.type, { phase: 'idle' });
        announce(t.stillScanning(checked.fileName));
      } else if (!arrived && checked.status !== 'verified') {
        setRow(row.type, { phase: 'idle', error: t.uploadFailed(file.name) });
        announce(t.uploadFailed(file.name));
      } else {
        setRow(row.type, { phase: 'idle' });
        announce(
          checked.status === 'verified'
            ? t.announcedVerified(checked.fileName)
            : t.announcedRejected(checked.fileName, verdictText(checked, t)),
        );
      }
      await fetchDocuments();
    } catch (error) {
      const message = error instanceof ApiError ? (error.problem.detail ?? t.actionFailed) : t.actionFailed;
      setRow(row.type, { phase: 'idle', error: message });
      announce(message);
      await fetchDocuments();
    }
  }

  async function deleteDocument(document: DocumentView) {
    try {
      await api('DELETE', `${base}/${document.id}`);
      announce(t.deleted(document.fileName));
    } catch (error) {
      announce(error instanceof ApiError ? (error.problem.detail ?? t.deleteFailed) : t.deleteFailed);
    }
    await fetchDocuments();
  }

  const requiredRows: Row[] = call.requiredDocuments.map((required) => ({
    type: required.id,
    label: required.label[language],
    mandatory: required.mandatory,
  }));
  const allRows: Row[] = [
    ...requiredRows,
    { type: OTHER, label: t.otherHeading, mandatory: false, hint: t.otherHint },
  ];

  if (load.state === 'loading') return <p aria-busy="true">{common[language].loading}</p>;
  if (load.state === 'failed') {
    return (
      <div className="notice notice--error" role="alert">
        <p>{t.loadFailed}</p>
        <button type="button" className="button" onClick={() => void fetchDocuments()}>
          {t.retry}
        </button>
      </div>
    );
  }

  const items = load.items;
  const mandatory = requiredRows.filter((row) => row.mandatory);
  const verifiedMandatory = mandatory.filter((row) =>
    items.some((item) => item.type === row.type && item.status === 'verified'),
  ).length;
  // Documents of a type the call no longer lists would otherwise vanish: they are shown as "other".
  const known = new Set(requiredRows.map((row) => row.type));
  const itemsOf = (type: string) =>
    items.filter((item) =>
      type === OTHER ? item.type === OTHER || !known.has(item.type) : item.type === type,
    );
  // Without anything uploaded as "other", a read-only panel does not show that row.
  const shownRows = editable
    ? allRows
    : allRows.filter((row) => row.type !== OTHER || itemsOf(OTHER).length > 0);

  if (!editable && items.length === 0 && requiredRows.length === 0) {
    return (
      <div className="documents-panel">
        <p>{t.noneReadOnly}</p>
      </div>
    );
  }
  return (
    <div className="documents-panel">
      <p>{editable ? t.intro(typesList, maxSize) : t.readOnlyIntro}</p>
      {mandatory.length > 0 ? (
        <p className="documents-panel__count">{t.mandatoryCount(verifiedMandatory, mandatory.length)}</p>
      ) : null}
      <ul className="documents-panel__rows">
        {shownRows.map((row) => (
          <DocumentRow
            key={row.type}
            row={row}
            items={itemsOf(row.type)}
            state={rows[row.type] ?? { phase: 'idle' }}
            editable={editable}
            language={language}
            onUpload={(file) => void uploadFile(row, file)}
            onDelete={(document) => void deleteDocument(document)}
            onFileChosen={() => setRow(row.type, { phase: 'idle' })}
          />
        ))}
      </ul>
    </div>
  );
}

type Texts = (typeof messages)['de'];

function DocumentRow(props: {
  row: Row;
  items: DocumentView[];
  state: RowState;
  editable: boolean;
  language: Language;
  onUpload: (file: File | undefined) => void;
  onDelete: (document: DocumentView) => void;
  onFileChosen: () => void;
}) {
  const { row, items, state, editable, language } = props;
  const t = messages[language];
  const input = useRef<HTMLInputElement>(null);
  const busy = state.phase !== 'idle';
  const hasVerified = items.some((item) => item.status === 'verified');
  // Required types hold one file: a new one replaces the current one. "Other" collects any number.
  const replacing = row.type !== OTHER && hasVerified;
  const inputId = `document-${row.type}-file`;
  const progressId = `document-${row.type}-progress`;
  const headingId = `document-${row.type}-heading`;
  const maxSize = formatFileSize(MAX_DOCUMENT_BYTES, language);

  return (
    <li className="documents-panel__row" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {row.label}{' '}
        <span className={row.mandatory ? 'tag tag--mandatory' : 'tag'}>
          {row.mandatory ? t.mandatory : t.optional}
        </span>
      </h3>
      {row.hint ? <p className="documents-panel__hint">{row.hint}</p> : null}
      {items.length === 0 ? (
        <p>{row.mandatory ? t.nothingUploadedMandatory : t.nothingUploaded}</p>
      ) : (
        <ul className="documents-panel__files">
          {items.map((item) => (
            <li key={item.id} className={`document document--${item.status}`}>
              <p className="document__name">
                <span>{item.fileName}</span>{' '}
                <span className="document__meta">
                  (
                  {t.fileMeta(formatFileSize(item.size, language), formatDateTime(item.uploadedAt, language))}
                  )
                </span>
              </p>
              <p className="document__verdict">
                <strong>{statusText(item, t)}</strong>
                {item.status === 'rejected' ? ` – ${verdictText(item, t)}` : null}
              </p>
              {editable ? (
                <button type="button" className="link-button" onClick={() => props.onDelete(item)}>
                  {t.delete}
                  <span className="visually-hidden"> ({item.fileName})</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <div className="documents-panel__upload">
          <Field
            id={inputId}
            label={replacing ? t.chooseReplacement(row.label) : t.chooseFile(row.label)}
            hint={`${t.fileHint(t.typesList, maxSize)}${replacing ? ` ${t.replaceHint}` : ''}`}
            error={state.phase === 'idle' ? state.error : undefined}
          >
            {(control) => (
              <input {...control} ref={input} type="file" accept={ACCEPT} onChange={props.onFileChosen} />
            )}
          </Field>
          <button
            type="button"
            className="button button--secondary"
            // Not disabled while busy: a disabled button drops the keyboard focus.
            aria-disabled={busy || undefined}
            onClick={() => {
              if (busy) return;
              props.onUpload(input.current?.files?.[0]);
              if (input.current) input.current.value = '';
            }}
          >
            {replacing ? t.uploadReplacement : t.upload}
            <span className="visually-hidden"> ({row.label})</span>
          </button>
        </div>
      ) : null}
      {state.phase === 'uploading' ? (
        <div className="documents-panel__progress">
          <label htmlFor={progressId}>{t.progressLabel(state.fileName)}</label>
          <progress id={progressId} max={100} value={state.percent}>
            {state.percent} %
          </progress>
          <span aria-hidden="true">{formatPercent(state.percent, language)}</span>
        </div>
      ) : null}
      {state.phase === 'checking' ? <p aria-busy="true">{t.checking(state.fileName)}</p> : null}
    </li>
  );
}

function statusText(item: DocumentView, t: Texts): string {
  if (item.status === 'verified') return t.statusVerified;
  if (item.status === 'rejected') return t.statusRejected;
  return t.statusPending;
}

/** The refusal in words: the portal's headline for the code, then the server's own explanation. */
function verdictText(item: DocumentView, t: Texts): string {
  const headline = t.verdict[item.rejectionCode as RejectionCode] ?? t.verdictUnknown;
  return item.rejectionReason ? `${headline} ${item.rejectionReason}` : headline;
}

function formatPercent(percent: number, language: Language): string {
  return new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { style: 'percent' }).format(
    percent / 100,
  );
}
