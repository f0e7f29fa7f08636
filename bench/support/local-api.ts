import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { decodeJwt } from 'jose';
import { toEventV2 } from '../../infra/local/gateway/event-v2.ts';
import { toAuthorizerContext } from '../../infra/local/gateway/jwt-authorizer.ts';
import { lambdaContext } from '../../infra/local/lambda-context.ts';

type Handler = (event: unknown, context: unknown) => Promise<APIGatewayProxyResultV2>;

/** A handler module of functions/, imported in this process (after the local stack set the environment). */
export async function loadHandler(entry: string): Promise<Handler> {
  const module = (await import(new URL(`../../${entry}`, import.meta.url).href)) as { handler?: Handler };
  if (typeof module.handler !== 'function') throw new Error(`${entry} exports no handler`);
  return module.handler;
}

/**
 * Calls a handler in-process with the event the gateway would build for this request (payload 2.0, the
 * token's claims as the JWT authorizer hands them over): the handler's own time, without HTTP or JWT
 * verification. Fails unless the answer has the expected status.
 */
export async function invoke(
  handler: Handler,
  request: {
    routeKey: string;
    path: string;
    pathParameters?: Record<string, string>;
    token: string;
    body?: unknown;
    headers?: Record<string, string>;
    expect: number;
  },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const method = request.routeKey.split(' ')[0] as string;
  const headers: Record<string, string[]> = {
    host: ['localhost'],
    authorization: [`Bearer ${request.token}`],
  };
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name] = [value];
  if (request.body !== undefined) headers['content-type'] = ['application/json'];
  const event = toEventV2(
    {
      method,
      url: request.path,
      headers,
      body: request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body)),
      sourceIp: '127.0.0.1',
      requestId: randomUUID(),
      receivedAt: new Date(),
    },
    { routeKey: request.routeKey, pathParameters: request.pathParameters },
    toAuthorizerContext(decodeJwt(request.token)),
  );
  const result = (await handler(event, lambdaContext('bench'))) as APIGatewayProxyStructuredResultV2;
  const status = result.statusCode ?? 200;
  if (status !== request.expect) {
    throw new Error(`${request.routeKey}: ${status} instead of ${request.expect}: ${String(result.body)}`);
  }
  return { status, body: result.body ? (JSON.parse(result.body) as Record<string, unknown>) : {} };
}
