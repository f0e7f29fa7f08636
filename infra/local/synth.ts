import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API_STACK, buildApp, STATEFUL_STACK, STATELESS_STACK, WEB_STACK } from '../build-app.ts';
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
  /**
   * The stateless side as one template: the API stack and the workflows stack (deployed as two only
   * because of CloudFormation's 500-resource limit), merged. Logical ids are unique across the two.
   */
  stateless: CfnTemplate;
  /** CloudFront and the web bucket: nothing the local stack runs (it serves web/dist itself). */
  web: CfnTemplate;
}

/** Merges templates of one app; a logical id in two of them is an error, not a silent overwrite. */
export function mergeTemplates(...templates: CfnTemplate[]): CfnTemplate {
  const merged: CfnTemplate = { Resources: {}, Outputs: {} };
  for (const template of templates) {
    for (const [id, resource] of Object.entries(template.Resources)) {
      if (id === 'CDKMetadata') continue;
      if (id in merged.Resources) throw new Error(`logical id ${id} is in two stateless stacks`);
      merged.Resources[id] = resource;
    }
    Object.assign(merged.Outputs as object, template.Outputs ?? {});
  }
  return merged;
}

/**
 * Synthesizes the CDK app in-process, with the context of cdk.json, exactly as `cdk synth` would, but
 * without bundling the functions (the local stack runs their source). Everything local is made from
 * these templates: no second, hand-written description of tables, buckets, pools or routes.
 */
export function synthesizeTemplates(
  options: {
    bundle?: boolean;
    outdir?: string;
    /** With bundle: only these stacks' functions are built (the bench's quick mode builds the stateful stack's). */
    bundleStacks?: string[];
  } = {},
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
        // With bundles, the functions' stacks only: the portal's Vite build (web stack) is not for tests.
        'aws:cdk:bundling-stacks': options.bundle
          ? (options.bundleStacks ?? [STATEFUL_STACK, API_STACK, STATELESS_STACK])
          : [],
        // As the CLI does: record each asset's folder on its resource, so tests can find bundles.
        'aws:cdk:enable-asset-metadata': true,
      },
    });
    const assembly = app.synth();
    return {
      stateful: assembly.getStackByName(STATEFUL_STACK).template as CfnTemplate,
      stateless: mergeTemplates(
        assembly.getStackByName(API_STACK).template as CfnTemplate,
        assembly.getStackByName(STATELESS_STACK).template as CfnTemplate,
      ),
      web: assembly.getStackByName(WEB_STACK).template as CfnTemplate,
    };
  } finally {
    if (!options.outdir) rmSync(outdir, { recursive: true, force: true });
  }
}
