import { createContext, useContext } from 'react';
import {
  type FieldErrors,
  get,
  type Path,
  type UseFormRegisterReturn,
  type UseFormReturn,
} from 'react-hook-form';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type { DocumentView } from '#shared/api/schemas/document.schema.ts';
import type { DraftContent } from '#shared/api/schemas/draft.schema.ts';
import type { OrganisationView } from '#shared/api/schemas/organisation.schema.ts';
import type { DraftCheck } from '#shared/domain/finance-rules.ts';
import type { applicationForm } from '../../i18n/application-form.ts';
import type { Language } from '../../i18n/messages.ts';
import type { DraftFormValues, FieldUnit } from './draft-form.ts';
import type { StepKey } from './steps.ts';

/** A point that blocks submitting, with the path of where to fix it. */
export interface OpenPoint {
  path: string;
  message: string;
}

/** What every step of the form needs: the form, the call, the live rules check and navigation. */
export interface Editor {
  form: UseFormReturn<DraftFormValues>;
  /**
   * form.register, validating the field when it is left and, once it shows an error, while it is
   * corrected — never before someone has been in it (a new line does not start out full of errors).
   */
  register(path: Path<DraftFormValues>): UseFormRegisterReturn;
  errors: FieldErrors<DraftFormValues>;
  language: Language;
  /** The language the amounts in the form are written in (follows the UI language). */
  formatLanguage: Language;
  t: (typeof applicationForm)['de'];
  call: CallView;
  organisation: OrganisationView | undefined;
  applicationId: string;
  /** The draft as typed (half-filled lines included), and the finance rules' verdict on it. */
  content: DraftContent;
  check: DraftCheck;
  /** The application's documents (undefined until loaded), kept up to date by the documents step. */
  documents: DocumentView[] | undefined;
  setDocuments(documents: DocumentView[]): void;
  /** Mandatory documents without a verified upload (the server's rule, documentGaps). */
  documentGaps: OpenPoint[];
  /** Units with input not saved yet because it is incomplete or wrong. */
  heldBack: FieldUnit[];
  /** The rules' findings (violations) shown at this path, in the chosen language. */
  findingsAt(path: string): string[];
  /** The input error and the findings at a field, as one message for its Field. */
  fieldError(path: string): string | undefined;
  /** Moves to a step (saving first) and, if given, to the field of a path. */
  goTo(step: StepKey, path?: string): void;
  /** Saves what is pending and submits (or supplements) the application. */
  submit(): Promise<void>;
}

export const EditorContext = createContext<Editor | undefined>(undefined);

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor outside the application form');
  return editor;
}

/** The error message react-hook-form holds for a field path, if any. */
export function inputErrorAt(errors: FieldErrors, path: string): string | undefined {
  const error = get(errors, path) as { message?: unknown } | undefined;
  return typeof error?.message === 'string' ? error.message : undefined;
}

/** Every field error below a path prefix, with its path, in form order. */
export function leafErrors(errors: unknown, prefix = ''): { path: string; message: string }[] {
  if (!errors || typeof errors !== 'object') return [];
  const record = errors as Record<string, unknown>;
  if (typeof record.message === 'string' && 'type' in record)
    return [{ path: prefix, message: record.message }];
  return Object.entries(record).flatMap(([key, value]) =>
    key === 'ref' ? [] : leafErrors(value, prefix ? `${prefix}.${key}` : key),
  );
}
