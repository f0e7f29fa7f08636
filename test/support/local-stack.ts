import { randomUUID } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { DynamoDbCallRepository } from '../../shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbMembershipRepository } from '../../shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import type { Call } from '../../shared/api/schemas/call.schema.ts';
import type { Group } from '../../shared/domain/roles.ts';

/** Where the integration run's local stack listens (started once in global-setup.ts). */
export const stack = () => inject('stack');

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export const cognito = () =>
  new CognitoIdentityProviderClient({
    endpoint: stack().cognitoEndpoint,
    region: stack().region,
    credentials,
  });

export const documentClient = () =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: stack().dynamodbEndpoint, region: stack().region, credentials }),
    { marshallOptions: { removeUndefinedValues: true } },
  );

export interface TestUser {
  email: string;
  sub: string;
  /** A real Cognito ID token from the local user pool. */
  token: string;
}

const PASSWORD = 'Test-Passwort-12345!';

/** Signs in with USER_PASSWORD_AUTH, as the web apps do, and returns the ID token. */
export async function signIn(email: string, password: string): Promise<string> {
  const result = await cognito().send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: stack().userPoolClientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  const token = result.AuthenticationResult?.IdToken;
  if (!token) throw new Error(`no ID token for ${email}`);
  return token;
}

/** Given a new user in these groups, signed in. */
export async function givenUser(groups: Group[], name = groups.join('-') || 'nogroup'): Promise<TestUser> {
  const { userPoolId } = stack();
  const email = `${name}-${randomUUID().slice(0, 8)}@example.org`;
  const created = await cognito().send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  const sub = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
  if (!sub) throw new Error('created user has no sub');
  await cognito().send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: email,
      Password: PASSWORD,
      Permanent: true,
    }),
  );
  for (const group of groups) {
    await cognito().send(
      new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: group }),
    );
  }
  return { email, sub, token: await signIn(email, PASSWORD) };
}

/** Given an organisation (a fresh id) with these users as members. */
export async function givenOrganisation(...members: TestUser[]): Promise<string> {
  const orgId = randomUUID();
  const repository = new DynamoDbMembershipRepository(documentClient(), stack().tableName);
  for (const member of members) await repository.add(orgId, member.sub, 'member', new Date().toISOString());
  return orgId;
}

/** Given a call, written straight to the table (the admin API for calls comes later). */
export async function givenCall(call: Call): Promise<Call> {
  await new DynamoDbCallRepository(documentClient(), stack().tableName).put(call);
  return call;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** Calls the API through the local gateway, as a browser or client would. */
export async function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${stack().apiUrl}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}
