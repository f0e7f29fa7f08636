import { spawn } from 'node:child_process';
import { mkdirSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs';
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
  /**
   * Lambda triggers: trigger name (e.g. PostConfirmation) → function name, invoked through a Lambda API
   * endpoint (see infra/local/lambda-endpoint.ts). Written to its config file on every start.
   */
  triggers?: { lambdaEndpoint: string; functions: Record<string, string> };
  /**
   * Called with each code it would send (sign-up confirmation, resend, …). cognito-local only prints
   * them to its log; this reads them from there, so the local stack can deliver them as emails.
   */
  onCode?: (delivery: CodeDelivery) => void;
}

export interface CodeDelivery {
  username: string;
  destination: string;
  code: string;
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
    // Rewritten on every start, so triggers follow the templates and never point at an old endpoint.
    mkdirSync(join(dataDir, '.cognito'), { recursive: true });
    writeFileSync(
      join(dataDir, '.cognito', 'config.json'),
      `${JSON.stringify(
        options.triggers
          ? {
              TriggerFunctions: options.triggers.functions,
              LambdaClient: {
                endpoint: options.triggers.lambdaEndpoint,
                region: LOCAL_REGION,
                credentials: LOCAL_CREDENTIALS,
              },
            }
          : {},
        null,
        2,
      )}\n`,
    );

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
    const onCode = options.onCode;
    if (onCode) {
      let pending = '';
      launched.child.stdout?.on('data', (chunk: Buffer) => {
        pending += chunk.toString('utf8');
        const { deliveries, rest } = readCodeDeliveries(pending);
        pending = rest;
        for (const delivery of deliveries) onCode(delivery);
      });
    }
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

/**
 * Finds the "Confirmation Code Delivery" boxes cognito-local logs (a framed block with Username,
 * Destination and Code lines, possibly coloured); returns them and the text after the last complete one.
 */
export function readCodeDeliveries(output: string): { deliveries: CodeDelivery[]; rest: string } {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const deliveries: CodeDelivery[] = [];
  let rest = plain;
  for (;;) {
    const start = rest.indexOf('Confirmation Code Delivery');
    if (start < 0) return { deliveries, rest: rest.slice(-4096) };
    const end = rest.indexOf('╯', start);
    if (end < 0) return { deliveries, rest: rest.slice(start) };
    const box = rest.slice(start, end);
    const field = (name: string) => new RegExp(`${name}:\\s+(\\S+)`).exec(box)?.[1] ?? '';
    const delivery = { username: field('Username'), destination: field('Destination'), code: field('Code') };
    if (delivery.code && delivery.destination) deliveries.push(delivery);
    rest = rest.slice(end + 1);
  }
}
