import { createServer } from 'node:net';

/**
 * Asks the OS for a port that is free on 127.0.0.1 right now. A child process started after this may
 * still lose a race for it; the start functions report that as a failed start with the child's output.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') {
    throw new Error(`unexpected address from a TCP listen: ${String(address)}`);
  }
  return address.port;
}
