import type { Template } from 'aws-cdk-lib/assertions';

/**
 * Finds a function's IAM policy in a stack: `policyOf(prefix)` is the policy document of the function
 * whose logical id starts with `prefix`, as JSON text to search ('{}' when there is none).
 */
export function policyLookup(stack: Template): (prefix: string) => string {
  return (prefix) => {
    const found = Object.entries(stack.findResources('AWS::IAM::Policy')).find(([id]) =>
      id.startsWith(prefix),
    );
    return JSON.stringify(found?.[1].Properties.PolicyDocument ?? {});
  };
}
