import { defineOperation } from '../operation.ts';

export const getOpenApiOperation = defineOperation({
  operationId: 'getOpenApi',
  method: 'GET',
  path: '/api/openapi.json',
  summary: 'Dieses OpenAPI-Dokument / This OpenAPI document',
  tags: ['meta'],
  access: 'public',
  handler: 'meta/get-openapi',
  responses: { 200: { description: 'OpenAPI 3.1 document' } },
});
