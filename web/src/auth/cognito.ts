import { getConfig } from '../config.ts';

/**
 * The few Cognito user-pool calls the portal makes, as plain JSON requests (the API the AWS SDK speaks),
 * so no SDK lands in the bundle. Works against AWS Cognito and cognito-local alike.
 */

export interface Tokens {
  idToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the ID token stops being accepted. */
  expiresAt: number;
}

/** A refusal from Cognito: `name` is its exception name, e.g. 'NotAuthorizedException'. */
export class CognitoError extends Error {
  override readonly name: string;
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

async function call<T>(operation: string, body: Record<string, unknown>): Promise<T> {
  const { cognitoEndpoint, userPoolClientId } = getConfig();
  const response = await fetch(cognitoEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify({ ClientId: userPoolClientId, ...body }),
  });
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    // AWS sends "__type": "NotAuthorizedException" (sometimes with a namespace prefix before '#').
    const type = String(data.__type ?? data.code ?? 'UnknownError')
      .split('#')
      .pop() as string;
    throw new CognitoError(type, String(data.message ?? data.Message ?? `HTTP ${response.status}`));
  }
  return data as T;
}

interface AuthResult {
  AuthenticationResult?: { IdToken: string; RefreshToken?: string; ExpiresIn?: number };
  ChallengeName?: string;
  ChallengeParameters?: Record<string, string>;
  Session?: string;
}

/**
 * Sign-in needs a password of the person's own: an admin created the account with a temporary one
 * (NEW_PASSWORD_REQUIRED). Answer with respondNewPassword() within the challenge's few minutes.
 */
export class NewPasswordRequiredError extends CognitoError {
  readonly username: string;
  readonly session: string;
  constructor(username: string, session: string) {
    super('NewPasswordRequired', 'a new password is required');
    this.username = username;
    this.session = session;
  }
}

function toTokens(result: AuthResult, refreshToken?: string): Tokens {
  const auth = result.AuthenticationResult;
  const refresh = auth?.RefreshToken ?? refreshToken;
  if (!auth || !refresh) {
    // A challenge the portal does not offer (e.g. MFA, not configured yet).
    throw new CognitoError(
      result.ChallengeName ?? 'UnknownError',
      'sign-in needs a step the portal does not offer',
    );
  }
  // Measured with this browser's clock, so a clock that is off does not matter; cognito-local sends no
  // ExpiresIn, so the token's own lifetime (exp − iat) stands in.
  const lifetimeSeconds = auth.ExpiresIn ?? tokenLifetimeSeconds(auth.IdToken);
  return { idToken: auth.IdToken, refreshToken: refresh, expiresAt: Date.now() + lifetimeSeconds * 1000 };
}

function tokenLifetimeSeconds(jwt: string): number {
  const [, payload = ''] = jwt.split('.');
  const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as {
    exp?: number;
    iat?: number;
  };
  return claims.exp && claims.iat ? claims.exp - claims.iat : 0;
}

export async function initiateAuth(email: string, password: string): Promise<Tokens> {
  const result = await call<AuthResult>('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  if (result.ChallengeName === 'NEW_PASSWORD_REQUIRED' && result.Session) {
    // The pool names the account by its own username (its sub, as it signs in by email).
    throw new NewPasswordRequiredError(result.ChallengeParameters?.USER_ID_FOR_SRP ?? email, result.Session);
  }
  return toTokens(result);
}

/** Sets the person's own password in place of the temporary one, which signs them in. */
export async function respondNewPassword(
  challenge: NewPasswordRequiredError,
  newPassword: string,
): Promise<Tokens> {
  const result = await call<AuthResult>('RespondToAuthChallenge', {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: challenge.session,
    ChallengeResponses: { USERNAME: challenge.username, NEW_PASSWORD: newPassword },
  });
  return toTokens(result);
}

export async function refreshTokens(refreshToken: string): Promise<Tokens> {
  const result = await call<AuthResult>('InitiateAuth', {
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    AuthParameters: { REFRESH_TOKEN: refreshToken },
  });
  return toTokens(result, refreshToken);
}

export async function signUp(email: string, password: string): Promise<void> {
  await call('SignUp', {
    Username: email,
    Password: password,
    UserAttributes: [{ Name: 'email', Value: email }],
  });
}

export async function confirmSignUp(email: string, code: string): Promise<void> {
  await call('ConfirmSignUp', { Username: email, ConfirmationCode: code });
}

export async function resendConfirmationCode(email: string): Promise<void> {
  await call('ResendConfirmationCode', { Username: email });
}
