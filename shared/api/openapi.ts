import * as z from 'zod/mini';
import { operations } from './contract.ts';
import type { Operation } from './operation.ts';

type JsonSchema = Record<string, unknown>;

const ProblemSchema: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: {
          path: { type: 'string' },
          message: { type: 'string' },
          code: { type: 'string' },
          in: { enum: ['body', 'query', 'path', 'header'] },
        },
      },
    },
  },
};

const jsonSchema = (schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  });
  return rest;
};

function parametersOf(operation: Operation) {
  const parameters: Record<string, unknown>[] = [];
  for (const [location, schema] of [
    ['path', operation.params],
    ['query', operation.query],
  ] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      parameters.push({
        name,
        in: location,
        required: location === 'path' || (object.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  return parameters;
}

function problemResponses(operation: Operation) {
  const statuses = new Set<number>([...(operation.problems ?? []), 500]);
  if (operation.body) {
    statuses.add(400);
    statuses.add(422);
  }
  if (operation.query) statuses.add(422);
  return Object.fromEntries(
    [...statuses].sort().map((status) => [
      String(status),
      {
        description: 'Problem',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    ]),
  );
}

/** The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const responses: Record<string, unknown> = problemResponses(operation);
    for (const [status, response] of Object.entries(operation.responses)) {
      responses[status] = {
        description: response.description,
        ...(response.headers
          ? { headers: Object.fromEntries(response.headers.map((h) => [h, { schema: { type: 'string' } }])) }
          : {}),
        ...(response.schema
          ? { content: { 'application/json': { schema: jsonSchema(response.schema, 'output') } } }
          : {}),
      };
    }
    paths[operation.path] ??= {};
    (paths[operation.path] as Record<string, unknown>)[operation.method.toLowerCase()] = {
      operationId: operation.operationId,
      summary: operation.summary,
      tags: operation.tags,
      security: operation.access === 'public' ? [] : [{ cognito: [] }],
      ...(operation.access === 'public' ? {} : { 'x-groups': operation.access }),
      parameters: parametersOf(operation),
      ...(operation.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(operation.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'foerderflow API',
      version: '0.1.0',
      description:
        'Online-Antragsverfahren für Integrationsprojekte / Online grant applications for integration projects',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Cognito ID token' },
      },
      schemas: { Problem: ProblemSchema },
    },
    paths,
  };
}
