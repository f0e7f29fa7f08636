import { describe, expect, it } from 'vitest';
import {
  formatRequestTime,
  type GatewayRequest,
  isTextContentType,
  toEventV2,
} from '#infra/local/gateway/event-v2.ts';
import { toAuthorizerContext } from '#infra/local/gateway/jwt-authorizer.ts';

const receivedAt = new Date('2020-03-12T19:03:58.123Z');

function givenRequest(overrides: Partial<GatewayRequest> = {}): GatewayRequest {
  return {
    method: 'GET',
    url: '/api/calls',
    headers: { host: ['127.0.0.1:4010'], 'user-agent': ['vitest'] },
    body: undefined,
    sourceIp: '127.0.0.1',
    requestId: '7d8e4a44-0a53-4b7e-9a1e-2f9c3b1f6a10',
    receivedAt,
    ...overrides,
  };
}

const route = { routeKey: 'GET /api/calls', pathParameters: undefined };

describe('toEventV2', () => {
  it('builds a payload format 2.0 event with the request context API Gateway sends', () => {
    // Act
    const event = toEventV2(givenRequest(), route);

    // Assess
    expect(event).toEqual({
      version: '2.0',
      routeKey: 'GET /api/calls',
      rawPath: '/api/calls',
      rawQueryString: '',
      headers: { host: '127.0.0.1:4010', 'user-agent': 'vitest' },
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: '127.0.0.1:4010',
        domainPrefix: '127',
        http: {
          method: 'GET',
          path: '/api/calls',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'vitest',
        },
        requestId: '7d8e4a44-0a53-4b7e-9a1e-2f9c3b1f6a10',
        routeKey: 'GET /api/calls',
        stage: '$default',
        time: '12/Mar/2020:19:03:58 +0000',
        timeEpoch: 1584039838123,
      },
      isBase64Encoded: false,
    });
  });

  it('leaves out cookies, queryStringParameters, pathParameters, body, stageVariables and authorizer when absent', () => {
    const event = toEventV2(givenRequest(), route);

    for (const field of ['cookies', 'queryStringParameters', 'pathParameters', 'body', 'stageVariables']) {
      expect(event).not.toHaveProperty(field);
    }
    expect(event.requestContext).not.toHaveProperty('authorizer');
  });

  it('lowercases header names and joins repeated headers with a comma', () => {
    const event = toEventV2(
      givenRequest({
        headers: { Host: ['localhost:4010'], Accept: ['text/html', 'application/json'], 'X-Custom': ['a'] },
      }),
      route,
    );

    expect(event.headers).toEqual({
      host: 'localhost:4010',
      accept: 'text/html,application/json',
      'x-custom': 'a',
    });
    expect(event.requestContext.domainName).toBe('localhost:4010');
    expect(event.requestContext.domainPrefix).toBe('localhost');
  });

  it('moves the Cookie header into cookies, one entry per cookie', () => {
    const event = toEventV2(
      givenRequest({ headers: { host: ['h'], cookie: ['session=abc; theme=dark', 'lang=de'] } }),
      route,
    );

    expect(event.cookies).toEqual(['session=abc', 'theme=dark', 'lang=de']);
    expect(event.headers).not.toHaveProperty('cookie');
  });

  it('keeps the raw query string and decodes parameters, joining repeated names with a comma', () => {
    const event = toEventV2(
      givenRequest({ url: '/api/review/applications?status=NEW&status=IN_REVIEW&q=M%C3%BCller&flag' }),
      {
        routeKey: 'GET /api/review/applications',
        pathParameters: undefined,
      },
    );

    expect(event.rawPath).toBe('/api/review/applications');
    expect(event.rawQueryString).toBe('status=NEW&status=IN_REVIEW&q=M%C3%BCller&flag');
    expect(event.queryStringParameters).toEqual({ status: 'NEW,IN_REVIEW', q: 'Müller', flag: '' });
  });

  it('keeps the path percent-encoded in rawPath and requestContext.http.path', () => {
    const event = toEventV2(givenRequest({ url: '/api/organisations/a%20b' }), {
      routeKey: 'GET /api/organisations/{orgId}',
      pathParameters: { orgId: 'a b' },
    });

    expect(event.rawPath).toBe('/api/organisations/a%20b');
    expect(event.requestContext.http.path).toBe('/api/organisations/a%20b');
    expect(event.pathParameters).toEqual({ orgId: 'a b' });
  });

  it('passes a JSON body as UTF-8 text', () => {
    const event = toEventV2(
      givenRequest({
        method: 'POST',
        headers: { host: ['h'], 'content-type': ['application/json; charset=utf-8'] },
        body: Buffer.from('{"name":"Förderverein"}'),
      }),
      route,
    );

    expect(event.body).toBe('{"name":"Förderverein"}');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('passes a binary body, or one without content type, base64-encoded', () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);

    const binary = toEventV2(
      givenRequest({
        method: 'PUT',
        headers: { host: ['h'], 'content-type': ['application/pdf'] },
        body: pdf,
      }),
      route,
    );
    const untyped = toEventV2(givenRequest({ method: 'PUT', headers: { host: ['h'] }, body: pdf }), route);

    expect(binary.body).toBe(pdf.toString('base64'));
    expect(binary.isBase64Encoded).toBe(true);
    expect(untyped.isBase64Encoded).toBe(true);
  });

  it('treats an empty body as no body', () => {
    const event = toEventV2(
      givenRequest({
        method: 'POST',
        headers: { host: ['h'], 'content-type': ['application/json'] },
        body: Buffer.alloc(0),
      }),
      route,
    );

    expect(event).not.toHaveProperty('body');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('adds the JWT authorizer context with flattened claims', () => {
    const authorizer = toAuthorizerContext({
      sub: 'u-1',
      'cognito:groups': ['applicant', 'reviewer'],
      exp: 1700000000,
      email_verified: true,
    });

    const event = toEventV2(givenRequest(), route, authorizer);

    expect(event.requestContext.authorizer).toEqual({
      jwt: {
        claims: {
          sub: 'u-1',
          'cognito:groups': '[applicant reviewer]',
          exp: '1700000000',
          email_verified: 'true',
        },
        scopes: null,
      },
    });
  });
});

describe('isTextContentType', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'application/problem+json',
    'application/merge-patch+json',
    'text/plain',
    'text/csv',
    'application/xml',
    'application/atom+xml',
    'application/x-www-form-urlencoded',
  ])('treats %s as text', (contentType) => {
    expect(isTextContentType(contentType)).toBe(true);
  });

  it.each(['application/pdf', 'application/octet-stream', 'image/png', 'multipart/form-data; boundary=x'])(
    'treats %s as binary',
    (contentType) => {
      expect(isTextContentType(contentType)).toBe(false);
    },
  );

  it('treats a missing content type as binary', () => {
    expect(isTextContentType(undefined)).toBe(false);
  });
});

describe('formatRequestTime', () => {
  it('prints UTC with a zero-padded day, as in API Gateway events', () => {
    expect(formatRequestTime(new Date('2024-01-05T03:04:05Z'))).toBe('05/Jan/2024:03:04:05 +0000');
  });
});
