// The local stand-in for the HttpApi: a node:http server that selects the route, checks the JWT, builds
// the payload format 2.0 event, calls the handler in-process and maps its result back, answering the
// gateway's own errors (404, 401, 413, 500) the way API Gateway does.

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyResultV2,
} from 'aws-lambda';
import { type GatewayRequest, parseQuery, splitUrl, toEventHeaders, toEventV2 } from './event-v2.ts';
import { authorizeJwt, type JwtAuthorizerConfig, readIdentitySource } from './jwt-authorizer.ts';
import { gatewayResponse, type HttpResponse, toHttpResponse } from './response-mapping.ts';
import { matchRoute, parseRouteKey } from './route-matching.ts';

export interface LocalRoute {
  /** As in AWS::ApiGatewayV2::Route, e.g. 'GET /api/calls', 'ANY /api/{proxy+}' or '$default'. */
  routeKey: string;
  /** Absent for AuthorizationType NONE. */
  authorizer?: JwtAuthorizerConfig;
  /** The Lambda handler, called in-process. */
  invoke(
    event: APIGatewayProxyEventV2WithJWTAuthorizer | APIGatewayProxyEventV2,
  ): Promise<APIGatewayProxyResultV2>;
}

export interface LocalGatewayOptions {
  routes: LocalRoute[];
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 10 MiB, the HttpApi payload limit. */
  maxBodyBytes?: number;
  /** Receives one line per request and any handler error; errors go to console.error without it. */
  log?: (line: string) => void;
  /**
   * Answers requests that are not the API's before routing (the web hosting CloudFront does on AWS, see
   * web-hosting.ts); resolves false to leave the request to the gateway.
   */
  site?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
}

export interface LocalGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

interface Answer {
  response: HttpResponse;
  /** Why the gateway refused the request, for the log line. */
  note?: string;
}

export async function startLocalGateway(options: LocalGatewayOptions): Promise<LocalGateway> {
  const { routes, port = 0, host = '127.0.0.1', maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  checkRoutes(routes);
  const logError = options.log ?? ((line: string) => console.error(line));

  const server = createServer(async (req, res) => {
    const startedAt = performance.now();
    if (options.site) {
      const answered = await options.site(req, res).catch((error: unknown) => {
        logError(`web hosting error for ${req.method} ${req.url}: ${describe(error)}`);
        if (!res.headersSent) res.writeHead(502);
        res.end();
        return true;
      });
      if (answered) return;
    }
    void handle(req, res).then(({ statusCode, note }) => {
      const milliseconds = Math.round(performance.now() - startedAt);
      const line = `${req.method} ${splitUrl(req.url ?? '/').rawPath} ${statusCode} ${milliseconds}ms`;
      options.log?.(note === undefined ? line : `${line} (${note})`);
    });
  });

  /** Answers one request; returns its status and, for a refusal, why (for the log line). */
  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<{ statusCode: number; note?: string }> {
    const requestId = randomUUID();
    let answered: Answer;
    let closeConnection = false;
    try {
      const body = await readBody(req, maxBodyBytes);
      if (body === 'too large') {
        // The connection is not reused after an oversized request.
        answered = { response: gatewayResponse(413, 'Request Entity Too Large') };
        closeConnection = true;
      } else {
        answered = await answer(toGatewayRequest(req, body, requestId));
      }
    } catch (error) {
      logError(`gateway error for ${req.method} ${req.url}: ${describe(error)}`);
      answered = { response: gatewayResponse(500, 'Internal Server Error') };
    }
    send(res, answered.response, requestId, closeConnection);
    return { statusCode: answered.response.statusCode, note: answered.note };
  }

  async function answer(request: GatewayRequest): Promise<Answer> {
    const match = matchRoute(routes, request.method, splitUrl(request.url).rawPath);
    if (match === undefined) return { response: gatewayResponse(404, 'Not Found') };

    let event: APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithJWTAuthorizer;
    const authorizer = match.route.authorizer;
    if (authorizer === undefined) {
      event = toEventV2(request, match);
    } else {
      const identity = readIdentitySource(
        authorizer.identitySource ?? '$request.header.Authorization',
        toEventHeaders(request.headers),
        parseQuery(splitUrl(request.url).rawQueryString),
      );
      const result = await authorizeJwt(authorizer, identity);
      if (!result.authorized) {
        const response = gatewayResponse(401, 'Unauthorized', { 'www-authenticate': result.wwwAuthenticate });
        return { response, note: result.reason };
      }
      event = toEventV2(request, match, result.context);
    }

    try {
      return { response: toHttpResponse(await match.route.invoke(event)) };
    } catch (error) {
      // As on AWS, the client learns nothing about the failure; the log gets all of it.
      logError(`handler error for ${match.routeKey} (${request.requestId}): ${describe(error)}`);
      return { response: gatewayResponse(500, 'Internal Server Error') };
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Open connections (keep-alive, or a request still in a handler) would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

/** Fails at start-up, like a deployment would, for route keys AWS would not accept. */
function checkRoutes(routes: LocalRoute[]): void {
  const seen = new Set<string>();
  for (const route of routes) {
    parseRouteKey(route.routeKey);
    if (seen.has(route.routeKey)) throw new Error(`Duplicate route key: '${route.routeKey}'`);
    seen.add(route.routeKey);
    if (route.authorizer !== undefined) {
      readIdentitySource(route.authorizer.identitySource ?? '$request.header.Authorization', {}, undefined);
    }
  }
}

/** The body, or 'too large' as soon as it is known to exceed the limit, without reading the rest. */
/** Most bytes read and dropped after a 413 before the connection is cut. */
const DISCARD_CAP_BYTES = 64 * 1024 * 1024;

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length']) > maxBytes;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      // Past the limit the rest is read and dropped, so the client, still sending, gets to read the 413
      // instead of a reset connection; beyond a hard cap the connection is cut.
      if (tooLarge) {
        chunks.length = 0;
        if (size > DISCARD_CAP_BYTES) {
          req.destroy();
          resolve('too large');
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function toGatewayRequest(req: IncomingMessage, body: Buffer, requestId: string): GatewayRequest {
  const sourceIp = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  const headers: Record<string, string[]> = { ...req.headersDistinct } as Record<string, string[]>;
  // API Gateway adds these for the integration; the handler sees the caller, not the gateway.
  headers['x-forwarded-for'] = [[...(headers['x-forwarded-for'] ?? []), sourceIp].join(', ')];
  headers['x-forwarded-port'] = [String(req.socket.localPort ?? '')];
  headers['x-forwarded-proto'] = ['http'];
  return {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    headers,
    body: body.length > 0 ? body : undefined,
    sourceIp,
    requestId,
    receivedAt: new Date(),
  };
}

function send(
  res: ServerResponse,
  response: HttpResponse,
  requestId: string,
  closeConnection: boolean,
): void {
  res.statusCode = response.statusCode;
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  res.setHeader('apigw-requestid', requestId);
  if (closeConnection) res.setHeader('connection', 'close');
  res.end(response.body);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
