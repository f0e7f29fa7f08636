import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_MAJOR } from '../../infra/constructs/node-runtime.ts';
import { templates } from './synthesized.ts';

// One Node major everywhere: Lambda's runtime, the Node pinned in package.json for local runs and CI,
// and the Node running this very test.
describe('Node version', () => {
  it('is the same major for the Lambda runtime and the tests', () => {
    const runtimes = Object.values(templates().stateless.Resources)
      .filter((resource) => resource.Type === 'AWS::Lambda::Function')
      .map((resource) => resource.Properties?.Runtime);
    expect(new Set(runtimes)).toEqual(new Set([`nodejs${NODE_MAJOR}.x`]));
    expect(Number(process.versions.node.split('.')[0])).toBe(NODE_MAJOR);
  });

  it('is pinned in package.json with that major', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies.node).toMatch(new RegExp(`^${NODE_MAJOR}\\.\\d+\\.\\d+$`));
  });
});
