import { getConfig } from '../config.ts';

/**
 * The few Cognito user-pool calls the portal makes, as plain JSON requests (the API the AWS SDK speaks),
 * so no SDK lands in the bundle. Works against AWS Cognito and cognito-local alike.
 */

export interface Tokens {
  idToken: string;
  /** For the calls a person makes on their own account (the authenticator setup); absent in sessions
   * stored before the portal kept it. */
  accessToken?: string;
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

/** `withClientId: false` for the calls that name the account by its access token instead. */
async function call<T>(operation: string, body: Record<string, unknown>, withClientId = true): Promise<T> {
  const { cognitoEndpoint, userPoolClientId } = getConfig();
  const response = await fetch(cognitoEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(withClientId ? { ClientId: userPoolClientId, ...body } : body),
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
  AuthenticationResult?: { IdToken: string; AccessToken?: string; RefreshToken?: string; ExpiresIn?: number };
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

/**
 * The account has an authenticator app (TOTP): sign-in needs the app's current six-digit code. Answer
 * with respondSoftwareTokenMfa() within the challenge's few minutes.
 */
export class SoftwareTokenMfaRequiredError extends CognitoError {
  readonly username: string;
  readonly session: string;
  constructor(username: string, session: string) {
    super('SoftwareTokenMfaRequired', 'the code from the authenticator app is required');
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
  return {
    idToken: auth.IdToken,
    ...(auth.AccessToken ? { accessToken: auth.AccessToken } : {}),
    refreshToken: refresh,
    expiresAt: Date.now() + lifetimeSeconds * 1000,
  };
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
  if (result.ChallengeName === 'SOFTWARE_TOKEN_MFA' && result.Session) {
    throw new SoftwareTokenMfaRequiredError(
      result.ChallengeParameters?.USER_ID_FOR_SRP ?? email,
      result.Session,
    );
  }
  return toTokens(result);
}

/** Answers the authenticator challenge with the app's current code, which signs the person in. */
export async function respondSoftwareTokenMfa(
  challenge: SoftwareTokenMfaRequiredError,
  code: string,
): Promise<Tokens> {
  const result = await call<AuthResult>('RespondToAuthChallenge', {
    ChallengeName: 'SOFTWARE_TOKEN_MFA',
    Session: challenge.session,
    ChallengeResponses: { USERNAME: challenge.username, SOFTWARE_TOKEN_MFA_CODE: code },
  });
  return toTokens(result);
}

// --- the authenticator app (TOTP) of the signed-in person ----------------------------------------------

/** Starts the setup: a new secret for the person's authenticator app (not in force until verified). */
export async function associateSoftwareToken(accessToken: string): Promise<string> {
  const result = await call<{ SecretCode: string }>(
    'AssociateSoftwareToken',
    { AccessToken: accessToken },
    false,
  );
  return result.SecretCode;
}

/**
 * Proves the app holds the secret (its current code), then makes TOTP the person's second factor: from
 * the next sign-in on, Cognito asks for a code, and staff tokens carry their groups again.
 */
export async function enableSoftwareTokenMfa(accessToken: string, code: string): Promise<void> {
  await call(
    'VerifySoftwareToken',
    { AccessToken: accessToken, UserCode: code, FriendlyDeviceName: 'foerderflow' },
    false,
  );
  await call(
    'SetUserMFAPreference',
    { AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } },
    false,
  );
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
