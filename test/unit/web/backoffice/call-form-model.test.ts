import { describe, expect, it } from 'vitest';
import { CallDefinition } from '../../../../shared/api/schemas/call.schema.ts';
import {
  berlinWallClock,
  callPatch,
  emptyCallValues,
  idFromLabel,
  instantFromWallClock,
  moveFocusId,
  toCallDefinition,
  toCallFormValues,
} from '../../../../web/src/features/backoffice/admin/call-form-model.ts';
import { aCall } from '../../../support/calls.ts';

describe('the call form model', () => {
  it('reads a stored call back from its form values unchanged, in German and in English', () => {
    const call = aCall({
      budgetCents: 245_000_000,
      rules: {
        maxGrantCents: 14_000_050,
        maxFundingRateBps: 9_550,
        minOwnShareBps: 450,
        adminFlatRateBps: 1_000,
      },
      requiredDocuments: [{ id: 'satzung', label: { de: 'Satzung', en: 'Statutes' }, mandatory: true }],
    });
    for (const language of ['de', 'en'] as const) {
      const values = toCallFormValues(call, language);
      const { definition, inputErrors } = toCallDefinition(values, language, call);
      expect(inputErrors).toEqual([]);
      expect(CallDefinition.parse(definition)).toEqual(call);
    }
    expect(toCallFormValues(call, 'de').budgetCents).toBe('2.450.000,00');
    expect(toCallFormValues(call, 'en').rules.maxFundingRateBps).toBe('95.5');
  });

  it('says which typed values cannot be read, and leaves them out so the schema names nothing else there', () => {
    const values = {
      ...emptyCallValues(),
      budgetCents: '12.50',
      rules: {
        maxGrantCents: '1.000,001',
        maxFundingRateBps: '120',
        minOwnShareBps: 'fünf',
        adminFlatRateBps: '10',
      },
      projectPeriod: { earliestStart: '2027-01-01', latestEnd: '2027-12-31', maxMonths: '12,5' },
      closesAt: 'morgen',
    };
    const { definition, inputErrors } = toCallDefinition(values, 'de');
    expect(inputErrors).toEqual([
      { path: 'budgetCents', problem: { kind: 'amount', problem: 'format' } },
      { path: 'closesAt', problem: { kind: 'date-time' } },
      { path: 'projectPeriod.maxMonths', problem: { kind: 'whole-number' } },
      { path: 'rules.maxGrantCents', problem: { kind: 'amount', problem: 'decimals' } },
      { path: 'rules.maxFundingRateBps', problem: { kind: 'percent', problem: 'range' } },
      { path: 'rules.minOwnShareBps', problem: { kind: 'percent', problem: 'format' } },
    ]);
    expect(definition).not.toHaveProperty('budgetCents');
    expect(definition.rules).toEqual({ adminFlatRateBps: 1_000 });
  });

  it('gives new criteria and documents ids from their German label, unique, and keeps existing ids', () => {
    const values = {
      ...toCallFormValues(aCall(), 'de'),
      rubric: [
        { id: 'konzept', label: { de: 'Konzept', en: 'Concept' }, weight: '2' },
        { id: '', label: { de: 'Konzept', en: 'Concept again' }, weight: '1' },
        { id: '', label: { de: 'Größe & Wirkung für Familien', en: 'Reach' }, weight: '3' },
        { id: '', label: { de: 'Ä', en: 'A' }, weight: '1' },
      ],
    };
    const { definition } = toCallDefinition(values, 'de');
    expect((definition.rubric as { id: string }[]).map((criterion) => criterion.id)).toEqual([
      'konzept',
      'konzept-2',
      'groesse-wirkung-fuer-familien',
      'ae',
    ]);
    expect(idFromLabel('!', 'kriterium-4', new Set())).toBe('kriterium-4');
    expect(idFromLabel('x'.repeat(80), 'f', new Set()).length).toBeLessThanOrEqual(40);
  });

  it('turns Berlin wall-clock times into instants with their offset, summer and winter, and keeps a stored instant the input cannot show', () => {
    expect(instantFromWallClock('2027-01-31T23:59')).toBe('2027-01-31T23:59:00+01:00');
    expect(instantFromWallClock('2027-07-31T23:59:59')).toBe('2027-07-31T23:59:59+02:00');
    expect(berlinWallClock('2027-07-31T21:59:59.500Z')).toBe('2027-07-31T23:59:59');
    expect(instantFromWallClock('2027-07-31T23:59:59', '2027-07-31T21:59:59.500Z')).toBe(
      '2027-07-31T21:59:59.500Z',
    );
    expect(instantFromWallClock('31.07.2027')).toBeUndefined();
  });

  it('patches only the fields that changed, each as a whole', () => {
    const before = aCall();
    const after = {
      ...before,
      title: { ...before.title, en: 'Small projects 2027' },
      rules: { ...before.rules, maxGrantCents: 2_000_000 },
    };
    expect(callPatch(before, after)).toEqual({ title: after.title, rules: after.rules });
    expect(callPatch(before, structuredClone(before))).toEqual({});
  });

  it('keeps the focus on the moved row’s button, or its other button once the row reached an end', () => {
    expect(moveFocusId('rubric', 2, 1, 4)).toBe('rubric-1-up');
    expect(moveFocusId('rubric', 1, 0, 4)).toBe('rubric-0-down');
    expect(moveFocusId('rubric', 1, 2, 4)).toBe('rubric-2-down');
    expect(moveFocusId('rubric', 2, 3, 4)).toBe('rubric-3-up');
  });
});
