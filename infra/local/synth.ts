import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, STATEFUL_STACK, STATELESS_STACK } from '../build-app.ts';
import { PROJECT_ROOT } from '../constructs/app-function.ts';

export type CfnTemplate = {
  Resources: Record<
    string,
    { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }
  >;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown } }>;
};

export interface SynthesizedTemplates {
  stateful: CfnTemplate;
  stateless: CfnTemplate;
}

/**
 * Synthesizes the CDK app in-process, with the context of cdk.json, exactly as `cdk synth` would, but
 * without bundling the functions (the local stack runs their source). Everything local is made from
 * these templates: no second, hand-written description of tables, buckets, pools or routes.
 */
export function synthesizeTemplates(
  options: { bundle?: boolean; outdir?: string } = {},
): SynthesizedTemplates {
  const cdkJson = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  const outdir = options.outdir ?? mkdtempSync(path.join(os.tmpdir(), 'foerderflow-synth-'));
  try {
    const { app } = buildApp({
      outdir,
      context: {
        ...cdkJson.context,
        // An empty list tells NodejsFunction to skip esbuild: the template is the same, the code is not built.
        ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
        // As the CLI does: record each asset's folder on its resource, so tests can find bundles.
        'aws:cdk:enable-asset-metadata': true,
      },
    });
    const assembly = app.synth();
    return {
      stateful: assembly.getStackByName(STATEFUL_STACK).template as CfnTemplate,
      stateless: assembly.getStackByName(STATELESS_STACK).template as CfnTemplate,
    };
  } finally {
    if (!options.outdir) rmSync(outdir, { recursive: true, force: true });
  }
}
