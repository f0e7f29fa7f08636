import type { ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

// Stand-ins that run as child processes (DynamoDB Local's JVM, cognito-local, aws-ses-v2-local) do not
// die when this process dies: a crashed or Ctrl-C'd parent would leave them holding ports and data files.
// Every child is registered here so that exit and signal handlers can end them all.
const liveChildren = new Set<ChildProcess>();
let exitHandlersInstalled = false;

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Sends SIGTERM to every registered child. Synchronous, so it also works inside process.on('exit'). */
export function killAllChildrenSync(): void {
  for (const child of liveChildren) {
    if (child.pid !== undefined && isRunning(child)) {
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
  liveChildren.clear();
}

function installExitHandlers(): void {
  if (exitHandlersInstalled) return;
  exitHandlersInstalled = true;
  process.on('exit', killAllChildrenSync);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      killAllChildrenSync();
      // A listener makes Node treat the signal as handled, so Ctrl-C would no longer end the program.
      // If nobody else listens, remove ourselves and raise the signal again: the default action applies.
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

/** Registers a child so that it is killed when this process exits or gets SIGINT/SIGTERM/SIGHUP. */
export function trackChild(child: ChildProcess): void {
  installExitHandlers();
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
}

/** SIGTERM, then SIGKILL if the child has not exited after graceMs. Resolves once it has exited. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killTimer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  // Cleared, so that a pending timer does not keep the process alive after stop().
  clearTimeout(killTimer);
}

/**
 * The command line of a running process, or undefined if there is none (or it is a zombie, whose
 * cmdline is empty). Linux only (/proc); elsewhere it always says "none", so stale children are not found.
 */
export function processCommandLine(pid: number): string[] | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw === '' ? undefined : raw.split('\0').filter((part) => part !== '');
  } catch {
    return undefined;
  }
}

function readPid(pidFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function waitForGone(isOurs: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isOurs()) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

export interface StaleChildCheck {
  /** Names the service in messages, e.g. 'DynamoDB Local'. */
  label: string;
  pidFile: string;
  dataDir: string;
  /**
   * Whether the process with this pid is really a leftover of ours (right program, same data folder),
   * not an unrelated process that got the pid later.
   */
  isLeftover(pid: number): boolean;
}

/**
 * A parent that crashed (or was SIGKILLed) leaves its child running, holding the port and the data
 * files, with its pid still in the pid file. Reports such a leftover on the console and kills it
 * (SIGTERM, then SIGKILL). Returns the pid that was killed, if any.
 */
export async function killStaleChild(check: StaleChildCheck): Promise<number | undefined> {
  const pid = readPid(check.pidFile);
  if (pid === undefined || !check.isLeftover(pid)) {
    rmSync(check.pidFile, { force: true });
    return undefined;
  }
  console.warn(
    `[local-stack] Found a leftover ${check.label} (pid ${pid}) from an earlier run that did not shut down ` +
      `cleanly, still using ${check.dataDir}. Killing it before starting a new one.`,
  );
  const isOurs = (): boolean => check.isLeftover(pid);
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // Gone in the meantime.
  }
  if (!(await waitForGone(isOurs, 3_000))) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone in the meantime.
    }
    if (!(await waitForGone(isOurs, 2_000))) {
      throw new Error(`Could not kill the leftover ${check.label} (pid ${pid}); kill it by hand.`);
    }
  }
  rmSync(check.pidFile, { force: true });
  return pid;
}

export interface LaunchOptions {
  /** Names the service in messages, e.g. 'DynamoDB Local'. */
  label: string;
  /** Starts the process with stdout and stderr piped. */
  spawnChild: () => ChildProcess;
  /**
   * One readiness probe, given the child's output so far; must give up by itself quickly (it is called
   * again every 100 ms).
   */
  isReady: (output: string) => Promise<boolean>;
  timeoutMs: number;
  /** Where to record the child's pid, so a later start can find it if we crash. */
  pidFile?: string;
  /** Turns a spawn error (e.g. ENOENT: command not on PATH) into a helpful message. */
  describeSpawnError?: (error: NodeJS.ErrnoException) => string;
}

export interface LaunchedChild {
  child: ChildProcess;
  /** The last few KB of the child's stdout and stderr, for error messages. */
  recentOutput(): string;
  /** Stops the child and removes its pid file; safe to call more than once. */
  stop(): Promise<void>;
}

const OUTPUT_TAIL_CHARS = 16_000;

/**
 * Spawns a child, registers it for cleanup, and resolves once isReady() says yes. Rejects (after
 * killing the child) if it cannot be spawned, exits early or is not ready within timeoutMs; the error
 * includes the child's recent output.
 */
export async function launchChild(options: LaunchOptions): Promise<LaunchedChild> {
  const child = options.spawnChild();
  let output = '';
  const keepTail = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  // Reading the pipes also keeps a chatty child from blocking on a full pipe.
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);

  let failure: Error | undefined;
  child.once('error', (error: NodeJS.ErrnoException) => {
    failure = new Error(
      options.describeSpawnError?.(error) ?? `${options.label} could not be started: ${error.message}`,
    );
  });
  child.once('exit', (code, signal) => {
    failure ??= new Error(
      `${options.label} exited before it was ready (code ${code}, signal ${signal}). Its output:\n${output}`,
    );
  });

  if (child.pid !== undefined) {
    trackChild(child);
    if (options.pidFile !== undefined) writeFileSync(options.pidFile, `${child.pid}\n`);
  }

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await stopChild(child);
    if (options.pidFile !== undefined) rmSync(options.pidFile, { force: true });
  };

  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (failure === undefined && (await options.isReady(output))) break;
    // Checked after the probe too: the child may have died while we were waiting for an answer.
    if (failure !== undefined) {
      await stop();
      throw failure;
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `${options.label} did not become ready within ${options.timeoutMs / 1000} s. Its output:\n${output}`,
      );
    }
    await sleep(100);
  }
  return { child, recentOutput: () => output, stop };
}
