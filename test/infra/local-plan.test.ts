import { describe, expect, it } from 'vitest';
import { planFromTemplates, resolveValue } from '../../infra/local/template-plan.ts';
import { operations } from '../../shared/api/contract.ts';
import { routeKeyOf } from '../../shared/api/operation.ts';
import { templates } from './synthesized.ts';

describe('the local plan read from the synthesized templates', () => {
  const plan = planFromTemplates(templates());

  it('creates the table exactly as CDK defines it, with its indexes and stream', () => {
    expect(plan.tables).toHaveLength(1);
    const input = plan.tables[0]?.input;
    expect(input?.GlobalSecondaryIndexes?.map((gsi) => gsi.IndexName)).toEqual([
      'gsi1',
      'gsi2',
      'gsi3',
      'gsi4',
      'pending',
    ]);
    expect(input?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });

  it('serves every route of the contract with the function CDK wired to it', () => {
    expect(plan.routes.map((r) => r.routeKey).sort()).toEqual(operations.map(routeKeyOf).sort());
    for (const operation of operations) {
      const route = plan.routes.find((r) => r.routeKey === routeKeyOf(operation));
      const fn = plan.functions.find((f) => f.logicalId === route?.functionLogicalId);
      expect(fn?.entry).toBe(`functions/${operation.handler}.handler.ts`);
      expect(route?.authorization).toBe(operation.access === 'public' ? 'NONE' : 'JWT');
    }
  });

  it('runs the user pool triggers CDK attaches and sends its confirmation email text', () => {
    expect(plan.userPool.triggers).toEqual({
      PostConfirmation: 'functions/auth/post-confirmation.handler.ts',
      PreTokenGeneration: 'functions/auth/pre-token-generation.handler.ts',
    });
    expect(plan.userPool.verificationEmail.subject).toContain('Bestätigungscode');
    expect(plan.userPool.verificationEmail.message).toContain('{####}');
    // Locally too, whoever has set up an authenticator app is asked for its code at sign-in.
    expect(plan.userPool.mfaConfiguration).toBe('OPTIONAL');
  });

  it('resolves the table name across the stack boundary', () => {
    const fn = plan.functions.find((f) => f.entry.endsWith('list-calls.handler.ts'));
    const tableId = plan.tables[0]?.logicalId as string;
    const value = resolveValue(
      fn?.environment.TABLE_NAME,
      { refs: { [tableId]: 'local-table' }, region: 'eu-central-1', accountId: '0' },
      plan.exports,
    );
    expect(value).toBe('local-table');
  });

  it('refuses an intrinsic it cannot resolve instead of guessing', () => {
    expect(() =>
      resolveValue({ 'Fn::Select': [0, ['a']] }, { refs: {}, region: 'r', accountId: '0' }, {}),
    ).toThrow(/cannot resolve/);
    expect(() => resolveValue({ Ref: 'Missing' }, { refs: {}, region: 'r', accountId: '0' }, {})).toThrow(
      /Ref Missing/,
    );
  });
});
