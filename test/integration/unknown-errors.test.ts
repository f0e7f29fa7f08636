import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stack } from '../support/local-stack.ts';

// The real list-calls handler, with real SDK calls against DynamoDB Local, pointed at a table that does
// not exist: DynamoDB's ResourceNotFoundException is an error no handler expects.
describe('an unexpected failure inside a handler', () => {
  const saved = { ...process.env };
  beforeAll(() => {
    Object.assign(process.env, {
      TABLE_NAME: 'geheime-tabelle-die-es-nicht-gibt',
      AWS_REGION: stack().region,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: stack().dynamodbEndpoint,
    });
  });
  afterAll(() => {
    process.env = saved;
  });

  it('answers 500 problem+json and tells the caller nothing internal', async () => {
    const { handler } = await import('../../functions/calls/list-calls.handler.ts');
    const errors: string[] = [];
    const originalError = console.error;
    console.error = (line: string) => errors.push(String(line));
    try {
      const response = await handler(
        {
          version: '2.0',
          routeKey: 'GET /api/calls',
          rawPath: '/api/calls',
          rawQueryString: '',
          headers: {},
          isBase64Encoded: false,
          requestContext: { requestId: 'req-500', http: { method: 'GET', path: '/api/calls' } },
        } as never,
        {} as never,
      );

      expect(response.statusCode).toBe(500);
      expect(response.headers?.['content-type']).toBe('application/problem+json');
      expect(JSON.parse(response.body ?? '{}')).toEqual({
        type: 'about:blank',
        title: 'Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
        status: 500,
        instance: '/api/calls',
      });
      expect(response.body).not.toMatch(/geheime|ResourceNotFound|stack|at /);
      // Operators still learn what went wrong: the log line names the error.
      expect(errors.join('\n')).toContain('ResourceNotFoundException');
    } finally {
      console.error = originalError;
    }
  });
});
