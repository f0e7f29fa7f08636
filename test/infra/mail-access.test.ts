import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { policyLookup } from './support/policies.ts';
import { templates } from './synthesized.ts';

/**
 * Only functions that send email get the sender address and the SES permission, and only for the
 * sender's own identities: a route that lists members cannot send mail in anyone's name.
 */
describe('email sending rights of API functions', () => {
  let stateless: Template;
  beforeAll(() => {
    stateless = Template.fromJSON(templates().stateless);
  });

  const policyOf = (functionPrefix: string) => policyLookup(stateless)(functionPrefix);
  const environmentOf = (functionPrefix: string) => {
    const functions = Object.entries(stateless.findResources('AWS::Lambda::Function'));
    const found = functions.find(([id]) => id.startsWith(functionPrefix));
    return (found?.[1].Properties.Environment?.Variables ?? {}) as Record<string, unknown>;
  };

  it('lets the invitation function send as the sender address (or its domain) and nothing else', () => {
    const policy = policyOf('ApiInviteMemberFunction');
    expect(policy).toContain('ses:SendEmail');
    expect(policy).toContain('identity/foerderflow@example.org');
    expect(policy).toContain('identity/example.org');
    expect(policy).not.toContain('identity/*');
    expect(environmentOf('ApiInviteMemberFunction').MAIL_FROM).toBe('foerderflow@example.org');
  });

  it('gives no other organisation or invitation route the right to send email', () => {
    for (const prefix of [
      'ApiListMembersFunction',
      'ApiAcceptInvitationFunction',
      'ApiCreateOrganisationFunction',
      'ApiListInvitationsFunction',
    ]) {
      expect(policyOf(prefix), prefix).toContain('dynamodb:');
      expect(policyOf(prefix), prefix).not.toContain('ses:');
      expect(environmentOf(prefix).MAIL_FROM, prefix).toBeUndefined();
    }
  });
});
