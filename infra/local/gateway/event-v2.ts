import type {
  APIGatewayEventRequestContextJWTAuthorizer,
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithJWTAuthorizer,
} from 'aws-lambda';

/** What the server read from one HTTP request; kept free of node:http so the event mapping stays pure. */
export interface GatewayRequest {
  method: string;
  /** The request target as received: percent-encoded path plus optional '?query'. */
  url: string;
  /** Header name (any case) → every value received for it. */
  headers: Record<string, string[]>;
  /** Undefined or empty when the request had no body. */
  body: Buffer | undefined;
  sourceIp: string;
  requestId: string;
  receivedAt: Date;
}

export interface MatchedRoute {
  routeKey: string;
  pathParameters: Record<string, string> | undefined;
}

export type JwtAuthorizerContext = Pick<APIGatewayEventRequestContextJWTAuthorizer, 'jwt'>;

/** Splits the request target into rawPath and rawQueryString as API Gateway reports them. */
export function splitUrl(url: string): { rawPath: string; rawQueryString: string } {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return { rawPath: url, rawQueryString: '' };
  return { rawPath: url.slice(0, queryStart), rawQueryString: url.slice(queryStart + 1) };
}

/**
 * Headers as payload format 2.0 carries them: names lowercased, repeated headers joined with ','.
 * The Cookie header is not among them: its cookies go to `cookies`.
 */
export function toEventHeaders(headers: Record<string, string[]>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, values] of Object.entries(headers)) {
    const key = name.toLowerCase();
    if (key === 'cookie') continue;
    result[key] = result[key] === undefined ? values.join(',') : [result[key], ...values].join(',');
  }
  return result;
}

/** Builds the payload format 2.0 event API Gateway would send for this request and matched route. */
export function toEventV2(
  request: GatewayRequest,
  route: MatchedRoute,
  authorizer: JwtAuthorizerContext,
): APIGatewayProxyEventV2WithJWTAuthorizer;
export function toEventV2(request: GatewayRequest, route: MatchedRoute): APIGatewayProxyEventV2;
export function toEventV2(
  request: GatewayRequest,
  route: MatchedRoute,
  authorizer?: JwtAuthorizerContext,
): APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithJWTAuthorizer {
  const { rawPath, rawQueryString } = splitUrl(request.url);
  const headers = toEventHeaders(request.headers);
  const cookies = parseCookies(request.headers);
  const queryStringParameters = parseQuery(rawQueryString);
  const host = headers.host ?? '';
  const hasBody = request.body !== undefined && request.body.length > 0;
  const textBody = isTextContentType(headers['content-type']);

  const requestContext = {
    accountId: '000000000000',
    apiId: 'local',
    domainName: host,
    domainPrefix: host.split(':')[0]?.split('.')[0] ?? '',
    http: {
      method: request.method,
      path: rawPath,
      protocol: 'HTTP/1.1',
      sourceIp: request.sourceIp,
      userAgent: headers['user-agent'] ?? '',
    },
    requestId: request.requestId,
    routeKey: route.routeKey,
    stage: '$default',
    time: formatRequestTime(request.receivedAt),
    timeEpoch: request.receivedAt.getTime(),
    ...(authorizer === undefined ? {} : { authorizer }),
  };

  // Optional fields are left out rather than set to undefined: API Gateway omits them.
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(queryStringParameters === undefined ? {} : { queryStringParameters }),
    requestContext,
    ...(hasBody ? { body: request.body?.toString(textBody ? 'utf8' : 'base64') } : {}),
    ...(route.pathParameters === undefined ? {} : { pathParameters: route.pathParameters }),
    isBase64Encoded: hasBody && !textBody,
  };
}

/** Bodies of these types reach the handler as UTF-8 text; everything else (or no type) as base64. */
export function isTextContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    mediaType.startsWith('text/') ||
    mediaType === 'application/json' ||
    mediaType.endsWith('+json') ||
    mediaType === 'application/xml' ||
    mediaType.endsWith('+xml') ||
    mediaType === 'application/x-www-form-urlencoded'
  );
}

/** Like API Gateway's requestContext.time: '12/Mar/2020:19:03:58 +0000'. */
export function formatRequestTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

function parseCookies(headers: Record<string, string[]>): string[] {
  const cookieHeaders = Object.entries(headers)
    .filter(([name]) => name.toLowerCase() === 'cookie')
    .flatMap(([, values]) => values);
  return cookieHeaders
    .flatMap((header) => header.split(';'))
    .map((cookie) => cookie.trim())
    .filter((cookie) => cookie !== '');
}

/** Decoded parameters, repeated names joined with ','; undefined without a query, as API Gateway omits it. */
export function parseQuery(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === '') return undefined;
  const parameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    parameters[name] = parameters[name] === undefined ? value : `${parameters[name]},${value}`;
  }
  return Object.keys(parameters).length > 0 ? parameters : undefined;
}
