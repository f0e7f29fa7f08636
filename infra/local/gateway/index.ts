// Local stand-in for the API Gateway HTTP API (payload format 2.0, JWT authorizer), used by
// startLocalStack() so the same handlers run offline.

export type { GatewayRequest, JwtAuthorizerContext, MatchedRoute } from './event-v2.ts';
export { toEventV2 } from './event-v2.ts';
export type { AuthorizerResult, JwtAuthorizerConfig } from './jwt-authorizer.ts';
export { authorizeJwt, claimToString, toAuthorizerContext } from './jwt-authorizer.ts';
export type { HttpResponse } from './response-mapping.ts';
export { toHttpResponse } from './response-mapping.ts';
export type { RouteMatch } from './route-matching.ts';
export { matchRoute, parseRouteKey } from './route-matching.ts';
export type { LocalGateway, LocalGatewayOptions, LocalRoute } from './server.ts';
export { startLocalGateway } from './server.ts';
