import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measureInitialJs } from '../../../infra/local/portal.ts';

/** A small built portal as Vite writes it: index.html, chunks under assets/, .vite/manifest.json. */
function aBuild(dir: string) {
  const chunks: Record<string, string> = {
    'index.js': `import './shared.js'; ${'const a = 1;'.repeat(50)}`,
    'shared.js': 'export const shared = 1;',
    'backoffice-layout.js': `import './shared.js'; import './role.js'; ${'layout();'.repeat(40)}`,
    'backoffice-home.js': `import './shared.js'; ${'home();'.repeat(30)}`,
    'role.js': 'export const role = 1;',
    'form.js': `${'form();'.repeat(500)}`,
  };
  mkdirSync(path.join(dir, 'assets'));
  for (const [file, code] of Object.entries(chunks)) writeFileSync(path.join(dir, 'assets', file), code);
  writeFileSync(
    path.join(dir, 'index.html'),
    '<script type="module" crossorigin src="/assets/index.js"></script>\n' +
      '<link rel="modulepreload" crossorigin href="/assets/shared.js">',
  );
  mkdirSync(path.join(dir, '.vite'));
  writeFileSync(
    path.join(dir, '.vite', 'manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_shared.js'] },
      '_shared.js': { file: 'assets/shared.js' },
      '_role.js': { file: 'assets/role.js' },
      'src/backoffice-layout.tsx': {
        file: 'assets/backoffice-layout.js',
        isDynamicEntry: true,
        imports: ['_shared.js', '_role.js'],
      },
      'src/backoffice-home.tsx': {
        file: 'assets/backoffice-home.js',
        isDynamicEntry: true,
        imports: ['_shared.js'],
      },
      'src/form.tsx': { file: 'assets/form.js', isDynamicEntry: true },
      'src/static.tsx': { file: 'assets/shared.js' },
    }),
  );
  const gzip = (file: string) => gzipSync(chunks[file] as string).length;
  return { gzip };
}

describe('the initial JavaScript of a build', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'initial-js-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('of a first visit: the entry and what index.html preloads, no lazy page', () => {
    const { gzip } = aBuild(dir);
    const size = measureInitialJs(dir);
    expect(size.files.map((f) => f.file)).toEqual(['/assets/index.js', '/assets/shared.js']);
    expect(size.gzipBytes).toBe(gzip('index.js') + gzip('shared.js'));
  });

  it('of a lazy page: adds its route modules and their static imports, each chunk once', () => {
    const { gzip } = aBuild(dir);
    const size = measureInitialJs(dir, ['src/backoffice-layout.tsx', 'src/backoffice-home.tsx']);
    expect(size.files.map((f) => f.file)).toEqual([
      '/assets/index.js',
      '/assets/shared.js',
      '/assets/backoffice-layout.js',
      '/assets/role.js',
      '/assets/backoffice-home.js',
    ]);
    expect(size.gzipBytes).toBe(
      ['index.js', 'shared.js', 'backoffice-layout.js', 'role.js', 'backoffice-home.js']
        .map(gzip)
        .reduce((a, b) => a + b),
    );
    // Another lazy page (the form) is not part of it.
    expect(size.files.some((f) => f.file.includes('form'))).toBe(false);
  });

  it('refuses a module that is not loaded on demand, or a build without a manifest', () => {
    aBuild(dir);
    expect(() => measureInitialJs(dir, ['src/static.tsx'])).toThrow('is not loaded on demand');
    expect(() => measureInitialJs(dir, ['src/renamed.tsx'])).toThrow('is not loaded on demand');
    rmSync(path.join(dir, '.vite'), { recursive: true });
    expect(() => measureInitialJs(dir, ['src/backoffice-home.tsx'])).toThrow('build.manifest');
    // Without lazy modules the manifest is not needed.
    expect(measureInitialJs(dir).files).toHaveLength(2);
  });
});
