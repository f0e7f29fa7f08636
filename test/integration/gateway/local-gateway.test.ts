// The local gateway over real sockets: a JWKS served from loopback, tokens signed with a key generated
// here, and routes whose handlers echo the event they were given.

import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from 'aws-lambda';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LocalGateway, type LocalRoute, startLocalGateway } from '#infra/local/gateway/index.ts';

const KID = 'local-test-key';
const CLIENT_ID = 'foerderflow-web';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

let signingKeys: KeyPair;
let strangerKeys: KeyPair;
let jwksServer: Server;
let jwksRequests = 0;
let issuer: string;
let gateway: LocalGateway;
let handlerCalls: string[] = [];
let logLines: string[] = [];

const echo = (routeKey: string): LocalRoute['invoke'] => {
  return async (event) => {
    handlerCalls.push(routeKey);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) };
  };
};

function route(routeKey: string, invoke: LocalRoute['invoke'], withAuthorizer = false): LocalRoute {
  const authorizer = { issuer, audience: [CLIENT_ID], jwksUri: `${issuer}/.well-known/jwks.json` };
  return withAuthorizer ? { routeKey, invoke, authorizer } : { routeKey, invoke };
}

async function signToken(
  claims: JWTPayload,
  options: { key?: KeyPair['privateKey']; kid?: string; issuer?: string; expiresAt?: number } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? KID })
    .setIssuer(options.issuer ?? issuer)
    .setIssuedAt(now)
    .setExpirationTime(options.expiresAt ?? now + 3600)
    .sign(options.key ?? signingKeys.privateKey);
}

/** Like a Cognito ID token: aud, token_use id, groups. */
const idTokenClaims = (overrides: JWTPayload = {}): JWTPayload => ({
  sub: '0f2c-applicant',
  aud: CLIENT_ID,
  token_use: 'id',
  email: 'antragsteller@example.org',
  email_verified: false,
  'cognito:groups': ['applicant', 'reviewer'],
  auth_time: 1700000000,
  ...overrides,
});

async function call(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${gateway.url}${path}`, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function callWithToken(path: string, token: string | undefined) {
  return call(path, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
}

beforeAll(async () => {
  signingKeys = await generateKeyPair('RS256', { extractable: true });
  strangerKeys = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(signingKeys.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };

  jwksServer = createServer((req, res) => {
    jwksRequests++;
    if (req.url === '/local_test/.well-known/jwks.json') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/local_test`;

  gateway = await startLocalGateway({
    routes: [
      route('GET /api/calls', echo('GET /api/calls')),
      route('ANY /api/applications/{id}', echo('ANY /api/applications/{id}'), true),
      route('POST /api/applications/{id}/documents', echo('POST /api/applications/{id}/documents')),
      route('GET /api/boom', async () => {
        handlerCalls.push('GET /api/boom');
        throw new Error('table foerderflow-secret-table is on fire');
      }),
      route('GET /api/structured', async () => ({
        statusCode: 201,
        headers: { 'content-type': 'application/problem+json', etag: '"7"' },
        cookies: ['session=abc; HttpOnly; Path=/', 'theme=dark; Path=/'],
        body: '{"type":"about:blank"}',
      })),
      route('GET /api/binary', async () => ({
        statusCode: 200,
        headers: { 'content-type': 'application/pdf' },
        body: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]).toString('base64'),
        isBase64Encoded: true,
      })),
      route('GET /api/inferred', async () => ({ items: ['a'], total: 1 }) as APIGatewayProxyResultV2),
      route('GET /api/string', async () => 'plain words'),
      route('GET /api/bad-header', async () => ({
        statusCode: 302,
        headers: { location: '/a\r\nx-injected: 1' },
      })),
      route(
        'GET /api/malformed',
        async () => ({ statusCode: 'two hundred' }) as unknown as APIGatewayProxyResultV2,
      ),
    ],
    maxBodyBytes: 1024,
    log: (line) => logLines.push(line),
  });
});

afterAll(async () => {
  await gateway?.stop();
  await new Promise((resolve) => jwksServer?.close(resolve));
});

beforeEach(() => {
  handlerCalls = [];
  logLines = [];
});

describe('local gateway: routing and events', () => {
  it('invokes the handler with a payload format 2.0 event', async () => {
    // Act
    const response = await call('/api/calls?status=OPEN&status=CLOSED', {
      headers: { cookie: 'a=1; b=2', 'x-trace': 'one' },
    });

    // Assess
    expect(response.status).toBe(200);
    const event = JSON.parse(response.text) as APIGatewayProxyEventV2WithJWTAuthorizer;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /api/calls',
      rawPath: '/api/calls',
      rawQueryString: 'status=OPEN&status=CLOSED',
      queryStringParameters: { status: 'OPEN,CLOSED' },
      cookies: ['a=1', 'b=2'],
      isBase64Encoded: false,
      requestContext: {
        apiId: 'local',
        stage: '$default',
        routeKey: 'GET /api/calls',
        http: { method: 'GET', path: '/api/calls', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1' },
      },
    });
    expect(event.headers).toMatchObject({
      'x-trace': 'one',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
    });
    expect(event.headers).not.toHaveProperty('cookie');
    expect(event.requestContext.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.requestContext).not.toHaveProperty('authorizer');
    expect(response.headers.get('apigw-requestid')).toBe(event.requestContext.requestId);
  });

  it('passes a JSON body as text and a binary body as base64', async () => {
    const json = await call('/api/applications/a%201/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"Kostenplan"}',
    });
    const binary = await call('/api/applications/a1/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]),
    });

    expect(JSON.parse(json.text)).toMatchObject({
      pathParameters: { id: 'a 1' },
      body: '{"name":"Kostenplan"}',
      isBase64Encoded: false,
    });
    expect(JSON.parse(binary.text)).toMatchObject({ body: 'JVBERgD/', isBase64Encoded: true });
  });

  it('answers an unknown route with 404 {"message":"Not Found"} as JSON', async () => {
    const response = await call('/api/nothing-here');

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.text).toBe('{"message":"Not Found"}');
  });

  it('does not answer HEAD from a GET route', async () => {
    expect((await call('/api/calls', { method: 'HEAD' })).status).toBe(404);
  });

  it('logs one line per request with method, path, status and duration', async () => {
    await call('/api/calls?x=1');

    expect(logLines).toEqual([expect.stringMatching(/^GET \/api\/calls 200 \d+ms$/)]);
  });
});

describe('local gateway: request size', () => {
  it('refuses a body over the limit with 413 without calling the handler', async () => {
    const response = await call('/api/applications/a1/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.alloc(5 * 1024 * 1024),
    });

    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.text).toBe('{"message":"Request Entity Too Large"}');
    expect(handlerCalls).toEqual([]);
  });

  it('stops reading a chunked upload once it passes the limit', async () => {
    // Prepare: a chunked body with no content-length, far bigger than the limit
    let chunksWritten = 0;

    // Act
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(`${gateway.url}/api/applications/a1/documents`, { method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      const writeMore = () => {
        while (chunksWritten < 200) {
          chunksWritten++;
          if (!req.write(Buffer.alloc(64 * 1024))) return req.once('drain', writeMore);
        }
        req.end();
      };
      writeMore();
    });

    // Assess
    expect(status).toBe(413);
    expect(handlerCalls).toEqual([]);
  });

  it('accepts a body at the limit', async () => {
    const response = await call('/api/applications/a1/documents', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x'.repeat(1024),
    });

    expect(response.status).toBe(200);
  });
});

describe('local gateway: handler results', () => {
  it('answers 500 {"message":"Internal Server Error"} when the handler throws, and logs the error', async () => {
    const response = await call('/api/boom');

    expect(response.status).toBe(500);
    expect(response.text).toBe('{"message":"Internal Server Error"}');
    expect(response.text).not.toContain('secret');
    expect(logLines.join('\n')).toContain('table foerderflow-secret-table is on fire');
  });

  it('answers 500 for a result API Gateway cannot use', async () => {
    const malformed = await call('/api/malformed');
    const badHeader = await call('/api/bad-header');

    for (const response of [malformed, badHeader]) {
      expect(response.status).toBe(500);
      expect(response.text).toBe('{"message":"Internal Server Error"}');
    }
    expect(badHeader.headers.get('x-injected')).toBeNull();
  });

  it('sends a structured result with its status, headers and one set-cookie per cookie', async () => {
    const response = await call('/api/structured');

    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('etag')).toBe('"7"');
    expect(response.headers.getSetCookie()).toEqual(['session=abc; HttpOnly; Path=/', 'theme=dark; Path=/']);
    expect(response.text).toBe('{"type":"about:blank"}');
  });

  it('decodes a base64 result body', async () => {
    const response = await fetch(`${gateway.url}/api/binary`);

    expect(Buffer.from(await response.arrayBuffer())).toEqual(
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]),
    );
  });

  it('infers 200 and JSON for an object without statusCode', async () => {
    const response = await call('/api/inferred');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.text).toBe('{"items":["a"],"total":1}');
  });

  it('sends a string result as-is with 200', async () => {
    const response = await call('/api/string');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.text).toBe('plain words');
  });
});

describe('local gateway: JWT authorizer', () => {
  const unauthorizedBody = '{"message":"Unauthorized"}';
  const challenge = (description: string) =>
    `Bearer scope="" error="invalid_token" error_description="${description}"`;

  it('passes a valid ID token and hands the claims over as strings, groups as "[a b]"', async () => {
    const token = await signToken(idTokenClaims());

    const response = await callWithToken('/api/applications/a1', token);

    expect(response.status).toBe(200);
    const event = JSON.parse(response.text) as APIGatewayProxyEventV2WithJWTAuthorizer;
    expect(event.requestContext.authorizer.jwt.scopes).toBeNull();
    expect(event.requestContext.authorizer.jwt.claims).toMatchObject({
      sub: '0f2c-applicant',
      aud: CLIENT_ID,
      iss: issuer,
      'cognito:groups': '[applicant reviewer]',
      email_verified: 'false',
      auth_time: '1700000000',
      exp: expect.stringMatching(/^\d+$/),
      iat: expect.stringMatching(/^\d+$/),
    });
    expect(event.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('accepts the token without the Bearer prefix', async () => {
    const token = await signToken(idTokenClaims());

    const response = await call('/api/applications/a1', {
      method: 'PATCH',
      headers: { authorization: token },
    });

    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toMatchObject({ requestContext: { http: { method: 'PATCH' } } });
  });

  it('passes an access token whose client_id is an audience, with its scopes', async () => {
    const token = await signToken({
      sub: '0f2c-applicant',
      client_id: CLIENT_ID,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      'cognito:groups': ['applicant'],
    });

    const response = await callWithToken('/api/applications/a1', token);

    expect(response.status).toBe(200);
    const event = JSON.parse(response.text) as APIGatewayProxyEventV2WithJWTAuthorizer;
    expect(event.requestContext.authorizer.jwt).toMatchObject({
      claims: { client_id: CLIENT_ID, 'cognito:groups': '[applicant]' },
      scopes: ['aws.cognito.signin.user.admin'],
    });
  });

  it('fetches the JWKS once and reuses it', async () => {
    await callWithToken('/api/applications/a1', await signToken(idTokenClaims()));
    const before = jwksRequests;

    await callWithToken('/api/applications/a2', await signToken(idTokenClaims()));
    await callWithToken('/api/applications/a3', await signToken(idTokenClaims()));

    expect(jwksRequests - before).toBe(0);
  });

  it('refuses a request without a token with 401 and a bare Bearer challenge', async () => {
    const response = await callWithToken('/api/applications/a1', undefined);

    expect(response).toMatchObject({ status: 401, text: unauthorizedBody });
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(handlerCalls).toEqual([]);
  });

  it.each([
    {
      case: 'an expired token',
      token: () => signToken(idTokenClaims(), { expiresAt: Math.floor(Date.now() / 1000) - 60 }),
      description: 'the token has expired',
    },
    {
      case: 'a token from another issuer',
      token: () => signToken(idTokenClaims(), { issuer: 'http://127.0.0.1:9229/local_other' }),
      description: 'the token does not have a valid issuer',
    },
    {
      case: 'an ID token for another app client',
      token: () => signToken(idTokenClaims({ aud: 'another-client' })),
      description: 'the token does not have a valid audience',
    },
    {
      case: 'a token whose aud is wrong even though client_id matches (aud wins)',
      token: () => signToken(idTokenClaims({ aud: 'another-client', client_id: CLIENT_ID })),
      description: 'the token does not have a valid audience',
    },
    {
      case: 'an access token for another app client',
      token: () => signToken({ sub: 'x', client_id: 'another-client', token_use: 'access' }),
      description: 'the token does not have a valid audience',
    },
    {
      case: 'a token signed by another key under the same kid',
      token: () => signToken(idTokenClaims(), { key: strangerKeys.privateKey }),
      description: 'the token has an invalid signature',
    },
    {
      case: 'a token signed by a key the JWKS does not have',
      token: () => signToken(idTokenClaims(), { key: strangerKeys.privateKey, kid: 'unknown-kid' }),
      description: 'the token was not signed by a known key',
    },
    {
      case: 'a token that is not valid yet',
      token: () => signToken(idTokenClaims({ nbf: Math.floor(Date.now() / 1000) + 600 })),
      description: 'the token is not valid yet',
    },
    {
      case: 'something that is not a JWT',
      token: async () => 'opaque-token',
      description: 'token contains an invalid number of segments',
    },
  ])('refuses $case with 401 and an invalid_token challenge', async ({ token, description }) => {
    const response = await callWithToken('/api/applications/a1', await token());

    expect(response).toMatchObject({ status: 401, text: unauthorizedBody });
    expect(response.headers.get('www-authenticate')).toBe(challenge(description));
    expect(handlerCalls).toEqual([]);
    expect(logLines).toEqual([expect.stringMatching(/^GET \/api\/applications\/a1 401 \d+ms \(.+\)$/)]);
  });

  it('refuses every token when the JWKS cannot be fetched', async () => {
    const unreachable = await startLocalGateway({
      routes: [
        {
          routeKey: 'GET /api/me',
          authorizer: { issuer, audience: [CLIENT_ID], jwksUri: `${issuer}/missing/jwks.json` },
          invoke: echo('GET /api/me'),
        },
      ],
      log: () => {},
    });
    try {
      const response = await fetch(`${unreachable.url}/api/me`, {
        headers: { authorization: `Bearer ${await signToken(idTokenClaims())}` },
      });

      expect(response.status).toBe(401);
      expect(handlerCalls).toEqual([]);
    } finally {
      await unreachable.stop();
    }
  });
});

describe('startLocalGateway', () => {
  it('refuses route keys AWS would not deploy', async () => {
    await expect(startLocalGateway({ routes: [route('GET /a/{proxy+}/b', echo('x'))] })).rejects.toThrow(
      /greedy path variable must be the last segment/,
    );
    await expect(
      startLocalGateway({ routes: [route('GET /a', echo('x')), route('GET /a', echo('y'))] }),
    ).rejects.toThrow(/Duplicate route key/);
  });

  it('stops even with an idle keep-alive connection open', async () => {
    const extra = await startLocalGateway({ routes: [route('GET /ping', async () => 'pong')] });
    await fetch(`${extra.url}/ping`, { headers: { connection: 'keep-alive' } }).then((r) => r.text());

    await extra.stop();

    await expect(fetch(`${extra.url}/ping`)).rejects.toThrow();
  });
});
