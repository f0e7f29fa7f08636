// The HttpApi JWT authorizer, as described in
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html:
// token from the identity source (with or without 'Bearer '), RSA signature with a key from jwks_uri
// (matched by kid), then iss, aud (or client_id when there is no aud), exp, nbf and iat.
// Refusals are 401 {"message":"Unauthorized"} with a www-authenticate header; the claims that reach the
// handler are all strings, as AWS passes them.

import { createRemoteJWKSet, decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from 'jose';
import type { JwtAuthorizerContext } from './event-v2.ts';

export interface JwtAuthorizerConfig {
  issuer: string;
  audience: string[];
  jwksUri: string;
  /** Where the token is read from; default '$request.header.Authorization'. */
  identitySource?: string;
}

export type AuthorizerResult =
  | { authorized: true; context: JwtAuthorizerContext }
  | { authorized: false; wwwAuthenticate: string; reason: string };

// AWS accepts only RSA-based algorithms.
const ALGORITHMS = ['RS256', 'RS384', 'RS512'];

// One key set per jwks_uri, so keys are fetched once and refetched by jose only for an unknown kid.
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** Reads the token from the identity source, e.g. '$request.header.Authorization' or '$request.querystring.token'. */
export function readIdentitySource(
  identitySource: string,
  headers: Record<string, string>,
  queryStringParameters: Record<string, string> | undefined,
): string | undefined {
  const header = /^\$request\.header\.(.+)$/.exec(identitySource)?.[1];
  if (header !== undefined) return headers[header.toLowerCase()];
  const parameter = /^\$request\.querystring\.(.+)$/.exec(identitySource)?.[1];
  if (parameter !== undefined) return queryStringParameters?.[parameter];
  throw new Error(`Unsupported identity source for a JWT authorizer: '${identitySource}'`);
}

/** Checks a request's token as the HttpApi JWT authorizer does. `now` is only for tests. */
export async function authorizeJwt(
  config: JwtAuthorizerConfig,
  identity: string | undefined,
  now: Date = new Date(),
): Promise<AuthorizerResult> {
  const token = identity?.replace(/^Bearer\s+/i, '').trim();
  // Observed on AWS: a request without a token gets a bare 'Bearer' challenge.
  if (token === undefined || token === '') {
    return { authorized: false, wwwAuthenticate: 'Bearer', reason: 'no token' };
  }

  const refuse = (description: string, reason = description): AuthorizerResult => ({
    authorized: false,
    wwwAuthenticate: `Bearer scope="" error="invalid_token" error_description="${description}"`,
    reason,
  });

  if (token.split('.').length !== 3) return refuse('token contains an invalid number of segments');
  let algorithm: string | undefined;
  try {
    algorithm = decodeProtectedHeader(token).alg;
  } catch {
    return refuse('token is malformed');
  }
  if (algorithm === undefined || !ALGORITHMS.includes(algorithm)) {
    return refuse(`signing method ${algorithm} is invalid`);
  }

  let payload: JWTPayload;
  try {
    // jose checks the signature, iss, nbf and exp; aud/client_id and iat follow below.
    ({ payload } = await jwtVerify(token, keySetFor(config.jwksUri), {
      algorithms: ALGORITHMS,
      issuer: config.issuer,
      currentDate: now,
    }));
  } catch (error) {
    return refuseVerification(error, refuse);
  }

  const audiences = payload.aud === undefined ? [payload.client_id] : [payload.aud].flat();
  if (!audiences.some((audience) => typeof audience === 'string' && config.audience.includes(audience))) {
    return refuse('the token does not have a valid audience');
  }
  if (typeof payload.iat === 'number' && payload.iat > now.getTime() / 1000) {
    return refuse('the token was issued in the future');
  }
  return { authorized: true, context: toAuthorizerContext(payload) };
}

/** The `requestContext.authorizer` API Gateway builds from verified claims. */
export function toAuthorizerContext(payload: JWTPayload): JwtAuthorizerContext {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) claims[name] = claimToString(value);
  // Cognito access tokens carry their scopes in 'scope'; ID tokens have none.
  const scopes =
    typeof payload.scope === 'string' ? payload.scope.split(' ').filter((scope) => scope !== '') : null;
  return { jwt: { claims, scopes } };
}

/**
 * AWS hands every claim over as a string, printed the way Go prints values:
 * ['applicant', 'reviewer'] → '[applicant reviewer]', 1700000000 → '1700000000', true → 'true',
 * and objects as 'map[key:value]' with sorted keys.
 */
export function claimToString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(claimToString).join(' ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([key, entry]) => `${key}:${claimToString(entry)}`).join(' ')}]`;
  }
  return String(value);
}

function keySetFor(jwksUri: string): ReturnType<typeof createRemoteJWKSet> {
  let keySet = keySets.get(jwksUri);
  if (keySet === undefined) {
    keySet = createRemoteJWKSet(new URL(jwksUri));
    keySets.set(jwksUri, keySet);
  }
  return keySet;
}

// Only 'the token has expired' and 'the token does not have a valid audience' (AWS docs) and
// 'token contains an invalid number of segments' are AWS's known wording; the others are close guesses.
function refuseVerification(
  error: unknown,
  refuse: (description: string, reason?: string) => AuthorizerResult,
): AuthorizerResult {
  if (error instanceof errors.JWTExpired) return refuse('the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return refuse('the token does not have a valid issuer');
    if (error.claim === 'nbf') return refuse('the token is not valid yet');
    return refuse(`the token has an invalid ${error.claim} claim`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return refuse('the token has an invalid signature');
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return refuse('the token was not signed by a known key');
  }
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid) {
    return refuse('token is malformed');
  }
  // Anything else is the key set itself failing (unreachable jwks_uri, bad JWKS): still a refusal, but say why.
  const reason = error instanceof Error ? error.message : String(error);
  return refuse('unable to fetch the signing keys', `cannot get the signing keys: ${reason}`);
}
