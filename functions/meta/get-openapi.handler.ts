import { buildOpenApiDocument } from '#shared/api/openapi.ts';
import { getOpenApiOperation } from '#shared/api/operations/meta.ts';
import { httpHandler } from '#shared/http/http-handler.ts';

// Built once per container: the contract does not change while it runs.
const document = buildOpenApiDocument();

export const handler = httpHandler(getOpenApiOperation, async () => ({ status: 200, body: document }));
