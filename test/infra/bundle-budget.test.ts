import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import budgetFile from '../../infra/bundle-budgets.json' with { type: 'json' };
import { ENTRY_METADATA, PROJECT_ROOT } from '../../infra/constructs/app-function.ts';
import { functionAccess } from '../../infra/function-access.ts';
import { LETTER_FONT_FILES } from '../../shared/letters/fonts.ts';
import { synthesizeWithBundles } from './synthesized.ts';

/**
 * Every function's minified bundle stays within the budget kept in infra/bundle-budgets.json (bytes).
 * Size is cold start on Lambda (~125 ms for a bare handler, ~300 ms at 1 MB), so a budget that grows
 * must be argued for in review. A function without a budget fails the test: new routes add one.
 */
const budgets: Record<string, number> = budgetFile.budgets;

/** Functions that render PDF letters with embedded fonts (see infra/constructs/letter-bundling.ts). */
const LETTER_RENDERERS = [
  'functions/workflows/intake/render-submitted-copy.handler.ts',
  'functions/workflows/decision/issue-letter.handler.ts',
  'functions/workflows/objection/issue-objection-letter.handler.ts',
];

describe('bundle budgets', () => {
  let outdir: string;
  let sizes: { entry: string; bytes: number; gzipBytes: number; documentsBucket: boolean; folder: string }[];

  beforeAll(() => {
    const synthesized = synthesizeWithBundles();
    outdir = synthesized.outdir;
    // Every function of the app: the API and the workflows (stateless), and the user pool's Cognito
    // triggers, which live beside the pool in the stateful stack.
    const { stateful, stateless } = synthesized.templates;
    sizes = [...Object.values(stateful.Resources), ...Object.values(stateless.Resources)]
      .filter((resource) => resource.Type === 'AWS::Lambda::Function' && resource.Metadata?.[ENTRY_METADATA])
      .map((resource) => {
        const asset = path.join(outdir, resource.Metadata?.['aws:asset:path'] as string, 'index.mjs');
        const code = readFileSync(asset);
        const environment = (resource.Properties?.Environment as { Variables?: Record<string, unknown> })
          ?.Variables;
        return {
          entry: resource.Metadata?.[ENTRY_METADATA] as string,
          bytes: statSync(asset).size,
          gzipBytes: gzipSync(code).length,
          // Either bucket means the S3 client is in the bundle.
          documentsBucket:
            environment?.DOCUMENTS_BUCKET !== undefined || environment?.LETTERS_BUCKET !== undefined,
          folder: path.dirname(asset),
        };
      });
    console.table(
      sizes.map((s) => ({
        entry: s.entry,
        kB: (s.bytes / 1024).toFixed(1),
        gzipKB: (s.gzipBytes / 1024).toFixed(1),
      })),
    );
    // Bundling every function (~90, esbuild one by one) takes minutes when the unit and integration
    // projects run beside it on two cores: a generous bound, not a speed check (speed is in npm run bench).
  }, 900_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('has a budget for every function, and none for functions that are gone', () => {
    // One entry may back several functions (every workflow ends with complete-pending-work).
    expect(Object.keys(budgets).sort()).toEqual([...new Set(sizes.map((s) => s.entry))].sort());
  });

  it('keeps every bundle within its budget', () => {
    const over = sizes
      .filter((s) => s.bytes > (budgets[s.entry] ?? 0))
      .map((s) => `${s.entry}: ${s.bytes} B > ${budgets[s.entry] ?? 0} B`);
    expect(over).toEqual([]);
  });

  it('ships the letter fonts beside the renderers, and the renderers read them from there', () => {
    for (const entry of LETTER_RENDERERS) {
      const bundle = sizes.find((s) => s.entry === entry);
      expect(bundle, entry).toBeDefined();
      const folder = bundle?.folder as string;
      for (const file of Object.values(LETTER_FONT_FILES)) {
        const shipped = readFileSync(path.join(folder, 'fonts', file));
        expect(
          shipped.equals(readFileSync(path.join(PROJECT_ROOT, 'node_modules/dejavu-fonts-ttf/ttf', file))),
        ).toBe(true);
      }
      const code = readFileSync(path.join(folder, 'index.mjs'), 'utf8');
      // (booleans, not toContain: a failure would print the whole bundle)
      expect(code.includes('`./fonts/${'), 'reads fonts/ beside the bundle').toBe(true);
      expect(code.includes('dejavu-fonts-ttf/ttf/'), 'the package lookup is for native runs only').toBe(
        false,
      );
    }
  });

  it('bundles no full zod and no locale it does not use', () => {
    // zod/mini with namespace imports tree-shakes to ~40 kB; the full build or all locales add ~400 kB.
    // Functions with access to the documents bucket also carry the S3 client (~150 kB: its schemas
    // and endpoint rules do not tree-shake), which leaves them as far below that mistake as the rest.
    // Workflow tasks are not in function-access.ts: their bucket name in the environment says the same.
    // Letter renderers carry pdf-lib and fontkit (~1.3 MB, most of it fontkit's Unicode and layout
    // tables); they are held to their own budget in bundle-budgets.json instead.
    for (const s of sizes.filter((size) => !LETTER_RENDERERS.includes(size.entry))) {
      const handler = s.entry.replace(/^functions\//, '').replace(/\.handler\.ts$/, '');
      const access = functionAccess[handler];
      const limit = access?.documents || access?.letters || s.documentsBucket ? 650 * 1024 : 500 * 1024;
      expect(s.bytes, s.entry).toBeLessThan(limit);
    }
  });
});
