import {
  getSession,
  refreshSession,
  requestSignIn,
  SignInCancelledError,
  validIdToken,
} from './auth/session.ts';
import { getLanguage } from './i18n/language.tsx';

/**
 * The one way the portal calls `/api`: JSON in and out, the bearer token, the chosen language
 * (Accept-Language, so problem texts come back in it), and the session handled for the page:
 *
 * - an expired ID token is refreshed before the request, and once more if the API still answers 401;
 * - when the session is over for good, the sign-in dialog opens over the page (which stays mounted, so
 *   typed input is kept) and the request is sent again after sign-in (cancelled: ApiError 401);
 * - an error answer (application/problem+json, RFC 9457) becomes an ApiError with its field errors.
 *
 *   const { body } = await api<{ items: CallView[] }>('GET', '/api/calls', { auth: false });
 *   const saved = await api('PATCH', `/api/applications/${id}`, { body: patch, headers: { 'if-match': etag } });
 */

export interface ApiOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** false for public routes: no token is sent and nobody is asked to sign in. Default true. */
  auth?: boolean;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** One violated field, as the API names it: `path` is dotted (`financePlan.lines.0.amountCents`). */
export interface FieldError {
  path: string;
  message: string;
  code?: string;
}

export interface Problem {
  title?: string;
  detail?: string;
  errors?: FieldError[];
  /** Further members, e.g. `currentVersion` on 412 or `remainingCents` on 409. */
  [extension: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** Field path → message, for a form (see forms/server-errors.ts). */
  get fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((error) => [error.path, error.message]));
  }
}

export async function api<T = unknown>(
  method: string,
  path: string,
  options: ApiOptions = {},
): Promise<ApiResponse<T>> {
  const auth = options.auth ?? true;
  if (auth && !(await validIdToken())) await signInAgain();

  let response = await send(method, path, options, auth);
  if (response.status === 401 && auth) {
    // The gateway refused the token: refresh once; if that fails too, ask the person to sign in.
    if (!(await refreshSession())) await signInAgain();
    response = await send(method, path, options, auth);
  }
  const body = await readBody(response);
  if (!response.ok) throw new ApiError(response.status, toProblem(response.status, body));
  return { status: response.status, body: body as T, headers: response.headers };
}

/** Waits for the sign-in dialog; if the person cancels it, the request fails as unauthorised (401). */
async function signInAgain(): Promise<void> {
  try {
    await requestSignIn();
  } catch (error) {
    if (error instanceof SignInCancelledError) throw new ApiError(401, { title: error.message });
    throw error;
  }
}

async function send(method: string, path: string, options: ApiOptions, auth: boolean): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'accept-language': getLanguage(),
    ...options.headers,
  };
  const token = auth ? getSession()?.tokens.idToken : undefined;
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.body);
  }
  return fetch(path, { method, headers, body, signal: options.signal });
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!/json/.test(type)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Our handlers answer problem+json; the gateway's own refusals are `{"message": …}` as on AWS. */
function toProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object') {
    const record = body as Problem & { message?: string };
    return record.title || record.detail || record.errors ? record : { title: record.message, status };
  }
  return { title: typeof body === 'string' && body ? body : undefined, status };
}
