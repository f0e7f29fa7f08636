import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/**
 * What CloudFront does for the portal on AWS, in front of the local gateway on the same origin:
 *   /api/…          not answered here: the gateway's routes (the HttpApi on AWS)
 *   /config.json    where the portal finds the user pool (generated from the running stack)
 *   POST /cognito   the Cognito user-pool API, forwarded to cognito-local; same origin, so no CORS (on AWS
 *                   the portal calls https://cognito-idp.<region>.amazonaws.com/ directly)
 *   anything else   a file of the built portal (web/dist), or index.html for the portal's own routes
 */
export interface WebHostingOptions {
  /** The built portal (`vite build` output). */
  distDir: string;
  region: string;
  userPoolClientId: string;
  /** cognito-local's endpoint, the target of /cognito. */
  cognitoEndpoint: string;
  log?: (line: string) => void;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Answers the request if it is the portal's, and says whether it did (false: the gateway answers). */
export function webHosting(options: WebHostingOptions) {
  const root = path.resolve(options.distDir);
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const pathname = new URL(req.url ?? '/', 'http://local').pathname;
    if (pathname === '/api' || pathname.startsWith('/api/')) return false;

    if (pathname === '/cognito') {
      if (req.method !== 'POST') return false;
      await forwardToCognito(req, res, options);
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;

    if (pathname === '/config.json') {
      const config = {
        region: options.region,
        userPoolClientId: options.userPoolClientId,
        cognitoEndpoint: '/cognito',
      };
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify(config));
      return true;
    }

    const index = path.join(root, 'index.html');
    if (!existsSync(index)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The portal is not built: run `npm run build:web` (npm start does it for you).\n');
      return true;
    }
    const file = path.join(root, path.normalize(decodeURIComponent(pathname)));
    const isFile = file.startsWith(root + path.sep) && existsSync(file) && statSync(file).isFile();
    if (!isFile && path.extname(pathname) !== '') {
      // A missing asset is a 404, not the app: a stale index.html must not be served as JavaScript.
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not Found\n');
      return true;
    }
    const served = isFile ? file : index;
    res.writeHead(200, {
      'content-type': TYPES[path.extname(served)] ?? 'application/octet-stream',
      // Hashed assets never change; index.html must be fetched fresh to find the new ones.
      'cache-control': served.includes(`${path.sep}assets${path.sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(served).pipe(res);
    return true;
  };
}

async function forwardToCognito(req: IncomingMessage, res: ServerResponse, options: WebHostingOptions) {
  const started = performance.now();
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const target = String(req.headers['x-amz-target'] ?? '');
  const response = await fetch(options.cognitoEndpoint, {
    method: 'POST',
    headers: {
      'content-type': String(req.headers['content-type'] ?? 'application/x-amz-json-1.1'),
      'x-amz-target': target,
    },
    body: Buffer.concat(chunks),
  });
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, {
    'content-type': response.headers.get('content-type') ?? 'application/x-amz-json-1.1',
  });
  res.end(body);
  const operation = target.split('.').pop();
  options.log?.(`POST /cognito ${operation} ${response.status} ${Math.round(performance.now() - started)}ms`);
}
