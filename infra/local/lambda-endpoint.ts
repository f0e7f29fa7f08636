import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../constructs/app-function.ts';
import { lambdaContext } from './lambda-context.ts';

/**
 * A local Lambda Invoke endpoint (`POST /2015-03-31/functions/{name}/invocations`) for the user pool's
 * triggers: cognito-local invokes them through the Lambda API, and this runs the same handler module
 * in-process. `functions` maps a function name to its entry file; a module is imported on first call,
 * after the local stack has set the environment the handlers read.
 */
export async function startLambdaEndpoint(functions: Record<string, string>, log: (line: string) => void) {
  type Handler = (event: unknown, context: unknown) => Promise<unknown>;
  const loaded = new Map<string, Promise<Handler>>();
  const load = (entry: string) => {
    let handler = loaded.get(entry);
    if (!handler) {
      handler = import(pathToFileURL(path.join(PROJECT_ROOT, entry)).href).then(
        (module: { handler: Handler }) => module.handler,
      );
      loaded.set(entry, handler);
    }
    return handler;
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const name = decodeURIComponent(
      /^\/2015-03-31\/functions\/([^/]+)\/invocations/.exec(req.url ?? '')?.[1] ?? '',
    );
    const entry = functions[name];
    if (req.method !== 'POST' || !entry) {
      res.writeHead(404, {
        'content-type': 'application/json',
        'x-amzn-errortype': 'ResourceNotFoundException',
      });
      res.end(JSON.stringify({ Type: 'User', message: `Function not found: ${name}` }));
      return;
    }
    try {
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown;
      const result = await (await load(entry))(event, lambdaContext(name));
      res.writeHead(200, { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST' });
      res.end(JSON.stringify(result ?? null));
    } catch (error) {
      // As Lambda reports a function's own failure: 200 with X-Amz-Function-Error.
      log(
        `trigger ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      res.writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' });
      res.end(
        JSON.stringify({
          errorType: error instanceof Error ? error.name : 'Error',
          errorMessage: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
