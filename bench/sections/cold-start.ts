import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, type Row, row, type Section } from '../harness.ts';
import { type Bundle, floorBundles, functionBundles, importMs } from '../support/bundles.ts';
import { floorName } from '../support/sdk-floor.ts';

/** Functions that render PDF letters (pdf-lib and fontkit): exempt from both targets, their sizes reported. */
const LETTER_RENDERERS = new Set([
  'functions/workflows/intake/render-submitted-copy.handler.ts',
  'functions/workflows/decision/issue-letter.handler.ts',
  'functions/workflows/objection/issue-objection-letter.handler.ts',
]);

/** No bundle above 500 kB minified (issue 11). */
const SIZE_LIMIT = { name: '500 kB limit', value: 500_000 };
/** No function above 1.3× its floor: the bundle of only the SDK clients it uses. */
const MAX_FLOOR_RATIO = 1.3;

const shortName = (entry: string) => entry.replace(/^functions\//, '').replace(/\.handler\.ts$/, '');

/**
 * Each function's bundle (minified and gzipped, built by CDK's bundling as deployed) and its import time
 * in a fresh Node process, beside its floor built in the same run: a bundle holding only the AWS SDK
 * clients the function pulls in. Import times alternate function and floor, so both see the same load.
 */
export const section: Section = {
  name: 'cold-start',
  title: 'Cold start: bundle size and import time, each function beside its SDK floor',
  order: 10,
  async run({ quick, repetitions, note }) {
    const outdir = mkdtempSync(path.join(os.tmpdir(), 'foerderflow-bench-bundles-'));
    try {
      let started = performance.now();
      const functions = functionBundles(path.join(outdir, 'app'), quick);
      note(
        `${functions.length} functions bundled by CDK in ${((performance.now() - started) / 1000).toFixed(0)} s` +
          (quick
            ? ' (quick mode: only the stateful stack’s Cognito triggers; `npm run bench` builds all)'
            : ''),
      );
      const sets = new Map(functions.map((f) => [floorName(f.sdkPackages), f.sdkPackages]));
      started = performance.now();
      const floors = floorBundles(
        path.join(outdir, 'floors'),
        [...sets].map(([name, packages]) => ({ name, packages })),
      );
      note(
        `${floors.size} floors (${[...floors.keys()].join(', ')}) built in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );

      const runs = repetitions(7, 3);
      note(
        `import time: median of ${runs} fresh processes each, function and floor alternating` +
          (quick
            ? '; quick mode reports import ratios without a target (too few runs to mean anything)'
            : ''),
      );
      const rows: Row[] = [];
      let largest: Bundle | undefined;
      for (const fn of functions) {
        const floor = floors.get(floorName(fn.sdkPackages)) as Bundle;
        const exempt = LETTER_RENDERERS.has(fn.entry);
        // Without SDK clients the floor is an empty module: a ratio to it says nothing, so such a
        // function is held to the 500 kB limit only (noted below).
        const noFloor = fn.sdkPackages.length === 0;
        const timed = { fn: [] as number[], floor: [] as number[] };
        for (let i = 0; i < runs; i++) {
          timed.fn.push(await importMs(fn));
          timed.floor.push(await importMs(floor));
        }
        const name = shortName(fn.entry);
        const floorRef = (value: number) => ({ name: `floor ${floor.entry}`, value });
        const target = exempt || noFloor ? {} : { maxRatio: MAX_FLOOR_RATIO };
        rows.push(
          row({
            name: `${name}: minified`,
            value: fn.bytes,
            unit: 'bytes',
            reference: floorRef(floor.bytes),
            ...target,
          }),
          row({
            name: `${name}: gzipped`,
            value: fn.gzipBytes,
            unit: 'bytes',
            reference: floorRef(floor.gzipBytes),
          }),
          row({
            name: `${name}: import`,
            value: median(timed.fn),
            unit: 'ms',
            reference: floorRef(median(timed.floor)),
            ...(quick ? {} : target),
          }),
        );
        if (!exempt && fn.bytes > SIZE_LIMIT.value) {
          rows.push(
            row({
              name: `${name}: minified`,
              value: fn.bytes,
              unit: 'bytes',
              reference: SIZE_LIMIT,
              maxRatio: 1,
            }),
          );
        }
        if (!exempt && (!largest || fn.bytes > largest.bytes)) largest = fn;
      }
      if (largest) {
        rows.push(
          row({
            name: `largest (${shortName(largest.entry)})`,
            value: largest.bytes,
            unit: 'bytes',
            reference: SIZE_LIMIT,
            maxRatio: 1,
          }),
        );
      }
      const sdkFree = functions.filter((f) => f.sdkPackages.length === 0);
      if (sdkFree.length > 0) {
        note(
          `${sdkFree.map((f) => shortName(f.entry)).join(', ')}: no SDK client, so no floor to hold it to; reported, held to the 500 kB limit`,
        );
      }
      const exempted = functions.filter((f) => LETTER_RENDERERS.has(f.entry));
      if (exempted.length > 0)
        note(
          `letter renderers (${exempted.map((f) => shortName(f.entry)).join(', ')}): exempt from both targets, reported`,
        );
      return rows;
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  },
};
