import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StreamPoller } from './stream/stream-poller.ts';
import type { ExecutionResult } from './workflows/workflow-runner.ts';

export interface ControlTargets {
  drain(timeoutMs?: number): Promise<void>;
  stopWorkflows(): Promise<void>;
  startWorkflows(options?: { holdAfterState?: string }): Promise<void>;
  poller(): StreamPoller | undefined;
  runScheduled(): Promise<ExecutionResult[]>;
}

/**
 * Local-only controls of the running stack, for tests and demos; it does not exist on AWS and the
 * gateway does not route to it. On 127.0.0.1 only.
 *   POST /drain?timeoutMs=…          wait until no follow-up work is pending (500 with the reason if not)
 *   GET|PUT /clock {offsetMs}        read or move the clock of every handler and workflow
 *   POST /stream/redeliver {applicationId}   hand that application's stream records to the dispatcher again
 *   POST /workflows/stop             abort running workflows and stop the poller, like a crash
 *   POST /workflows/start {holdAfterState?}  start them again from the checkpoint on disk
 *   POST /deadlines/run              run the scheduled workflows (deadlines) once, now, with this clock;
 *                                    answers when done: 200 with each task's results, 500 if one failed
 */
export async function startControlServer(targets: ControlTargets) {
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = chunks.length
        ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
        : {};
      const route = `${req.method} ${url.pathname}`;
      if (route === 'POST /drain') {
        await targets.drain(Number(url.searchParams.get('timeoutMs') ?? 30_000));
        send(204);
      } else if (route === 'GET /clock') {
        send(200, clock());
      } else if (route === 'PUT /clock') {
        const offsetMs = Number(body.offsetMs);
        if (!Number.isFinite(offsetMs)) return send(400, { message: 'offsetMs must be a number' });
        process.env.FOERDERFLOW_CLOCK_OFFSET_MS = String(Math.trunc(offsetMs));
        send(200, clock());
      } else if (route === 'POST /stream/redeliver') {
        const poller = targets.poller();
        if (!poller) return send(409, { message: 'workflows are stopped' });
        const pk = `APP#${String(body.applicationId)}`;
        const records = poller.history().filter((record) => record.dynamodb?.Keys?.pk?.S === pk);
        const response = await poller.redeliver(records);
        send(200, { redelivered: records.length, response: response ?? null });
      } else if (route === 'POST /workflows/stop') {
        await targets.stopWorkflows();
        send(204);
      } else if (route === 'POST /workflows/start') {
        await targets.startWorkflows(
          typeof body.holdAfterState === 'string' ? { holdAfterState: body.holdAfterState } : {},
        );
        send(204);
      } else if (route === 'POST /deadlines/run') {
        const results = await targets.runScheduled();
        const failed = results.filter((result) => result.status !== 'SUCCEEDED');
        send(failed.length ? 500 : 200, {
          runs: results.map((result) => ({
            status: result.status,
            ...(result.output ? { output: JSON.parse(result.output) as unknown } : {}),
            ...(result.error ? { error: result.error, cause: result.cause } : {}),
          })),
        });
      } else if (route === 'GET /health') {
        send(200, { ok: true });
      } else {
        send(404, { message: `no control ${route}` });
      }
    } catch (error) {
      send(500, { message: error instanceof Error ? error.message : String(error) });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function clock() {
  const offsetMs = Number(process.env.FOERDERFLOW_CLOCK_OFFSET_MS ?? 0);
  return { offsetMs, now: new Date(Date.now() + offsetMs).toISOString() };
}
