import { spawn } from 'node:child_process';
import { mkdirSync, readlinkSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { killStaleChild, launchChild, processCommandLine } from './child-processes.ts';
import { freePort } from './free-port.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, type ServiceHandle } from './types.ts';

// cognito-local emulates the user-pool API. It keeps its data in ./.cognito/ of its working directory
// (no option for that), so it runs as a child process started in dataDir. Its token signing key ships
// in the package: never trust its issuer outside local runs.

export interface CognitoLocalOptions {
  /** Working directory of cognito-local; pools and users live in dataDir/.cognito/. Created if missing. */
  dataDir: string;
  /** Defaults to a free port. */
  port?: number;
  /** Fixes the confirmation/verification code (CODE) instead of a random one printed to its log. */
  code?: string;
}

export interface CognitoLocalHandle extends ServiceHandle {
  /** The child's process id. */
  pid: number;
}

const LABEL = 'cognito-local';
const START_TIMEOUT_MS = 15_000;
const PID_FILE = 'cognito-local.pid';

// See dynamodb-local.ts: a second start on the same folder would otherwise kill our own live child.
const dataDirsInUse = new Set<string>();

/** An SDK client for the local user-pool API. */
export function cognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
}

function workingDirectory(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined;
  }
}

/**
 * Starts cognito-local on 127.0.0.1 with the same Node binary as this process. Tokens it issues have
 * iss = `${endpoint}/${userPoolId}`, so they depend on the port.
 */
export async function startCognitoLocal(options: CognitoLocalOptions): Promise<CognitoLocalHandle> {
  const dataDir = resolve(options.dataDir);
  if (dataDirsInUse.has(dataDir)) {
    throw new Error(`${LABEL} is already running in ${dataDir} in this process.`);
  }
  dataDirsInUse.add(dataDir);
  try {
    mkdirSync(dataDir, { recursive: true });
    const startScript = createRequire(import.meta.url).resolve('cognito-local/lib/bin/start.js');
    const pidFile = join(dataDir, PID_FILE);
    // /proc/<pid>/cwd shows the real path, without symlinks.
    const realDataDir = realpathSync(dataDir);
    await killStaleChild({
      label: LABEL,
      pidFile,
      dataDir,
      isLeftover: (pid) =>
        processCommandLine(pid)?.includes(startScript) === true && workingDirectory(pid) === realDataDir,
    });

    const port = options.port ?? (await freePort());
    const endpoint = `http://127.0.0.1:${port}`;
    // A CODE inherited from the shell would silently fix the codes; only pass the one asked for.
    const { CODE: _inheritedCode, ...inheritedEnv } = process.env;
    const env: NodeJS.ProcessEnv = {
      ...inheritedEnv,
      HOST: '127.0.0.1',
      PORT: String(port),
      // It uses aws-sdk v2 for its (unused) Lambda triggers, which prints an end-of-support notice.
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    };
    if (options.code !== undefined) env.CODE = options.code;
    // Note: a ServerConfig or TokenConfig in dataDir/.cognito/config.json would override HOST and PORT.

    const launched = await launchChild({
      label: LABEL,
      spawnChild: () =>
        spawn(process.execPath, [startScript], { cwd: dataDir, env, stdio: ['ignore', 'pipe', 'pipe'] }),
      // It logs this once it listens. (Probing the port instead could be answered by another server
      // that already holds the port, before cognito-local fails to bind and exits.)
      isReady: async (output) => output.includes(`Cognito Local running on ${endpoint}`),
      timeoutMs: START_TIMEOUT_MS,
      pidFile,
    });

    const pid = launched.child.pid;
    if (pid === undefined) throw new Error(`${LABEL} started without a pid`);
    let stopped = false;
    return {
      endpoint,
      port,
      pid,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await launched.stop();
        dataDirsInUse.delete(dataDir);
      },
    };
  } catch (error) {
    dataDirsInUse.delete(dataDir);
    throw error;
  }
}
