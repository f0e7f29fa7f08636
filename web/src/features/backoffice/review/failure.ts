import type { ApplicationStatus } from '#shared/api/schemas/application.schema.ts';
import { ApiError } from '../../../api.ts';
import type { review } from '../../../i18n/review.ts';

type Messages = (typeof review)['de'];

/**
 * A failed request in words a person understands, and what the page should do about it. The input is
 * always kept: the forms hold it in their state (and in the session's storage), so every kind here
 * only says what happened and what to do next.
 */
export type Failure =
  | { kind: 'invalid'; message: string; fieldErrors: Record<string, string> }
  | { kind: 'stale'; message: string; currentStatus: ApplicationStatus }
  | { kind: 'gone'; message: string }
  | { kind: 'network' | 'session' | 'conflict' | 'forbidden' | 'other'; message: string };

export function describeFailure(error: unknown, t: Messages): Failure {
  if (!(error instanceof ApiError)) {
    // fetch rejects with a TypeError when the server cannot be reached.
    return error instanceof TypeError
      ? { kind: 'network', message: t.failureNetwork }
      : { kind: 'other', message: t.failureOther };
  }
  const detail = error.problem.detail ?? error.problem.title ?? '';
  switch (error.status) {
    case 401:
      // The sign-in dialog was cancelled: the request did not go through.
      return { kind: 'session', message: t.failureSession };
    case 403:
      return { kind: 'forbidden', message: `${t.failureForbidden} ${detail}`.trim() };
    case 404:
      return { kind: 'gone', message: t.failureGone };
    case 409: {
      const currentStatus = error.problem.currentStatus as ApplicationStatus | undefined;
      if (currentStatus) {
        return { kind: 'stale', message: t.failureStale(t.status[currentStatus]), currentStatus };
      }
      return { kind: 'conflict', message: `${t.failureConflict} ${detail}`.trim() };
    }
    case 400:
    case 422:
      return { kind: 'invalid', message: t.failureInvalid, fieldErrors: error.fieldErrors };
    default:
      return { kind: 'other', message: t.failureOther };
  }
}
