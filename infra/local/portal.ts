import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../constructs/app-function.ts';

/** The applicant portal's build (web/ → web/dist) for `npm start` and the browser tests. */
export const WEB_DIR = path.join(PROJECT_ROOT, 'web');
export const WEB_DIST_DIR = path.join(WEB_DIR, 'dist');

/** What the portal is built from: its own sources, the shared code it imports, and the locked packages. */
const SOURCES = [
  path.join(WEB_DIR, 'src'),
  path.join(WEB_DIR, 'index.html'),
  path.join(WEB_DIR, 'vite.config.ts'),
  path.join(PROJECT_ROOT, 'shared'),
  path.join(PROJECT_ROOT, 'package-lock.json'),
];

function newestChange(file: string): number {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestChange(path.join(file, entry)));
  return newest;
}

/** True when web/dist is missing or older than anything it is built from. */
export function portalIsStale(): boolean {
  const built = statSync(path.join(WEB_DIST_DIR, 'index.html'), { throwIfNoEntry: false });
  return !built || Math.max(...SOURCES.map(newestChange)) > built.mtimeMs;
}

/**
 * Builds the portal with Vite unless it is up to date; says whether it built. In a child process with
 * NODE_ENV=production: Vite honours an inherited NODE_ENV, and under vitest (NODE_ENV=test) it would
 * bundle React's development build.
 */
export async function buildPortal(
  options: { force?: boolean } = {},
): Promise<{ built: boolean; ms: number }> {
  const started = performance.now();
  if (!options.force && !portalIsStale()) return { built: false, ms: performance.now() - started };
  // vite/package.json is exported; its bin is not.
  const vite = path.join(
    path.dirname(createRequire(import.meta.url).resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
  const output: Buffer[] = [];
  const child = spawn(process.execPath, [vite, 'build', WEB_DIR, '--logLevel', 'warn'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`building the portal failed:\n${Buffer.concat(output).toString('utf8')}`);
  return { built: true, ms: performance.now() - started };
}

export interface InitialJs {
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
}

/**
 * The JavaScript a first visit must load before the portal shows anything: the entry script and the
 * chunks index.html preloads (lazily loaded routes are not counted). The budget is 200 KB gzipped.
 */
export function measureInitialJs(distDir = WEB_DIST_DIR): InitialJs {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const urls = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((match) => match[1] as string);
  const files = [...new Set(urls)].map((url) => {
    const code = readFileSync(path.join(distDir, url.replace(/^\//, '')));
    return { file: url, bytes: code.length, gzipBytes: gzipSync(code).length };
  });
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}

export const INITIAL_JS_BUDGET_GZIP_BYTES = 200 * 1024;

/** "initial JS 123.9 KiB gzipped (390.9 KiB minified), budget 200.0 KiB" */
export function describeInitialJs(size: InitialJs): string {
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  return `initial JS ${kb(size.gzipBytes)} KiB gzipped (${kb(size.bytes)} KiB minified), budget ${kb(INITIAL_JS_BUDGET_GZIP_BYTES)} KiB`;
}
