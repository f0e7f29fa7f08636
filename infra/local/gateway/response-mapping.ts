// How API Gateway turns a payload format 2.0 handler result into an HTTP response
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html#http-api-develop-integrations-lambda.response):
// a result with statusCode is used as given; anything else is taken as a JSON body with status 200.

import { validateHeaderName, validateHeaderValue } from 'node:http';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';

export interface HttpResponse {
  statusCode: number;
  /** Lowercased names; 'set-cookie' may hold several values. */
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** Thrown for a result API Gateway would refuse with 500; the message is for the log only. */
export class MalformedResponseError extends Error {
  override name = 'MalformedResponseError';
}

/** API Gateway's own answers (404, 401, 413, 500) are JSON with one message. */
export function gatewayResponse(
  statusCode: number,
  message: string,
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    body: Buffer.from(JSON.stringify({ message })),
  };
}

export function toHttpResponse(result: APIGatewayProxyResultV2<unknown>): HttpResponse {
  if (typeof result === 'string') {
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(result) };
  }
  if (result === null || typeof result !== 'object' || !('statusCode' in result)) {
    // A result without statusCode is the body itself. Lambda serialises an undefined result as null.
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(result ?? null)),
    };
  }
  return structuredResponse(result);
}

function structuredResponse(result: object & { statusCode: unknown }): HttpResponse {
  const {
    statusCode,
    headers = {},
    cookies = [],
    body,
    isBase64Encoded = false,
  } = result as Record<string, unknown>;
  if (
    typeof statusCode !== 'number' ||
    !Number.isInteger(statusCode) ||
    statusCode < 100 ||
    statusCode > 599
  ) {
    throw new MalformedResponseError(
      `statusCode must be an HTTP status code, got ${JSON.stringify(statusCode)}`,
    );
  }
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) {
    throw new MalformedResponseError('headers must be an object');
  }
  if (!Array.isArray(cookies) || cookies.some((cookie) => typeof cookie !== 'string')) {
    throw new MalformedResponseError('cookies must be an array of strings');
  }
  if (body !== undefined && body !== null && typeof body !== 'string') {
    throw new MalformedResponseError('body must be a string');
  }

  // multiValueHeaders is a payload 1.0 field that format 2.0 does not read, so it is ignored here as well.
  const responseHeaders: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    // The gateway frames the body itself, so handler-set framing headers are not passed on.
    if (key === 'content-length' || key === 'transfer-encoding') continue;
    responseHeaders[key] = checkedHeader(key, String(value));
  }
  // Each cookie becomes its own set-cookie header, after one the handler may have set in headers.
  const setCookies = [
    responseHeaders['set-cookie'] ?? [],
    cookies.map((cookie) => checkedHeader('set-cookie', cookie)),
  ].flat();
  if (setCookies.length > 0) responseHeaders['set-cookie'] = setCookies;

  const text = typeof body === 'string' ? body : '';
  return {
    statusCode,
    headers: responseHeaders,
    body: isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text),
  };
}

/** A header node:http would refuse to send (say, a newline in a value) is a malformed result, not a crash. */
function checkedHeader(name: string, value: string): string {
  try {
    validateHeaderName(name);
    validateHeaderValue(name, value);
  } catch (error) {
    throw new MalformedResponseError(`invalid header ${JSON.stringify(name)}: ${(error as Error).message}`);
  }
  return value;
}
