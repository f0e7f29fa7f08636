import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defineOperation } from '../../../shared/api/operation.ts';
import { NotFoundError, RuleViolationError } from '../../../shared/domain/errors.ts';
import { httpHandler } from '../../../shared/http/http-handler.ts';

const operation = defineOperation({
  operationId: 'testOperation',
  method: 'POST',
  path: '/api/things/{id}',
  summary: 'test',
  tags: [],
  access: ['applicant'],
  handler: 'test/test',
  params: z.object({ id: z.uuid() }),
  body: z.strictObject({ name: z.string().check(z.minLength(2)), amountCents: z.int() }),
  responses: { 200: { description: 'ok' } },
});

const ID = '0d7f3c1e-8a3b-4c55-9d0e-2f7a1b3c4d5e';

function event(overrides: {
  body?: string;
  groups?: string;
  contentType?: string;
  id?: string;
  language?: string;
}) {
  return {
    version: '2.0',
    routeKey: 'POST /api/things/{id}',
    rawPath: `/api/things/${overrides.id ?? ID}`,
    rawQueryString: '',
    headers: {
      'content-type': overrides.contentType ?? 'application/json',
      ...(overrides.language ? { 'accept-language': overrides.language } : {}),
    },
    pathParameters: { id: overrides.id ?? ID },
    body: overrides.body ?? '{"name":"Verein","amountCents":100}',
    isBase64Encoded: false,
    requestContext: {
      requestId: 'req-1',
      http: { method: 'POST', path: '/api/things' },
      authorizer: {
        jwt: { claims: { sub: 'user-1', 'cognito:groups': overrides.groups ?? '[applicant]' }, scopes: null },
      },
    },
  } as never;
}

async function call(
  handle: Parameters<typeof httpHandler<typeof operation>>[1],
  overrides: Parameters<typeof event>[0] = {},
) {
  const response = (await httpHandler(operation, handle)(
    event(overrides),
    {} as never,
  )) as APIGatewayProxyStructuredResultV2;
  return { ...response, json: response.body ? JSON.parse(response.body) : undefined };
}

const ok: Parameters<typeof httpHandler<typeof operation>>[1] = async ({ body, params, caller }) => ({
  status: 200,
  body: { echoed: body, id: params.id, by: caller.sub },
});

describe('httpHandler', () => {
  it('passes the validated body, path parameters and caller to the use case', async () => {
    const response = await call(ok);
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['content-type']).toBe('application/json');
    expect(response.json).toEqual({ echoed: { name: 'Verein', amountCents: 100 }, id: ID, by: 'user-1' });
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const response = await call(ok, { body: '{"name": ' });
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(response.json).toMatchObject({ status: 400, title: 'Die Anfrage ist fehlerhaft.' });
  });

  it('answers a non-JSON media type with 415', async () => {
    const response = await call(ok, { contentType: 'text/plain' });
    expect(response.statusCode).toBe(415);
  });

  it('answers schema violations with 422 and a field error per violation', async () => {
    const response = await call(ok, { body: '{"name":"V","amountCents":1.5,"admin":true}' });
    expect(response.statusCode).toBe(422);
    expect(response.json.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '',
      'amountCents',
      'name',
    ]);
    expect(response.json.errors.every((e: { in: string }) => e.in === 'body')).toBe(true);
  });

  it('writes messages in English when the caller prefers English', async () => {
    const response = await call(ok, { body: '{"name":"V","amountCents":1}', language: 'en' });
    expect(response.json.title).toBe('The input is not valid.');
    expect(response.json.errors[0].message).toMatch(/too small|>=2|at least/i);
    expect(response.headers?.['content-language']).toBe('en');
  });

  it('refuses callers outside the allowed groups with 403', async () => {
    const response = await call(ok, { groups: '[reviewer approver]' });
    expect(response.statusCode).toBe(403);
  });

  it('treats a malformed id in the path as not found', async () => {
    const response = await call(ok, { id: 'kein-uuid' });
    expect(response.statusCode).toBe(404);
  });

  it('maps domain errors: NotFoundError → 404, RuleViolationError → 422 in the caller language', async () => {
    const notFound = await call(async () => {
      throw new NotFoundError('thing');
    });
    expect(notFound.statusCode).toBe(404);

    const violation = await call(
      async () => {
        throw new RuleViolationError([
          { path: 'amountCents', code: 'too-much', message: { de: 'Zu viel.', en: 'Too much.' } },
        ]);
      },
      { language: 'en' },
    );
    expect(violation.statusCode).toBe(422);
    expect(violation.json.errors).toEqual([
      { path: 'amountCents', code: 'too-much', message: 'Too much.', in: 'body' },
    ]);
  });

  it('answers an unexpected error with a 500 that reveals nothing internal', async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(...args);
    try {
      const response = await call(async () => {
        throw new Error('connection to db-prod-7.internal:5432 refused, password=hunter2');
      });
      expect(response.statusCode).toBe(500);
      expect(response.headers?.['content-type']).toBe('application/problem+json');
      expect(response.body).not.toMatch(/db-prod|hunter2|refused|Error/);
      expect(response.json).toEqual({
        type: 'about:blank',
        title: 'Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
        status: 500,
        instance: `/api/things/${ID}`,
      });
      expect(String(logged[0])).toContain('db-prod-7');
    } finally {
      console.error = original;
    }
  });
});
