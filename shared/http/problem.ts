import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  BudgetExceededError,
  ConcurrentChangeError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
  SchemaViolationError,
  StaleVersionError,
} from '../domain/errors.ts';
import { formatEuro } from '../domain/money.ts';
import type { Language, LocalizedText } from './language.ts';
import { validate } from './validation.ts';

/** One violated field: `path` is dotted (`financePlan.lines.0.amountCents`), as web forms name fields. */
export interface FieldError {
  path: string;
  message: string;
  code?: string;
  in?: 'body' | 'query' | 'path' | 'header';
}

const TITLES: Record<number, LocalizedText> = {
  400: { de: 'Die Anfrage ist fehlerhaft.', en: 'The request is malformed.' },
  401: { de: 'Bitte melden Sie sich an.', en: 'Please sign in.' },
  403: { de: 'Dafür fehlt Ihnen die Berechtigung.', en: 'You are not allowed to do this.' },
  404: { de: 'Nicht gefunden.', en: 'Not found.' },
  409: { de: 'Konflikt mit dem aktuellen Stand.', en: 'Conflict with the current state.' },
  412: {
    de: 'Der Datensatz wurde inzwischen geändert.',
    en: 'The record has been changed in the meantime.',
  },
  428: {
    de: 'Bitte geben Sie die Version an, die Sie bearbeitet haben (If-Match).',
    en: 'Please state the version you edited (If-Match).',
  },
  415: { de: 'Dieses Format wird nicht unterstützt.', en: 'This media type is not supported.' },
  422: { de: 'Die Eingaben sind nicht gültig.', en: 'The input is not valid.' },
  500: {
    de: 'Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
    en: 'An internal error occurred. Please try again later.',
  },
};

/**
 * An error our handlers answer with as application/problem+json (RFC 9457). Anything thrown that is not
 * a ProblemError becomes a 500 with a generic body, so nothing internal leaks.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly detail: LocalizedText | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown> | undefined;

  constructor(
    status: number,
    options: { detail?: LocalizedText; errors?: FieldError[]; extensions?: Record<string, unknown> } = {},
  ) {
    super(options.detail?.en ?? TITLES[status]?.en ?? `HTTP ${status}`);
    this.name = 'ProblemError';
    this.status = status;
    this.detail = options.detail;
    this.errors = options.errors;
    this.extensions = options.extensions;
  }
}

export const notFoundError = (detail?: LocalizedText) => new ProblemError(404, detail ? { detail } : {});
export const forbiddenError = (detail?: LocalizedText) => new ProblemError(403, detail ? { detail } : {});
export const validationError = (errors: FieldError[]) => new ProblemError(422, { errors });

export function problemBody(error: ProblemError, language: Language, instance?: string) {
  const title = TITLES[error.status]?.[language] ?? TITLES[500]?.[language];
  return {
    type: 'about:blank',
    title,
    status: error.status,
    ...(error.detail ? { detail: error.detail[language] } : {}),
    ...(instance ? { instance } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
    ...error.extensions,
  };
}

export function problemResponse(
  error: ProblemError,
  language: Language,
  instance?: string,
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: error.status,
    headers: { 'content-type': 'application/problem+json', 'content-language': language },
    body: JSON.stringify(problemBody(error, language, instance)),
  };
}

/** The problem a known error stands for; undefined for anything unexpected (which becomes a 500). */
export function toProblemError(error: unknown, language: Language): ProblemError | undefined {
  if (error instanceof ProblemError) return error;
  if (error instanceof NotFoundError) return new ProblemError(404);
  if (error instanceof ForbiddenError) return forbiddenError(error.detail);
  if (error instanceof ConflictError) {
    return new ProblemError(409, { detail: error.detail, extensions: error.extensions });
  }
  if (error instanceof BudgetExceededError) {
    return new ProblemError(409, {
      detail: {
        de: `Das verbleibende Budget des Aufrufs (${formatEuro(error.remainingCents, 'de')}) reicht für ${formatEuro(error.requestedCents, 'de')} nicht aus. Es wurde nichts bewilligt.`,
        en: `The call's remaining budget (${formatEuro(error.remainingCents, 'en')}) does not cover ${formatEuro(error.requestedCents, 'en')}. Nothing was approved.`,
      },
      extensions: { remainingCents: error.remainingCents, requestedCents: error.requestedCents },
    });
  }
  if (error instanceof ConcurrentChangeError) {
    return new ProblemError(409, {
      detail: {
        de: 'Der Antrag wurde gerade von jemand anderem geändert. Bitte laden Sie ihn neu.',
        en: 'Someone else has just changed the application. Please reload it.',
      },
    });
  }
  if (error instanceof StaleVersionError) {
    return new ProblemError(412, {
      detail: {
        de: 'Jemand anderes hat inzwischen gespeichert. Ihre Eingaben sind nicht verloren: laden Sie den neuen Stand und übernehmen Sie Ihre Änderungen.',
        en: 'Someone else has saved in the meantime. Your input is not lost: load the new version and apply your changes to it.',
      },
      extensions: { currentVersion: error.currentVersion },
    });
  }
  if (error instanceof SchemaViolationError) {
    const result = validate(error.schema, error.input, language, 'body');
    return new ProblemError(422, { errors: result.ok ? [] : result.errors });
  }
  if (error instanceof RuleViolationError) {
    return new ProblemError(422, {
      errors: error.violations.map((v) => ({
        path: v.path,
        code: v.code,
        message: v.message[language],
        in: 'body',
      })),
    });
  }
  return undefined;
}
