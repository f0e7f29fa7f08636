import middy from '@middy/core';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import type { BodyOf, Operation, ParamsOf, QueryOf } from '../api/operation.ts';
import { type Caller, callerFromClaims } from './caller.ts';
import { type Language, pickLanguage } from './language.ts';
import { ProblemError, problemResponse, toProblemError } from './problem.ts';
import { validate } from './validation.ts';

export type HttpEvent = APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithJWTAuthorizer;

export interface HttpResult {
  status: number;
  body?: unknown;
  /**
   * A body that is not JSON (e.g. a CSV export), sent exactly as given instead of `body`; the handler
   * sets its content-type in `headers`.
   */
  text?: string;
  headers?: Record<string, string>;
}

export interface HandlerInput<O extends Operation> {
  body: BodyOf<O>;
  params: ParamsOf<O>;
  query: QueryOf<O>;
  /** Present on every route that is not public (the authorizer and the group check ran). */
  caller: O['access'] extends 'public' ? Caller | undefined : Caller;
  language: Language;
  headers: Readonly<Record<string, string | undefined>>;
  requestId: string;
}

/** Parsed JSON bodies, kept beside the untouched event for the handler to validate. */
const parsedBodies = new WeakMap<HttpEvent, unknown>();

const claimsOf = (event: HttpEvent) =>
  'authorizer' in event.requestContext ? event.requestContext.authorizer?.jwt?.claims : undefined;

/**
 * The one error mapper: a ProblemError becomes its problem+json answer, anything else a 500 that says
 * nothing internal (the details go to the log, where operators look).
 */
export function problemErrors(): middy.MiddlewareObj<HttpEvent, APIGatewayProxyStructuredResultV2> {
  return {
    onError: (request) => {
      const language = pickLanguage(request.event?.headers?.['accept-language']);
      const path = request.event?.rawPath;
      const known = toProblemError(request.error, language);
      if (known) {
        request.response = problemResponse(known, language, path);
        return;
      }
      console.error(
        JSON.stringify({
          level: 'ERROR',
          message: 'unhandled error',
          requestId: request.event?.requestContext?.requestId,
          error:
            request.error instanceof Error
              ? { name: request.error.name, stack: request.error.stack }
              : String(request.error),
        }),
      );
      request.response = problemResponse(new ProblemError(500), language, path);
    },
  };
}

/** Parses a JSON body. Malformed JSON is the client's mistake (400); a non-JSON media type is 415. */
export function jsonBody(): middy.MiddlewareObj<HttpEvent, APIGatewayProxyStructuredResultV2, Error> {
  return {
    before: (request) => {
      const { body, isBase64Encoded, headers } = request.event;
      if (body === undefined || body === '') return;
      const contentType = (headers?.['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (contentType !== 'application/json' && !contentType.endsWith('+json')) {
        throw new ProblemError(415, {
          detail: {
            de: 'Bitte senden Sie JSON (Content-Type: application/json).',
            en: 'Please send JSON (Content-Type: application/json).',
          },
        });
      }
      const text = isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
      try {
        parsedBodies.set(request.event, JSON.parse(text));
      } catch {
        throw new ProblemError(400, {
          detail: { de: 'Der Inhalt ist kein gültiges JSON.', en: 'The body is not valid JSON.' },
        });
      }
    },
  };
}

/**
 * Wraps a use-case call as a Lambda handler for one operation of the contract: checks the caller's
 * groups, validates path, query and body with the operation's zod schemas, and maps every error to
 * problem+json. Handlers stay thin: they only call their use case and shape the answer.
 */
export function httpHandler<const O extends Operation>(
  operation: O,
  handle: (input: HandlerInput<O>) => Promise<HttpResult>,
) {
  return middy<HttpEvent, APIGatewayProxyStructuredResultV2, Error>()
    .use(problemErrors())
    .use(jsonBody())
    .handler(async (event) => {
      const language = pickLanguage(event.headers?.['accept-language']);
      const caller = callerFromClaims(claimsOf(event));

      if (operation.access !== 'public') {
        // Behind the JWT authorizer there is always a subject; this guards direct invocations.
        if (!caller) throw new ProblemError(401);
        if (!operation.access.some((group) => caller.groups.includes(group))) throw new ProblemError(403);
      }

      const params = operation.params
        ? validate(operation.params, event.pathParameters ?? {}, language, 'path')
        : { ok: true as const, value: undefined };
      // A malformed id names nothing that exists: that is "not found", not a form error.
      if (!params.ok) throw new ProblemError(404);

      const query = operation.query
        ? validate(operation.query, event.queryStringParameters ?? {}, language, 'query')
        : { ok: true as const, value: undefined };
      if (!query.ok) throw new ProblemError(422, { errors: query.errors });

      let body: unknown;
      if (operation.body) {
        const result = validate(operation.body, parsedBodies.get(event), language, 'body');
        if (!result.ok) throw new ProblemError(422, { errors: result.errors });
        body = result.value;
      }

      const result = await handle({
        body: body as BodyOf<O>,
        params: params.value as ParamsOf<O>,
        query: query.value as QueryOf<O>,
        caller: caller as HandlerInput<O>['caller'],
        language,
        headers: event.headers ?? {},
        requestId: event.requestContext.requestId,
      });
      return toResponse(result, language);
    });
}

function toResponse(result: HttpResult, language: Language): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = { 'content-language': language, ...result.headers };
  if (result.text !== undefined) return { statusCode: result.status, headers, body: result.text };
  if (result.body === undefined) return { statusCode: result.status, headers };
  return {
    statusCode: result.status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(result.body),
  };
}
