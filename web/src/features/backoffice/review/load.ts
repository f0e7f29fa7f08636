import type * as z from 'zod/mini';
import type { TimelineEntryView } from '#shared/api/schemas/application.schema.ts';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type { DocumentLinkView } from '#shared/api/schemas/document.schema.ts';
import type { ReviewApplicationView } from '#shared/api/schemas/review.schema.ts';
import type { QueueStatus, ReviewQueueItem } from '#shared/api/schemas/review-queue.schema.ts';
import { api } from '../../../api.ts';
import type { Language } from '../../../i18n/messages.ts';

/**
 * What the reviewers' pages read from the API. Every request goes through api() (token, language, the
 * sign-in dialog over the page when the session ended); failures reach the page as ApiError, or as a
 * TypeError when the network is down (see failure.ts).
 */

const segment = encodeURIComponent;

/** The calls staff work in: open and closed ones (upcoming calls have no applications yet), each once. */
export async function loadCalls(signal?: AbortSignal): Promise<CallView[]> {
  const [current, closed] = await Promise.all([
    api<{ items: CallView[] }>('GET', '/api/calls', { signal }),
    api<{ items: CallView[] }>('GET', '/api/calls?phase=closed', { signal }),
  ]);
  const seen = new Set<string>();
  return [...current.body.items, ...closed.body.items].filter((call) => {
    if (call.phase === 'upcoming' || seen.has(call.id)) return false;
    seen.add(call.id);
    return true;
  });
}

export async function loadCall(callId: string, signal?: AbortSignal): Promise<CallView> {
  return (await api<CallView>('GET', `/api/calls/${segment(callId)}`, { signal })).body;
}

/** The filters of a work queue, as GET /api/review/applications takes them. */
export type QueueFilters =
  | { view: 'mine'; dueSoon?: number | undefined }
  | { view: 'call'; callId: string; status?: QueueStatus | undefined };

export function queueQuery(filters: QueueFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.view === 'mine') {
    query.set('assignee', 'me');
    if (filters.dueSoon !== undefined) query.set('dueSoon', String(filters.dueSoon));
  } else {
    query.set('callId', filters.callId);
    if (filters.status) query.set('status', filters.status);
  }
  return query;
}

export async function loadQueuePage(
  filters: QueueFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<{ items: ReviewQueueItem[]; nextCursor?: string }> {
  const query = queueQuery(filters);
  if (cursor) query.set('cursor', cursor);
  return (
    await api<{ items: ReviewQueueItem[]; nextCursor?: string }>('GET', `/api/review/applications?${query}`, {
      signal,
    })
  ).body;
}

export async function loadCounts(
  callId: string,
  signal?: AbortSignal,
): Promise<Partial<Record<QueueStatus, number>>> {
  return (
    await api<{ counts: Partial<Record<QueueStatus, number>> }>(
      'GET',
      `/api/review/calls/${segment(callId)}/counts`,
      { signal },
    )
  ).body.counts;
}

/**
 * The queue as a CSV file, fetched with the person's token (a plain link could not carry it): the
 * header row in their language, semicolons for German (what Excel in Germany splits on), commas for
 * English. Returns the file and the name the server gives it.
 */
export async function exportQueue(
  filters: QueueFilters,
  language: Language,
): Promise<{ file: Blob; fileName: string; truncated: boolean }> {
  const query = queueQuery(filters);
  query.set('lang', language);
  query.set('separator', language === 'de' ? 'semicolon' : 'comma');
  const response = await api<string>('GET', `/api/review/applications/export.csv?${query}`, {
    headers: { accept: 'text/csv, application/problem+json' },
  });
  const fileName =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'antraege.csv';
  // Reading the answer as text dropped its byte-order mark; Excel needs it to read UTF-8.
  const file = new Blob([`\ufeff${response.body ?? ''}`], { type: 'text/csv;charset=utf-8' });
  return { file, fileName, truncated: response.headers.get('x-export-truncated') === 'true' };
}

export async function loadReviewView(id: string, signal?: AbortSignal): Promise<ReviewApplicationView> {
  return (await api<ReviewApplicationView>('GET', `/api/review/applications/${segment(id)}`, { signal }))
    .body;
}

export type TimelineEntry = z.infer<typeof TimelineEntryView>;

/**
 * The timeline's texts come in the language asked for. It is passed here: after a switch, the page
 * reads again before the API client has learnt the new language.
 */
export async function loadTimeline(
  id: string,
  language: Language,
  signal?: AbortSignal,
): Promise<TimelineEntry[]> {
  return (
    await api<{ items: TimelineEntry[] }>('GET', `/api/applications/${segment(id)}/timeline`, {
      signal,
      headers: { 'accept-language': language },
    })
  ).body.items;
}

export async function loadDocumentLink(id: string, docId: string): Promise<DocumentLinkView> {
  return (await api<DocumentLinkView>('GET', `/api/applications/${segment(id)}/documents/${segment(docId)}`))
    .body;
}
