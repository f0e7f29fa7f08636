import type { ApplicationStatus } from '#shared/api/schemas/application.schema.ts';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type { RankingView } from '#shared/api/schemas/competitive.schema.ts';
import type { CallBudgetView } from '#shared/api/schemas/decision.schema.ts';
import type { ReviewApplicationView } from '#shared/api/schemas/review.schema.ts';
import type { ReviewQueueItem } from '#shared/api/schemas/review-queue.schema.ts';
import { api } from '../../../api.ts';

/**
 * What the approvers' pages read from the API. Every call goes through api() (token, language, the
 * sign-in dialog on an expired session); failures reach the page as ApiError or a network TypeError.
 */

const call = (callId: string) => encodeURIComponent(callId);

/** The calls approvers decide in: open and closed ones (upcoming calls have no applications yet). */
export async function loadCalls(signal?: AbortSignal): Promise<CallView[]> {
  const [current, closed] = await Promise.all([
    api<{ items: CallView[] }>('GET', '/api/calls', { signal }),
    api<{ items: CallView[] }>('GET', '/api/calls?phase=closed', { signal }),
  ]);
  const seen = new Set<string>();
  return [...current.body.items, ...closed.body.items].filter((item) => {
    if (item.phase === 'upcoming' || seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
}

export async function loadCall(callId: string, signal?: AbortSignal): Promise<CallView> {
  return (await api<CallView>('GET', `/api/calls/${call(callId)}`, { signal })).body;
}

/** Budget, committed, remaining and the applications per status (admins and approvers). */
export async function loadBudget(callId: string, signal?: AbortSignal): Promise<CallBudgetView> {
  return (await api<CallBudgetView>('GET', `/api/admin/calls/${call(callId)}/budget`, { signal })).body;
}

export async function loadReviewView(id: string, signal?: AbortSignal): Promise<ReviewApplicationView> {
  return (
    await api<ReviewApplicationView>('GET', `/api/review/applications/${encodeURIComponent(id)}`, { signal })
  ).body;
}

export async function loadRanking(callId: string, signal?: AbortSignal): Promise<RankingView> {
  return (await api<RankingView>('GET', `/api/review/calls/${call(callId)}/ranking`, { signal })).body;
}

/** One status of a call's queue: at most 100 lines, and whether there are more. */
export async function loadQueue(
  callId: string,
  status: ApplicationStatus,
  signal?: AbortSignal,
): Promise<{ items: ReviewQueueItem[]; more: boolean }> {
  const query = new URLSearchParams({ callId, status, limit: '100' });
  const { body } = await api<{ items: ReviewQueueItem[]; nextCursor?: string }>(
    'GET',
    `/api/review/applications?${query}`,
    { signal },
  );
  return { items: body.items, more: body.nextCursor !== undefined };
}

/** Runs `task` over `items`, at most `limit` at a time (a page with many calls must not flood the API). */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The queue of a call's applications with a status, on the reviewers' pages. */
export function queuePath(callId: string, status: ApplicationStatus): string {
  return `/backoffice/applications?${new URLSearchParams({ callId, status })}`;
}

export const decisionPath = (applicationId: string) => `/backoffice/applications/${applicationId}/decision`;
export const rankingPath = (callId: string) => `/backoffice/calls/${callId}/ranking`;
export const waitingListPath = (callId: string) => `/backoffice/calls/${callId}/waiting-list`;
