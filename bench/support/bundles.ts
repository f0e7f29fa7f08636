import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { App, Stack } from 'aws-cdk-lib';
import { STATEFUL_STACK } from '../../infra/build-app.ts';
import { AppFunction, ENTRY_METADATA, PROJECT_ROOT } from '../../infra/constructs/app-function.ts';
import { synthesizeTemplates } from '../../infra/local/synth.ts';
import { floorSource, sdkPackagesIn } from './sdk-floor.ts';

const run = promisify(execFile);

export interface Bundle {
  /** The function's entry (functions/...handler.ts), or the floor's name. */
  entry: string;
  file: string;
  bytes: number;
  gzipBytes: number;
  /** The environment the function gets on Lambda, with CloudFormation references as placeholders. */
  environment: Record<string, string>;
  /** The SDK client packages the bundle pulls in (sdk-floor.ts). */
  sdkPackages: string[];
}

type Resource = { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> };

function bundlesOf(resources: Resource[], outdir: string, entryOf: (resource: Resource) => string): Bundle[] {
  const bundles: Bundle[] = [];
  for (const resource of resources) {
    if (resource.Type !== 'AWS::Lambda::Function' || !resource.Metadata?.['aws:asset:path']) continue;
    const file = path.join(outdir, resource.Metadata['aws:asset:path'] as string, 'index.mjs');
    let code: Buffer;
    try {
      code = readFileSync(file);
    } catch {
      continue; // a stack that was not bundled (quick mode)
    }
    const variables =
      (resource.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ??
      {};
    const environment = Object.fromEntries(
      Object.entries(variables)
        .filter(([name]) => name !== 'NODE_OPTIONS')
        .map(([name, value]) => [name, typeof value === 'string' ? value : `bench-${name.toLowerCase()}`]),
    );
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
    bundles.push({
      entry: entryOf(resource),
      file,
      bytes: statSync(file).size,
      gzipBytes: gzipSync(code).length,
      environment,
      sdkPackages: sdkPackagesIn(map.sources),
    });
  }
  return bundles;
}

/**
 * Every function's bundle, built by CDK's own esbuild bundling as `cdk synth` builds it (the code the
 * bundle-budget test reads), one per entry. With `statefulOnly`, only the stateful stack's functions (the
 * Cognito triggers) are built: quick mode, since building all of them takes minutes.
 */
export function functionBundles(outdir: string, statefulOnly: boolean): Bundle[] {
  const { stateful, stateless } = synthesizeTemplates({
    bundle: true,
    outdir,
    ...(statefulOnly ? { bundleStacks: [STATEFUL_STACK] } : {}),
  });
  const all = bundlesOf(
    [...Object.values(stateful.Resources), ...Object.values(stateless.Resources)].filter(
      (resource) => resource.Metadata?.[ENTRY_METADATA],
    ),
    outdir,
    (resource) => resource.Metadata?.[ENTRY_METADATA] as string,
  );
  // One entry may back several functions (complete-pending-work ends every workflow): measure it once.
  return [...new Map(all.map((bundle) => [bundle.entry, bundle])).values()].sort((a, b) =>
    a.entry.localeCompare(b.entry),
  );
}

/**
 * The floors: for each set of SDK packages, a bundle that imports and instantiates only those clients,
 * built by the same AppFunction (same esbuild options, banner and SDK bundling) in an app of its own.
 * The entries are written inside the project so that esbuild finds node_modules; removed afterwards.
 */
export function floorBundles(
  outdir: string,
  packageSets: readonly { name: string; packages: string[] }[],
): Map<string, Bundle> {
  const entriesDir = mkdtempSync(path.join(PROJECT_ROOT, 'bench', '.floors-'));
  try {
    const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
    const stack = new Stack(app, 'bench-floors');
    const nameByEntry = new Map<string, string>();
    packageSets.forEach(({ name, packages }, index) => {
      const file = path.join(entriesDir, `floor-${index}.ts`);
      writeFileSync(file, floorSource(packages));
      const entry = path.relative(PROJECT_ROOT, file);
      nameByEntry.set(entry, name);
      new AppFunction(stack, `Floor${index}`, { entry, description: `bench floor ${name}` });
    });
    const template = app.synth().getStackByName('bench-floors').template as {
      Resources: Record<string, Resource>;
    };
    const floors = new Map<string, Bundle>();
    for (const bundle of bundlesOf(Object.values(template.Resources), outdir, (resource) => {
      const entry = resource.Metadata?.[ENTRY_METADATA] as string;
      return nameByEntry.get(entry) ?? entry;
    })) {
      floors.set(bundle.entry, bundle);
    }
    const missing = packageSets.filter(({ name }) => !floors.has(name)).map(({ name }) => name);
    if (missing.length > 0) throw new Error(`floors not built: ${missing.join(', ')}`);
    return floors;
  } finally {
    rmSync(entriesDir, { recursive: true, force: true });
  }
}

/** Runs in a fresh Node process: imports the bundle and prints how long the import took (ms). */
const IMPORT_TIMER =
  'const started = performance.now(); await import(process.argv[1]); console.log(performance.now() - started);';

/**
 * The time a fresh Node process (this one's binary) takes to import the bundle — what a cold start
 * pays beyond the runtime's own start — with the function's environment and a region set, as on Lambda.
 */
export async function importMs(bundle: Bundle): Promise<number> {
  const { stdout } = await run(
    process.execPath,
    ['--input-type=module', '-e', IMPORT_TIMER, pathToFileURL(bundle.file).href],
    {
      env: {
        PATH: process.env.PATH,
        AWS_REGION: 'eu-central-1',
        AWS_LAMBDA_FUNCTION_NAME: 'bench',
        ...bundle.environment,
      },
      cwd: os.tmpdir(),
    },
  );
  const ms = Number(stdout.trim().split('\n').at(-1));
  if (!Number.isFinite(ms)) throw new Error(`${bundle.entry}: the import printed ${stdout}`);
  return ms;
}
