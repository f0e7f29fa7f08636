// Only what needs no key set: claim flattening, reading the identity source and the refusals that happen
// before any key is fetched. Signature and claim checks against a JWKS are in the integration tests.

import { describe, expect, it } from 'vitest';
import {
  authorizeJwt,
  claimToString,
  readIdentitySource,
  toAuthorizerContext,
} from '#infra/local/gateway/jwt-authorizer.ts';

// Never fetched: every case below is refused before the key set is needed.
const config = {
  issuer: 'http://127.0.0.1:1/local_pool',
  audience: ['client'],
  jwksUri: 'http://127.0.0.1:1/jwks.json',
};

describe('claimToString', () => {
  it('prints every claim as a string the way the HttpApi JWT authorizer does', () => {
    expect(claimToString('applicant')).toBe('applicant');
    expect(claimToString(['applicant', 'reviewer'])).toBe('[applicant reviewer]');
    expect(claimToString(['admin'])).toBe('[admin]');
    expect(claimToString([])).toBe('[]');
    expect(claimToString(1700000000)).toBe('1700000000');
    expect(claimToString(true)).toBe('true');
    expect(claimToString({ b: 2, a: ['x', 'y'] })).toBe('map[a:[x y] b:2]');
  });
});

describe('toAuthorizerContext', () => {
  it('flattens the claims of a Cognito ID token and gives no scopes', () => {
    // Prepare
    const idToken = {
      sub: '8f0c',
      'cognito:groups': ['applicant', 'reviewer'],
      email_verified: false,
      iss: 'http://127.0.0.1:9229/local_abc',
      aud: 'client',
      token_use: 'id',
      auth_time: 1700000000,
      exp: 1700003600,
      iat: 1700000000,
    };

    // Act
    const context = toAuthorizerContext(idToken);

    // Assess
    expect(context).toEqual({
      jwt: {
        claims: {
          sub: '8f0c',
          'cognito:groups': '[applicant reviewer]',
          email_verified: 'false',
          iss: 'http://127.0.0.1:9229/local_abc',
          aud: 'client',
          token_use: 'id',
          auth_time: '1700000000',
          exp: '1700003600',
          iat: '1700000000',
        },
        scopes: null,
      },
    });
  });

  it('splits the scope claim of an access token into scopes', () => {
    const context = toAuthorizerContext({
      client_id: 'client',
      token_use: 'access',
      scope: 'openid aws.cognito.signin.user.admin',
    });

    expect(context.jwt.scopes).toEqual(['openid', 'aws.cognito.signin.user.admin']);
    expect(context.jwt.claims.scope).toBe('openid aws.cognito.signin.user.admin');
  });
});

describe('readIdentitySource', () => {
  it('reads a header case-insensitively and a query parameter', () => {
    expect(
      readIdentitySource('$request.header.Authorization', { authorization: 'Bearer t' }, undefined),
    ).toBe('Bearer t');
    expect(readIdentitySource('$request.querystring.token', {}, { token: 't' })).toBe('t');
    expect(readIdentitySource('$request.header.Authorization', {}, undefined)).toBeUndefined();
  });

  it('rejects identity sources a JWT authorizer cannot use', () => {
    expect(() => readIdentitySource('$context.identity.sourceIp', {}, undefined)).toThrow(
      /Unsupported identity source/,
    );
  });
});

describe('authorizeJwt before any key is fetched', () => {
  it('refuses a request without a token with a bare Bearer challenge', async () => {
    await expect(authorizeJwt(config, undefined)).resolves.toEqual({
      authorized: false,
      wwwAuthenticate: 'Bearer',
      reason: 'no token',
    });
    await expect(authorizeJwt(config, 'Bearer ')).resolves.toMatchObject({
      authorized: false,
      wwwAuthenticate: 'Bearer',
    });
  });

  it('refuses something that is not a JWT as AWS words it', async () => {
    await expect(authorizeJwt(config, 'Bearer not-a-token')).resolves.toMatchObject({
      authorized: false,
      wwwAuthenticate:
        'Bearer scope="" error="invalid_token" error_description="token contains an invalid number of segments"',
    });
  });

  it('refuses tokens not signed with an RSA algorithm', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: 'x' })).toString('base64url');

    await expect(authorizeJwt(config, `${header}.${payload}.c2ln`)).resolves.toMatchObject({
      authorized: false,
      wwwAuthenticate:
        'Bearer scope="" error="invalid_token" error_description="signing method HS256 is invalid"',
    });
  });

  it('refuses a token whose header is not JSON', async () => {
    await expect(authorizeJwt(config, 'bm90IGpzb24.e30.c2ln')).resolves.toMatchObject({
      authorized: false,
      wwwAuthenticate: 'Bearer scope="" error="invalid_token" error_description="token is malformed"',
    });
  });
});
