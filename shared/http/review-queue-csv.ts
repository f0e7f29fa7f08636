import type { ReviewQueueItem } from '../api/schemas/review-queue.schema.ts';
import { toCsv } from '../domain/csv.ts';
import type { Language } from './language.ts';

const COLUMNS: readonly { de: string; en: string; value: (item: ReviewQueueItem) => string | undefined }[] = [
  { de: 'Aktenzeichen', en: 'Reference', value: (item) => item.reference },
  { de: 'Titel', en: 'Title', value: (item) => item.title },
  { de: 'Organisation', en: 'Organisation', value: (item) => item.organisationName },
  { de: 'Aufruf', en: 'Call', value: (item) => item.callId },
  { de: 'Status', en: 'Status', value: (item) => item.status },
  { de: 'Eingereicht am', en: 'Submitted at', value: (item) => item.submittedAt },
  { de: 'Fällig am', en: 'Due at', value: (item) => item.dueAt },
  { de: 'Meine Rolle', en: 'My role', value: (item) => item.assignment?.role },
  { de: 'Antrags-ID', en: 'Application ID', value: (item) => item.id },
];

/** The queue as a CSV file: a header row in the chosen language, then one line per application. */
export function reviewQueueCsv(
  items: readonly ReviewQueueItem[],
  language: Language,
  separator: ',' | ';',
): string {
  return toCsv(
    [
      COLUMNS.map((column) => column[language]),
      ...items.map((item) => COLUMNS.map((c) => c.value(item) ?? '')),
    ],
    separator,
  );
}

/** antraege-<callId or "zuweisungen">-<Berlin date>.csv: only characters that need no escaping. */
export function exportFileName(callId: string | undefined, date: string): string {
  return `antraege-${callId ?? 'zuweisungen'}-${date}.csv`;
}
