import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type SynthesizedTemplates, synthesizeTemplates } from '../../infra/local/synth.ts';

let cached: SynthesizedTemplates | undefined;

/** The app synthesized once per test file, without bundling (templates only). */
export function templates(): SynthesizedTemplates {
  cached ??= synthesizeTemplates();
  return cached;
}

/** The app synthesized with real esbuild bundles, into a folder the caller can read assets from. */
export function synthesizeWithBundles(): { outdir: string; templates: SynthesizedTemplates } {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'foerderflow-bundles-'));
  return { outdir, templates: synthesizeTemplates({ bundle: true, outdir }) };
}
