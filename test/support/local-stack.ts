import { randomUUID } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import type { LocalStackInfo } from '../../infra/local/local-stack.ts';
import { DynamoDbCallRepository } from '../../shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbMembershipRepository } from '../../shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { DynamoDbOrganisationRepository } from '../../shared/adapters/dynamodb/dynamodb-organisation-repository.ts';
import { DynamoDbStaffDirectory } from '../../shared/adapters/dynamodb/dynamodb-review-repository.ts';
import { keys } from '../../shared/adapters/dynamodb/keys.ts';
import type { Call } from '../../shared/api/schemas/call.schema.ts';
import type { OrganisationProfile } from '../../shared/api/schemas/organisation.schema.ts';
import { newOrganisation } from '../../shared/domain/organisation.ts';
import type { Group } from '../../shared/domain/roles.ts';
import { aCompleteDraftContent } from './drafts.ts';
import { anOrganisationProfile } from './organisations.ts';

/** Where the integration run's local stack listens (started once in global-setup.ts). */
export const stack = () => inject('stack');

/**
 * Most tests share the run's stack. A test that stops workflows or moves the clock starts its own and
 * passes it as `on`, so it cannot disturb files running in parallel.
 */
type On = LocalStackInfo | undefined;
const target = (on: On) => on ?? stack();

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export const cognito = (on?: On) =>
  new CognitoIdentityProviderClient({
    endpoint: target(on).cognitoEndpoint,
    region: target(on).region,
    credentials,
  });

export const documentClient = (on?: On) =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: target(on).dynamodbEndpoint, region: target(on).region, credentials }),
    { marshallOptions: { removeUndefinedValues: true } },
  );

export interface TestUser {
  email: string;
  sub: string;
  /** A real Cognito ID token from the local user pool. */
  token: string;
}

const PASSWORD = 'Test-Passwort-12345!';
/** The password of every givenUser(), for signing in through the portal in browser tests. */
export const TEST_USER_PASSWORD = PASSWORD;

/** Signs in with USER_PASSWORD_AUTH, as the web apps do, and returns the ID token. */
export async function signIn(email: string, password: string, on?: On): Promise<string> {
  const result = await cognito(on).send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: target(on).userPoolClientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  const token = result.AuthenticationResult?.IdToken;
  if (!token) throw new Error(`no ID token for ${email}`);
  return token;
}

/** Given a new user in these groups, signed in. */
export async function givenUser(
  groups: Group[],
  name = groups.join('-') || 'nogroup',
  on?: On,
): Promise<TestUser> {
  const { userPoolId } = target(on);
  const email = `${name}-${randomUUID().slice(0, 8)}@example.org`;
  const created = await cognito(on).send(
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
  await cognito(on).send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: email,
      Password: PASSWORD,
      Permanent: true,
    }),
  );
  for (const group of groups) {
    await cognito(on).send(
      new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: group }),
    );
  }
  return { email, sub, token: await signIn(email, PASSWORD, on) };
}

/**
 * Given a back-office user in these groups, signed in, and in the staff directory (so reviewers can
 * be assigned), with no open assignments.
 */
export async function givenStaff(groups: Group[], name = groups.join('-'), on?: On): Promise<TestUser> {
  const user = await givenUser(groups, name, on);
  await new DynamoDbStaffDirectory(documentClient(on), target(on).tableName).upsert({
    sub: user.sub,
    email: user.email,
    name,
    groups,
  });
  return user;
}

/**
 * Given an organisation (a fresh id) with a complete, valid profile and these users as members: the
 * first is its owner, as if they had created it through the API.
 */
export async function givenOrganisation(
  members: TestUser[],
  on?: On,
  profile: OrganisationProfile = anOrganisationProfile(),
): Promise<string> {
  const [owner, ...others] = members;
  if (!owner) throw new Error('an organisation has at least one member');
  const orgId = randomUUID();
  const client = documentClient(on);
  const { organisation, owner: ownership } = newOrganisation({
    id: orgId,
    profile,
    creator: owner,
    now: new Date(),
  });
  await new DynamoDbOrganisationRepository(client, target(on).tableName).create(organisation, ownership);
  const memberships = new DynamoDbMembershipRepository(client, target(on).tableName);
  for (const member of others) {
    await memberships.add(orgId, member.sub, 'member', new Date().toISOString(), member.email);
  }
  return orgId;
}

/** Moves an invitation's expiry into the past, as if its 14 days were over (handlers use the real clock). */
export async function expireInvitation(orgId: string, email: string, on?: On): Promise<void> {
  await documentClient(on).send(
    new UpdateCommand({
      TableName: target(on).tableName,
      Key: { pk: `ORG#${orgId}`, sk: `INVITATION#${email.toLowerCase()}` },
      UpdateExpression: 'SET expiresAt = :past',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':past': new Date(Date.now() - 60_000).toISOString() },
    }),
  );
}

/** Given a call, written straight to the table as version 1, as the admin API would store it. */
export async function givenCall(call: Call, on?: On): Promise<Call> {
  const at = new Date().toISOString();
  await new DynamoDbCallRepository(documentClient(on), target(on).tableName).put({
    ...call,
    version: 1,
    createdAt: at,
    createdBy: 'system:test',
    updatedAt: at,
    updatedBy: 'system:test',
  });
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
  options: {
    token?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
    on?: On;
  } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${target(options.on).apiUrl}${path}`, {
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

/** Waits until the stack has no follow-up work pending (the workflows ran); fails with the reason. */
export async function drain(on?: On, timeoutMs = 30_000): Promise<void> {
  const response = await fetch(`${target(on).controlUrl}/drain?timeoutMs=${timeoutMs}`, { method: 'POST' });
  if (response.status !== 204) throw new Error(`drain failed: ${await response.text()}`);
}

export interface SentMail {
  subject: string;
  destination: { to: string[] };
  body: { text?: string; html?: string };
}

/** The emails the local SES has accepted, as its mail viewer shows them. */
export async function sentEmails(on?: On): Promise<SentMail[]> {
  const response = await fetch(`${target(on).sesEndpoint}/store`);
  const store = (await response.json()) as {
    emails: { subject: string; destination: { to: string[] }; body: SentMail['body'] }[];
  };
  return store.emails;
}

/** Given a draft of the member's organisation in the call, created through the API. */
export async function givenDraft(
  member: TestUser,
  orgId: string,
  callId: string,
  title = 'Interkultureller Elterntreff',
  on?: On,
) {
  const response = await api('POST', '/api/applications', {
    token: member.token,
    body: { orgId, callId, title },
    on,
  });
  if (response.status !== 201) throw new Error(`draft not created: ${response.status} ${response.text}`);
  return response.body as { id: string; version: number };
}

/**
 * Given a draft that can be submitted: created through the API and filled with complete content (see
 * test/support/drafts.ts) for a call made with `aCall()` (no mandatory documents unless the call asks).
 */
export async function givenCompleteDraft(
  member: TestUser,
  orgId: string,
  callId: string,
  title = 'Sprachcafé für Familien',
  on?: On,
) {
  const draft = await givenDraft(member, orgId, callId, title, on);
  const response = await api('PATCH', `/api/applications/${draft.id}`, {
    token: member.token,
    body: aCompleteDraftContent(),
    headers: { 'if-match': `"${draft.version}"` },
    on,
  });
  if (response.status !== 200) throw new Error(`draft not filled: ${response.status} ${response.text}`);
  const filled = response.body as { id: string; version: number; violations: unknown[]; missing: unknown[] };
  if (filled.violations.length > 0 || filled.missing.length > 0) {
    throw new Error(`complete draft is not complete: ${response.text}`);
  }
  return filled;
}

/**
 * Given these reviewers assigned to an application (as the intake's AssignReviewers leaves it, due in
 * 21 days), each having declared "no conflict" if `declared` says so. Written straight to the table, so
 * the test decides who reviews, whatever staff the shared stack holds.
 */
export async function givenAssignments(
  application: { id: string; callId: string },
  reviewers: { content: TestUser; financial: TestUser },
  declared: { content: boolean; financial: boolean } = { content: true, financial: true },
  on?: On,
): Promise<void> {
  const now = new Date();
  const dueAt = new Date(now.getTime() + 21 * 86_400_000).toISOString();
  for (const role of ['content', 'financial'] as const) {
    const reviewer = reviewers[role];
    await documentClient(on).send(
      new PutCommand({
        TableName: target(on).tableName,
        Item: {
          ...keys.assignment(application.id, role),
          ...keys.assigneeIndex(reviewer.sub, dueAt, application.id, role),
          itemType: 'Assignment',
          applicationId: application.id,
          callId: application.callId,
          role,
          reviewerSub: reviewer.sub,
          assignedAt: now.toISOString(),
          dueAt,
          ...(declared[role] ? { declaration: { conflict: false, declaredAt: now.toISOString() } } : {}),
        },
      }),
    );
  }
}

/** What the content and financial assessments of `givenAssessedApplication` say. */
export interface AssessmentInput {
  /** The content score of each rubric criterion of `aCall()` (one criterion, 'konzept'), 0–5. */
  score?: number;
  recommendedGrantCents?: number;
}

/**
 * Given an ASSESSED application: a complete draft of the member's organisation submitted through the
 * API, assigned to these two reviewers (givenAssignments) and assessed by them through the API, with
 * the workflows drained in between. The call must be made with `aCall()` (its rubric and rules).
 */
export async function givenAssessedApplication(
  member: TestUser,
  orgId: string,
  callId: string,
  reviewers: { content: TestUser; financial: TestUser },
  input: AssessmentInput & { title?: string } = {},
  on?: On,
): Promise<{ id: string; callId: string; reference: string; version: number }> {
  const draft = await givenCompleteDraft(member, orgId, callId, input.title ?? 'Sprachcafé für Familien', on);
  const submitted = await api('POST', `/api/applications/${draft.id}/submit`, { token: member.token, on });
  if (submitted.status !== 202) throw new Error(`not submitted: ${submitted.status} ${submitted.text}`);
  await drain(on);
  await givenAssignments({ id: draft.id, callId }, reviewers, { content: true, financial: true }, on);
  const assessments = [
    [
      reviewers.content,
      {
        role: 'content',
        scores: [{ criterionId: 'konzept', score: input.score ?? 4 }],
        recommendation: 'fund',
        comment: 'Schlüssiges Konzept, gute Erreichbarkeit der Familien.',
      },
    ],
    [
      reviewers.financial,
      {
        role: 'financial',
        lines: [
          { section: 'staff', lineId: 'leitung', eligibleCents: 1_152_000 },
          { section: 'material', lineId: 'miete', eligibleCents: 120_000 },
          { section: 'material', lineId: 'lernmaterial', eligibleCents: 30_000 },
          { section: 'fees', lineId: 'sprachmittlung', eligibleCents: 80_000 },
        ],
        recommendedGrantCents: input.recommendedGrantCents ?? 1_440_200,
        recommendation: 'fund',
        comment: 'Kosten plausibel und angemessen.',
      },
    ],
  ] as const;
  for (const [reviewer, body] of assessments) {
    const recorded = await api('POST', `/api/review/applications/${draft.id}/assessments`, {
      token: reviewer.token,
      body,
      on,
    });
    if (recorded.status !== 201) throw new Error(`assessment refused: ${recorded.status} ${recorded.text}`);
  }
  await drain(on);
  const read = await api<{ status: string; reference: string; version: number }>(
    'GET',
    `/api/applications/${draft.id}`,
    { token: member.token, on },
  );
  if (read.body.status !== 'ASSESSED') throw new Error(`not assessed: ${read.text}`);
  return { id: draft.id, callId, reference: read.body.reference, version: read.body.version };
}
