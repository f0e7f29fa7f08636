import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  type CognitoLocalHandle,
  cognitoClient,
  startCognitoLocal,
} from '../../../infra/local/services/cognito-local.ts';
import { isRunning, killIfRunning, startAndAbandon } from './abandoned-child.ts';
import { holdPort } from './busy-port.ts';

const handles: CognitoLocalHandle[] = [];
const clients: CognitoIdentityProviderClient[] = [];
let root: string;

async function start(dataDir: string, port?: number): Promise<CognitoLocalHandle> {
  const startedAt = performance.now();
  const handle = await startCognitoLocal({ dataDir, port, code: '123456' });
  console.info(`cognito-local ready in ${Math.round(performance.now() - startedAt)} ms`);
  handles.push(handle);
  return handle;
}

function client(endpoint: string): CognitoIdentityProviderClient {
  const created = cognitoClient(endpoint);
  clients.push(created);
  return created;
}

async function signIn(endpoint: string, clientId: string): Promise<string> {
  const result = await client(endpoint).send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: 'sachbearbeitung@example.org', PASSWORD: 'Correct-Horse-1' },
    }),
  );
  const idToken = result.AuthenticationResult?.IdToken;
  if (idToken === undefined) throw new Error('no IdToken');
  return idToken;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'foerderflow-cognito-'));
});

afterAll(async () => {
  for (const created of clients) created.destroy();
  await Promise.all(handles.map((handle) => handle.stop()));
  rmSync(root, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('startCognitoLocal', () => {
  test('signs in a user with groups, and still does after a restart', async () => {
    const dataDir = join(root, 'restart');
    const first = await start(dataDir);
    expect(first.endpoint).toBe(`http://127.0.0.1:${first.port}`);
    const cognito = client(first.endpoint);

    const pool = await cognito.send(new CreateUserPoolCommand({ PoolName: 'foerderflow' }));
    const poolId = pool.UserPool?.Id;
    if (poolId === undefined) throw new Error('no pool id');
    const appClient = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'backoffice',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const clientId = appClient.UserPoolClient?.ClientId;
    if (clientId === undefined) throw new Error('no client id');
    await cognito.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'caseworkers' }));
    const username = 'sachbearbeitung@example.org';
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: username,
        UserAttributes: [{ Name: 'email', Value: username }],
        MessageAction: 'SUPPRESS',
      }),
    );
    await cognito.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: username,
        Password: 'Correct-Horse-1',
        Permanent: true,
      }),
    );
    await cognito.send(
      new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: username, GroupName: 'caseworkers' }),
    );

    const idToken = await signIn(first.endpoint, clientId);
    const claims = decodeJwt(idToken);
    expect(claims['cognito:groups']).toContain('caseworkers');
    expect(claims.iss).toBe(`${first.endpoint}/${poolId}`);
    expect(claims.aud).toBe(clientId);
    expect(claims.token_use).toBe('id');
    // Its JWKS verifies the token, as the local gateway will do.
    const jwks = createRemoteJWKSet(new URL(`${first.endpoint}/${poolId}/.well-known/jwks.json`));
    await expect(jwtVerify(idToken, jwks, { issuer: claims.iss, audience: clientId })).resolves.toBeDefined();

    await first.stop();
    // A second, independent instance alongside, as a test suite may start one per file.
    const [second, elsewhere] = await Promise.all([start(dataDir), start(join(root, 'elsewhere'))]);
    const poolsElsewhere = await client(elsewhere.endpoint).send(
      new ListUserPoolsCommand({ MaxResults: 10 }),
    );
    expect(poolsElsewhere.UserPools).toEqual([]);
    const afterRestart = decodeJwt(await signIn(second.endpoint, clientId));
    expect(afterRestart['cognito:groups']).toContain('caseworkers');
    // The issuer follows the port it runs on.
    expect(afterRestart.iss).toBe(`${second.endpoint}/${poolId}`);
  });

  test('reports and kills a cognito-local left behind by a crashed parent', async () => {
    const dataDir = join(root, 'stale');
    const leftover = await startAndAbandon('cognito', dataDir);
    try {
      expect(isRunning(leftover.pid, 'cognito-local')).toBe(true);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

      const handle = await start(dataDir, leftover.port);

      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain(`pid ${leftover.pid}`);
      expect(isRunning(leftover.pid, 'cognito-local')).toBe(false);
      const pools = await client(handle.endpoint).send(new ListUserPoolsCommand({ MaxResults: 10 }));
      expect(pools.UserPools).toEqual([]);
    } finally {
      killIfRunning(leftover.pid, 'cognito-local');
    }
  });

  test('rejects when the port is taken, even by a server that answers HTTP', async () => {
    const busy = await holdPort();
    try {
      await expect(startCognitoLocal({ dataDir: join(root, 'busy'), port: busy.port })).rejects.toThrow(
        /EADDRINUSE/,
      );
    } finally {
      await busy.release();
    }
  });
});
