/**
 * The CloudFront Function (viewer request, default behaviour only) that serves the portal's one page for
 * its own routes: a path whose last segment has no file extension (`/applications/123`, `/backoffice`)
 * becomes `/index.html`; files (`/assets/…js`, `/config.json`) pass as they are. It is not attached to
 * `/api/*`, and no error response is configured on the distribution, so an API 404 stays the API's JSON
 * problem and a missing asset stays an error instead of turning into HTML.
 *
 * cloudfront-js-2.0 code, kept as plain ES5 so a test can run it in Node.
 */
export const SPA_ROUTING_CODE = `function handler(event) {
  var request = event.request;
  var lastSegment = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (lastSegment.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}`;
