import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import budgetFile from '../../infra/bundle-budgets.json' with { type: 'json' };
import { ENTRY_METADATA } from '../../infra/constructs/app-function.ts';
import { functionAccess } from '../../infra/function-access.ts';
import { synthesizeWithBundles } from './synthesized.ts';

/**
 * Every function's minified bundle stays within the budget kept in infra/bundle-budgets.json (bytes).
 * Size is cold start on Lambda (~125 ms for a bare handler, ~300 ms at 1 MB), so a budget that grows
 * must be argued for in review. A function without a budget fails the test: new routes add one.
 */
const budgets: Record<string, number> = budgetFile.budgets;

describe('bundle budgets', () => {
  let outdir: string;
  let sizes: { entry: string; bytes: number; gzipBytes: number }[];

  beforeAll(() => {
    const synthesized = synthesizeWithBundles();
    outdir = synthesized.outdir;
    sizes = Object.values(synthesized.templates.stateless.Resources)
      .filter((resource) => resource.Type === 'AWS::Lambda::Function' && resource.Metadata?.[ENTRY_METADATA])
      .map((resource) => {
        const asset = path.join(outdir, resource.Metadata?.['aws:asset:path'] as string, 'index.mjs');
        const code = readFileSync(asset);
        return {
          entry: resource.Metadata?.[ENTRY_METADATA] as string,
          bytes: statSync(asset).size,
          gzipBytes: gzipSync(code).length,
        };
      });
    console.table(
      sizes.map((s) => ({
        entry: s.entry,
        kB: (s.bytes / 1024).toFixed(1),
        gzipKB: (s.gzipBytes / 1024).toFixed(1),
      })),
    );
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('has a budget for every function, and none for functions that are gone', () => {
    expect(Object.keys(budgets).sort()).toEqual(sizes.map((s) => s.entry).sort());
  });

  it('keeps every bundle within its budget', () => {
    const over = sizes
      .filter((s) => s.bytes > (budgets[s.entry] ?? 0))
      .map((s) => `${s.entry}: ${s.bytes} B > ${budgets[s.entry] ?? 0} B`);
    expect(over).toEqual([]);
  });

  it('bundles no full zod and no locale it does not use', () => {
    // zod/mini with namespace imports tree-shakes to ~40 kB; the full build or all locales add ~400 kB.
    // Functions with access to the documents bucket also carry the S3 client (~150 kB: its schemas
    // and endpoint rules do not tree-shake), which leaves them as far below that mistake as the rest.
    for (const s of sizes) {
      const handler = s.entry.replace(/^functions\//, '').replace(/\.handler\.ts$/, '');
      const limit = functionAccess[handler]?.documents ? 650 * 1024 : 500 * 1024;
      expect(s.bytes, s.entry).toBeLessThan(limit);
    }
  });
});
