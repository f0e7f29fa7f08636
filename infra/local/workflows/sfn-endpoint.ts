import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkflowRunner } from './workflow-runner.ts';

/**
 * A local Step Functions endpoint for the one call our code makes, StartSyncExecution (AWS JSON 1.0
 * protocol). The dispatcher keeps its real SDK call; AWS_ENDPOINT_URL_SFN points it here.
 */
export async function startSfnEndpoint(getRunner: () => WorkflowRunner | undefined) {
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = String(req.headers['x-amz-target'] ?? '');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify(body));
    };
    try {
      const request = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        stateMachineArn?: string;
        input?: string;
        name?: string;
      };
      if (target !== 'AWSStepFunctions.StartSyncExecution') {
        send(400, { __type: 'UnknownOperationException', message: `${target} is not available locally` });
        return;
      }
      const runner = getRunner();
      if (!runner) {
        send(503, { __type: 'ServiceUnavailable', message: 'the local workflow runner is stopped' });
        return;
      }
      if (!request.stateMachineArn || !runner.has(request.stateMachineArn)) {
        send(400, {
          __type: 'StateMachineDoesNotExist',
          message: `State Machine Does Not Exist: '${request.stateMachineArn}'`,
        });
        return;
      }
      const input = JSON.parse(request.input ?? '{}') as unknown;
      const result = await runner.execute(request.stateMachineArn, input, request.name);
      send(200, {
        executionArn: result.executionArn,
        stateMachineArn: request.stateMachineArn,
        name: request.name,
        startDate: result.startDate.getTime() / 1000,
        stopDate: result.stopDate.getTime() / 1000,
        status: result.status,
        input: request.input,
        ...(result.output !== undefined ? { output: result.output } : {}),
        ...(result.error ? { error: result.error } : {}),
        ...(result.cause ? { cause: result.cause } : {}),
      });
    } catch (error) {
      send(500, { __type: 'InternalError', message: String(error) });
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
