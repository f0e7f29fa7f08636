import type * as z from 'zod/mini';
import type { Group } from '../domain/roles.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Schema = z.ZodMiniType;

/**
 * One route of the public API contract. The same object drives the handler's validation, the CDK route
 * and its authorizer, the local gateway and the OpenAPI document, so they cannot drift apart.
 */
export interface Operation {
  operationId: string;
  method: HttpMethod;
  /** Path as API Gateway writes it: `/api/applications/{id}`. */
  path: string;
  summary: string;
  tags: readonly string[];
  /** 'public' routes have no authorizer; otherwise the Cognito groups allowed to call it at all. */
  access: 'public' | readonly Group[];
  /** Entry point below functions/: 'calls/list-calls' is functions/calls/list-calls.handler.ts. */
  handler: string;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** Success responses; every route may also answer problem+json errors. */
  responses: Readonly<Record<number, { description: string; schema?: Schema; headers?: readonly string[] }>>;
  /** Error statuses this route answers besides 400/422/500 (for the OpenAPI document). */
  problems?: readonly number[];
}

export function defineOperation<const O extends Operation>(operation: O): O {
  return operation;
}

export type BodyOf<O extends Operation> = O['body'] extends Schema ? z.output<O['body']> : undefined;
export type ParamsOf<O extends Operation> = O['params'] extends Schema ? z.output<O['params']> : undefined;
export type QueryOf<O extends Operation> = O['query'] extends Schema ? z.output<O['query']> : undefined;

/** The route key API Gateway uses, e.g. 'GET /api/calls'. */
export const routeKeyOf = (operation: Operation) => `${operation.method} ${operation.path}`;
