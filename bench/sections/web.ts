import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildPortal,
  INITIAL_JS_BUDGET_GZIP_BYTES,
  measureInitialJs,
  WEB_DIR,
} from '../../infra/local/portal.ts';
import { row, type Section } from '../harness.ts';

/**
 * Lazily loaded pages measured besides the portal's first visit: the modules React Router loads on demand
 * to show the page (web/src/routes.tsx), as source paths relative to web/. If routes.tsx stops loading
 * one of them on demand, the measurement fails and says which, rather than report a wrong figure.
 */
const LAZY_PAGES = [
  {
    name: 'back office (/backoffice)',
    // The route's path in routes.tsx; without it (no back office yet) the row is skipped with a note.
    routePath: 'backoffice',
    modules: ['src/features/backoffice/backoffice-layout.tsx', 'src/features/backoffice/backoffice-home.tsx'],
  },
];

const budget = { name: 'budget', value: INITIAL_JS_BUDGET_GZIP_BYTES };

/**
 * The initial JavaScript, gzipped, against the 200 kB budget: the portal's first visit (entry script and
 * what index.html preloads) and the back office's (that, plus its route's lazy chunks). Built with Vite
 * into a directory of its own, so web/dist (which a running stack may serve) is left alone.
 */
export const section: Section = {
  name: 'web',
  title: 'Web: initial JavaScript, gzipped',
  order: 60,
  async run({ note }) {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'foerderflow-bench-web-'));
    try {
      const build = await buildPortal({ outDir });
      note(`vite build in ${(build.ms / 1000).toFixed(1)} s`);
      const portal = measureInitialJs(outDir);
      const rows = [
        row({
          name: 'portal (first visit)',
          value: portal.gzipBytes,
          unit: 'bytes',
          reference: budget,
          maxRatio: 1,
        }),
      ];
      const routes = readFileSync(path.join(WEB_DIR, 'src', 'routes.tsx'), 'utf8');
      for (const page of LAZY_PAGES) {
        if (!routes.includes(`path: '${page.routePath}'`)) {
          note(`${page.name}: skipped, web/src/routes.tsx has no '${page.routePath}' route yet`);
          continue;
        }
        const size = measureInitialJs(outDir, page.modules);
        rows.push(
          row({ name: page.name, value: size.gzipBytes, unit: 'bytes', reference: budget, maxRatio: 1 }),
        );
        note(
          `${page.name}: ${size.files.length} chunks, ${((size.gzipBytes - portal.gzipBytes) / 1000).toFixed(1)} kB more than the first visit`,
        );
      }
      return rows;
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
