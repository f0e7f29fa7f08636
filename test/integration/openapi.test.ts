import { describe, expect, it } from 'vitest';
import { operations } from '../../shared/api/contract.ts';
import { api } from '../support/local-stack.ts';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; requestBody?: unknown; security: unknown[] }>>;
}

describe('GET /api/openapi.json', () => {
  it('serves an OpenAPI 3.1 document that describes every route of the contract', async () => {
    const { status, body } = await api<OpenApiDocument>('GET', '/api/openapi.json');

    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    for (const operation of operations) {
      const described = body.paths[operation.path]?.[operation.method.toLowerCase()];
      expect(described?.operationId, `${operation.method} ${operation.path}`).toBe(operation.operationId);
      expect(described?.security).toEqual(operation.access === 'public' ? [] : [{ cognito: [] }]);
    }
  });

  it('describes request bodies with the same rules the handler enforces', async () => {
    const { body } = await api<OpenApiDocument>('GET', '/api/openapi.json');
    const requestBody = body.paths['/api/applications']?.post?.requestBody as
      | { content: { 'application/json': { schema: Record<string, unknown> } } }
      | undefined;
    const schema = requestBody?.content['application/json'].schema;
    expect(schema).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['orgId', 'callId', 'title']),
      additionalProperties: false,
      properties: { orgId: { format: 'uuid' }, title: { minLength: 3, maxLength: 200 } },
    });
  });
});
