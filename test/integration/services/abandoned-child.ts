import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { processCommandLine } from '../../../infra/local/services/child-processes.ts';

const script = fileURLToPath(new URL('./start-and-abandon.ts', import.meta.url));

export interface AbandonedChild {
  /** The service's process, still running. */
  pid: number;
  port: number;
}

/**
 * Reproduces a crashed parent: a separate Node process starts the service through our module and is
 * then SIGKILLed, so none of its exit handlers run and the service's process is left behind.
 */
export async function startAndAbandon(
  service: 'dynamodb' | 'cognito',
  dataDir: string,
): Promise<AbandonedChild> {
  const parent = spawn(process.execPath, [script, service, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = await new Promise<AbandonedChild>((resolve, reject) => {
    parent.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /^READY (\d+) (\d+)$/m.exec(output);
      if (match) resolve({ pid: Number(match[1]), port: Number(match[2]) });
    });
    parent.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    parent.once('exit', (code) =>
      reject(new Error(`start-and-abandon exited early (code ${code}):\n${output}`)),
    );
  });
  const exited = new Promise((resolve) => parent.once('exit', resolve));
  parent.kill('SIGKILL');
  await exited;
  return ready;
}

/** Whether a process runs whose command line contains the given text (zombies count as gone). */
export function isRunning(pid: number, commandLineContains: string): boolean {
  return processCommandLine(pid)?.some((arg) => arg.includes(commandLineContains)) === true;
}

/** Safety net for failed tests: kill a process that should already be gone. */
export function killIfRunning(pid: number, commandLineContains: string): void {
  if (isRunning(pid, commandLineContains)) process.kill(pid, 'SIGKILL');
}
