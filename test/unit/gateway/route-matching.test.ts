import { describe, expect, it } from 'vitest';
import { matchRoute, parseRouteKey } from '#infra/local/gateway/route-matching.ts';

const routes = (...routeKeys: string[]) => routeKeys.map((routeKey) => ({ routeKey }));

describe('matchRoute', () => {
  it('picks the route whose method and path match exactly', () => {
    // Prepare
    const table = routes('GET /api/calls', 'POST /api/calls', 'GET /api/calls/{callId}');

    // Act
    const match = matchRoute(table, 'POST', '/api/calls');

    // Assess
    expect(match).toEqual({
      route: { routeKey: 'POST /api/calls' },
      routeKey: 'POST /api/calls',
      pathParameters: undefined,
    });
  });

  it('prefers an exact method over ANY for the same path', () => {
    const table = routes('ANY /api/applications/{id}', 'GET /api/applications/{id}');

    expect(matchRoute(table, 'GET', '/api/applications/a1')?.routeKey).toBe('GET /api/applications/{id}');
    expect(matchRoute(table, 'DELETE', '/api/applications/a1')?.routeKey).toBe('ANY /api/applications/{id}');
  });

  it('prefers a static segment over a path variable, whatever the order of the routes', () => {
    const table = routes('GET /pets/dog/{id}', 'GET /pets/{kind}/1', 'GET /pets/dog/1');

    expect(matchRoute(table, 'GET', '/pets/dog/1')?.routeKey).toBe('GET /pets/dog/1');
    expect(matchRoute(table, 'GET', '/pets/dog/2')?.routeKey).toBe('GET /pets/dog/{id}');
    expect(matchRoute(table, 'GET', '/pets/cat/1')?.routeKey).toBe('GET /pets/{kind}/1');
  });

  it('compares specificity from the left: /a/b/{x} beats /a/{y}/c', () => {
    const table = routes('GET /a/{y}/c', 'GET /a/b/{x}');

    expect(matchRoute(table, 'GET', '/a/b/c')?.routeKey).toBe('GET /a/b/{x}');
  });

  it('lets a full match with variables beat a greedy route, and ANY on a full match beat GET on a greedy one', () => {
    const table = routes('GET /api/{proxy+}', 'ANY /api/calls/{callId}');

    expect(matchRoute(table, 'GET', '/api/calls/c1')?.routeKey).toBe('ANY /api/calls/{callId}');
    expect(matchRoute(table, 'GET', '/api/calls/c1/extra')?.routeKey).toBe('GET /api/{proxy+}');
  });

  it('follows the example in the AWS routing documentation', () => {
    const table = routes(
      'GET /pets/dog/1',
      'GET /pets/dog/{id}',
      'GET /pets/{proxy+}',
      'ANY /{proxy+}',
      '$default',
    );

    expect(matchRoute(table, 'GET', '/pets/dog/1')?.routeKey).toBe('GET /pets/dog/1');
    expect(matchRoute(table, 'GET', '/pets/dog/2')?.routeKey).toBe('GET /pets/dog/{id}');
    expect(matchRoute(table, 'GET', '/pets/cat/1')?.routeKey).toBe('GET /pets/{proxy+}');
    expect(matchRoute(table, 'POST', '/test/5')?.routeKey).toBe('ANY /{proxy+}');
    expect(matchRoute(table, 'GET', '/')?.routeKey).toBe('$default');
  });

  it('makes {proxy+} take one or more segments, slashes included, and the longest prefix win', () => {
    const table = routes('ANY /api/{proxy+}', 'ANY /api/review/{proxy+}');

    expect(matchRoute(table, 'GET', '/api/review/calls/c1/ranking')).toMatchObject({
      routeKey: 'ANY /api/review/{proxy+}',
      pathParameters: { proxy: 'calls/c1/ranking' },
    });
    expect(matchRoute(table, 'GET', '/api/calls')?.pathParameters).toEqual({ proxy: 'calls' });
    expect(matchRoute(table, 'GET', '/api')).toBeUndefined();
    expect(matchRoute(table, 'GET', '/api/')).toBeUndefined();
  });

  it('URL-decodes path parameters, including the greedy one', () => {
    const table = routes('GET /api/organisations/{orgId}/members', 'GET /files/{proxy+}');

    expect(matchRoute(table, 'GET', '/api/organisations/M%C3%BCller%20GmbH/members')?.pathParameters).toEqual(
      {
        orgId: 'Müller GmbH',
      },
    );
    expect(matchRoute(table, 'GET', '/files/a%2Fb/c%3F')?.pathParameters).toEqual({ proxy: 'a/b/c?' });
  });

  it('passes a malformed escape through as it came', () => {
    expect(matchRoute(routes('GET /x/{id}'), 'GET', '/x/100%')?.pathParameters).toEqual({ id: '100%' });
  });

  it('does not match an empty path variable or a different number of segments', () => {
    const table = routes('GET /api/calls/{callId}');

    expect(matchRoute(table, 'GET', '/api/calls/')).toBeUndefined();
    expect(matchRoute(table, 'GET', '/api/calls')).toBeUndefined();
    expect(matchRoute(table, 'GET', '/api/calls/c1/more')).toBeUndefined();
  });

  it('treats paths as case-sensitive and a trailing slash as a different path', () => {
    const table = routes('GET /api/calls');

    expect(matchRoute(table, 'GET', '/API/calls')).toBeUndefined();
    expect(matchRoute(table, 'GET', '/api/calls/')).toBeUndefined();
  });

  it('matches HEAD and OPTIONS only to their own or ANY routes', () => {
    const table = routes('GET /api/calls', 'ANY /api/applications');

    expect(matchRoute(table, 'HEAD', '/api/calls')).toBeUndefined();
    expect(matchRoute(table, 'OPTIONS', '/api/applications')?.routeKey).toBe('ANY /api/applications');
  });

  it('falls back to $default, which gets no path parameters', () => {
    const table = routes('GET /api/calls', '$default');

    expect(matchRoute(table, 'DELETE', '/api/calls')).toEqual({
      route: { routeKey: '$default' },
      routeKey: '$default',
      pathParameters: undefined,
    });
  });

  it('returns undefined when nothing matches and there is no $default', () => {
    expect(matchRoute(routes('GET /api/calls'), 'GET', '/api/unknown')).toBeUndefined();
  });

  it('matches the root route', () => {
    expect(matchRoute(routes('GET /'), 'GET', '/')?.routeKey).toBe('GET /');
  });
});

describe('parseRouteKey', () => {
  it('reads method, segments and whether the route is greedy', () => {
    expect(parseRouteKey('POST /api/applications/{id}/submit')).toEqual({
      method: 'POST',
      segments: [
        { kind: 'static', value: 'api' },
        { kind: 'static', value: 'applications' },
        { kind: 'param', name: 'id' },
        { kind: 'static', value: 'submit' },
      ],
      greedy: false,
    });
    expect(parseRouteKey('ANY /api/{proxy+}')?.greedy).toBe(true);
    expect(parseRouteKey('$default')).toBeUndefined();
  });

  it.each(['GET', 'FETCH /api', 'GET api', 'get /api', 'GET /api/{proxy+}/more', 'GET /api/x{id}'])(
    'rejects the route key %j as AWS would',
    (routeKey) => {
      expect(() => parseRouteKey(routeKey)).toThrow(/Invalid route key/);
    },
  );
});
