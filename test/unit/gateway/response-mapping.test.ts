import { describe, expect, it } from 'vitest';
import {
  gatewayResponse,
  MalformedResponseError,
  toHttpResponse,
} from '#infra/local/gateway/response-mapping.ts';

describe('toHttpResponse', () => {
  it('uses a structured result as given', () => {
    // Act
    const response = toHttpResponse({
      statusCode: 201,
      headers: { 'Content-Type': 'application/problem+json', ETag: '"3"', 'X-Count': 2, 'X-Flag': true },
      body: '{"id":"a1"}',
    });

    // Assess
    expect(response).toEqual({
      statusCode: 201,
      headers: { 'content-type': 'application/problem+json', etag: '"3"', 'x-count': '2', 'x-flag': 'true' },
      body: Buffer.from('{"id":"a1"}'),
    });
  });

  it('decodes a base64 body', () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);

    const response = toHttpResponse({ statusCode: 200, body: pdf.toString('base64'), isBase64Encoded: true });

    expect(response.body).toEqual(pdf);
  });

  it('turns cookies into one set-cookie header each, after one set in headers', () => {
    const response = toHttpResponse({
      statusCode: 204,
      headers: { 'Set-Cookie': 'a=1' },
      cookies: ['b=2; HttpOnly', 'c=3; Path=/'],
    });

    expect(response.headers['set-cookie']).toEqual(['a=1', 'b=2; HttpOnly', 'c=3; Path=/']);
    expect(response.body).toEqual(Buffer.alloc(0));
  });

  it('drops framing headers the gateway sets itself', () => {
    const response = toHttpResponse({
      statusCode: 200,
      headers: { 'content-length': '999', 'x-a': 'b' },
      body: 'ok',
    });

    expect(response.headers).toEqual({ 'x-a': 'b' });
  });

  it('infers 200 and JSON for an object without statusCode', () => {
    expect(toHttpResponse({ items: [1, 2], body: 'not special here' })).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{"items":[1,2],"body":"not special here"}'),
    });
  });

  it('sends a string result as-is with status 200 and a JSON content type', () => {
    expect(toHttpResponse('hello')).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('hello'),
    });
  });

  it('sends null for a handler that returned nothing', () => {
    expect(toHttpResponse(undefined).body.toString()).toBe('null');
  });

  it.each([
    { statusCode: '200' },
    { statusCode: 42 },
    { statusCode: 200, body: { not: 'a string' } },
    { statusCode: 200, headers: ['x'] },
    { statusCode: 200, cookies: 'a=1' },
    { statusCode: 200, headers: { location: '/a\r\nx-injected: 1' } },
    { statusCode: 200, cookies: ['a=1\nb=2'] },
  ])('refuses the malformed result %j', (result) => {
    expect(() => toHttpResponse(result)).toThrow(MalformedResponseError);
  });
});

describe('gatewayResponse', () => {
  it('answers with a JSON message like API Gateway', () => {
    const response = gatewayResponse(404, 'Not Found');

    expect(response.statusCode).toBe(404);
    expect(response.headers).toEqual({ 'content-type': 'application/json' });
    expect(response.body.toString()).toBe('{"message":"Not Found"}');
  });
});
