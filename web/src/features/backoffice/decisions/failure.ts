import type { ApplicationStatus } from '#shared/api/schemas/application.schema.ts';
import { formatEuro } from '../../../format.ts';
import { common } from '../../../i18n/common.ts';
import { decisions } from '../../../i18n/decisions.ts';
import type { Language } from '../../../i18n/messages.ts';

/**
 * A failed request of the approvers' pages in words a person understands (issue 9, item 5): what
 * happened, and what to do. The page keeps everything typed; `kind` tells it what else to offer
 * (reload after a stale state, the remaining budget after an over-budget refusal).
 */
export interface Failure {
  kind:
    | 'network'
    | 'signed-out'
    | 'forbidden'
    | 'not-found'
    | 'over-budget'
    | 'stale'
    | 'conflict'
    | 'invalid'
    | 'server';
  message: string;
  /** over-budget: what the call's budget can still carry. */
  remainingCents?: number;
  /** stale: the status the application has now. */
  currentStatus?: ApplicationStatus;
}

/**
 * An answer the API refused: api.ts's ApiError, recognised by its name and shape, so this module (and
 * its unit test) does not load the API client with its session and dialog.
 */
interface Refusal {
  status: number;
  problem: {
    detail?: unknown;
    errors?: { path: string; message: string }[];
    [extension: string]: unknown;
  };
}

function refusalOf(error: unknown): Refusal | undefined {
  return error instanceof Error && error.name === 'ApiError' ? (error as unknown as Refusal) : undefined;
}

export function describeFailure(error: unknown, language: Language): Failure {
  const t = decisions[language];
  const c = common[language];
  const refusal = refusalOf(error);
  if (!refusal) return { kind: 'network', message: c.networkError };
  const { problem, status } = refusal;
  const detail = typeof problem.detail === 'string' ? problem.detail : undefined;
  switch (status) {
    case 401:
      return { kind: 'signed-out', message: t.signedOut };
    case 403:
      // The API says why (four-eyes: whoever assessed or is assigned decides nothing of it).
      return { kind: 'forbidden', message: detail ? `${detail} ${t.forbiddenHint}` : t.forbidden };
    case 404:
      return { kind: 'not-found', message: t.notFound };
    case 409: {
      if (typeof problem.remainingCents === 'number') {
        const requested =
          typeof problem.requestedCents === 'number' ? formatEuro(problem.requestedCents, language) : '';
        return {
          kind: 'over-budget',
          message: t.overBudget(formatEuro(problem.remainingCents, language), requested),
          remainingCents: problem.remainingCents,
        };
      }
      if (typeof problem.currentStatus === 'string') {
        const currentStatus = problem.currentStatus as ApplicationStatus;
        return {
          kind: 'stale',
          message: t.staleStatus(t.status[currentStatus] ?? currentStatus),
          currentStatus,
        };
      }
      return { kind: 'conflict', message: detail ?? t.conflict };
    }
    case 422:
      return { kind: 'invalid', message: t.invalid };
    default:
      return { kind: 'server', message: status >= 500 ? t.serverError : (detail ?? c.unexpectedError) };
  }
}

/** The 422's field errors, by the API's dotted path. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const refusal = refusalOf(error);
  if (refusal?.status !== 422) return {};
  return Object.fromEntries((refusal.problem.errors ?? []).map((found) => [found.path, found.message]));
}
