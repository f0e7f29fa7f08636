// Route selection as API Gateway HTTP APIs do it
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html):
// 1. a full match of path and method, where a static segment beats a {param} at the same position;
// 2. a match with a greedy {proxy+} as the last segment, the longest specific prefix first;
// 3. the $default route.
// For the same path pattern, an exact method beats ANY.

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY']);

type Segment =
  | { kind: 'static'; value: string }
  | { kind: 'param'; name: string }
  | { kind: 'greedy'; name: string };

export interface ParsedRouteKey {
  method: string;
  segments: Segment[];
  greedy: boolean;
}

export interface RouteMatch<R> {
  route: R;
  routeKey: string;
  /** URL-decoded; undefined when the route has no path variables, as in the v2.0 event. */
  pathParameters: Record<string, string> | undefined;
}

/** Parses 'GET /api/calls/{callId}' (or '$default', which returns undefined); throws on keys AWS would reject. */
export function parseRouteKey(routeKey: string): ParsedRouteKey | undefined {
  if (routeKey === '$default') return undefined;
  const [method, path, ...rest] = routeKey.split(' ');
  if (
    method === undefined ||
    path === undefined ||
    rest.length > 0 ||
    !METHODS.has(method) ||
    !path.startsWith('/')
  ) {
    throw new Error(`Invalid route key: '${routeKey}'`);
  }
  const parts = path === '/' ? [] : path.slice(1).split('/');
  const segments = parts.map((part, index): Segment => {
    const variable = /^\{([^{}]+)\}$/.exec(part)?.[1];
    if (variable === undefined) {
      if (part.includes('{') || part.includes('}')) throw new Error(`Invalid route key: '${routeKey}'`);
      return { kind: 'static', value: part };
    }
    if (!variable.endsWith('+')) return { kind: 'param', name: variable };
    if (index !== parts.length - 1) {
      throw new Error(`Invalid route key: '${routeKey}' (a greedy path variable must be the last segment)`);
    }
    return { kind: 'greedy', name: variable.slice(0, -1) };
  });
  return { method, segments, greedy: segments.at(-1)?.kind === 'greedy' };
}

/**
 * Finds the route API Gateway would pick for a request, or undefined (→ 404).
 * `rawPath` is the path as received, still percent-encoded.
 */
export function matchRoute<R extends { routeKey: string }>(
  routes: readonly R[],
  method: string,
  rawPath: string,
): RouteMatch<R> | undefined {
  const requestSegments = rawPath === '/' ? [] : rawPath.slice(1).split('/');
  let best: { match: RouteMatch<R>; rank: number[] } | undefined;
  for (const route of routes) {
    const parsed = parseRouteKey(route.routeKey);
    if (parsed === undefined) continue;
    if (parsed.method !== 'ANY' && parsed.method !== method.toUpperCase()) continue;
    const pathParameters = matchPath(parsed.segments, requestSegments);
    if (pathParameters === undefined) continue;
    const match = {
      route,
      routeKey: route.routeKey,
      pathParameters: Object.keys(pathParameters).length > 0 ? pathParameters : undefined,
    };
    const rank = rankOf(parsed);
    if (best === undefined || compareRanks(rank, best.rank) < 0) best = { match, rank };
  }
  if (best !== undefined) return best.match;

  const fallback = routes.find((route) => route.routeKey === '$default');
  return fallback === undefined
    ? undefined
    : { route: fallback, routeKey: '$default', pathParameters: undefined };
}

function matchPath(segments: Segment[], requestSegments: string[]): Record<string, string> | undefined {
  const parameters: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    if (segment.kind === 'greedy') {
      // {proxy+} takes one or more remaining segments, slashes included.
      const rest = requestSegments.slice(index).join('/');
      if (rest === '') return undefined;
      parameters[segment.name] = decode(rest);
      return parameters;
    }
    const requestSegment = requestSegments[index];
    if (requestSegment === undefined) return undefined;
    if (segment.kind === 'static') {
      if (decode(requestSegment) !== segment.value) return undefined;
    } else {
      if (requestSegment === '') return undefined;
      parameters[segment.name] = decode(requestSegment);
    }
  }
  return segments.length === requestSegments.length ? parameters : undefined;
}

// Lower ranks win. Non-greedy routes come first, then segment by segment static < param < greedy,
// then an exact method before ANY.
function rankOf(parsed: ParsedRouteKey): number[] {
  const kinds = { static: 0, param: 1, greedy: 2 } as const;
  return [
    parsed.greedy ? 1 : 0,
    ...parsed.segments.map((segment) => kinds[segment.kind]),
    3,
    parsed.method === 'ANY' ? 1 : 0,
  ];
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? -1) - (b[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** API Gateway passes path parameters URL-decoded; a malformed escape is passed through as it came. */
function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
