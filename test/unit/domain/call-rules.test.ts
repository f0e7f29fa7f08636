import { describe, expect, it } from 'vitest';
import { demoCalls } from '../../../infra/local/seed.ts';
import type { Call } from '../../../shared/api/schemas/call.schema.ts';
import { callChanges, callRuleViolations, lockedChanges } from '../../../shared/domain/call-rules.ts';
import { aCall } from '../../support/calls.ts';

const pathsOf = (call: Call) => callRuleViolations(call).map((v) => `${v.path} ${v.code}`);

describe('callRuleViolations', () => {
  it('accepts the seeded calls and the test call', () => {
    for (const call of [...demoCalls(new Date('2026-03-10T12:00:00Z')), aCall()]) {
      expect(callRuleViolations(call), call.id).toEqual([]);
    }
  });

  it('refuses a deadline at or before the opening', () => {
    const opensAt = '2027-01-01T00:00:00+01:00';
    expect(pathsOf(aCall({ opensAt, closesAt: opensAt }))).toEqual(['closesAt closes-before-opening']);
    // The same instant written in UTC is still not after the opening.
    expect(pathsOf(aCall({ opensAt, closesAt: '2026-12-31T23:00:00Z' }))).toEqual([
      'closesAt closes-before-opening',
    ]);
    expect(pathsOf(aCall({ opensAt, closesAt: '2026-12-31T23:00:01Z' }))).toEqual([]);
  });

  it('refuses a project period that ends before it starts', () => {
    const call = aCall({
      projectPeriod: { earliestStart: '2027-04-01', latestEnd: '2027-03-31', maxMonths: 1 },
    });
    expect(pathsOf(call)).toEqual(['projectPeriod.latestEnd period-ends-before-start']);
  });

  it('refuses a maximum duration that does not fit between earliest start and latest end', () => {
    const period = { earliestStart: '2027-04-01', latestEnd: '2028-03-31' };
    expect(pathsOf(aCall({ projectPeriod: { ...period, maxMonths: 12 } }))).toEqual([]);
    expect(pathsOf(aCall({ projectPeriod: { ...period, maxMonths: 13 } }))).toEqual([
      'projectPeriod.maxMonths max-months-exceed-period',
    ]);
    // One day short of a full twelfth month.
    const short = { earliestStart: '2027-04-01', latestEnd: '2028-03-30', maxMonths: 12 };
    expect(pathsOf(aCall({ projectPeriod: short }))).toEqual([
      'projectPeriod.maxMonths max-months-exceed-period',
    ]);
  });

  it('refuses a funding rate and an own share that add up to more than the costs', () => {
    const rules = { maxGrantCents: 1_500_000, adminFlatRateBps: 1000 };
    expect(pathsOf(aCall({ rules: { ...rules, maxFundingRateBps: 9500, minOwnShareBps: 500 } }))).toEqual([]);
    expect(pathsOf(aCall({ rules: { ...rules, maxFundingRateBps: 10_000, minOwnShareBps: 0 } }))).toEqual([]);
    expect(pathsOf(aCall({ rules: { ...rules, maxFundingRateBps: 9600, minOwnShareBps: 500 } }))).toEqual([
      'rules.minOwnShareBps rate-and-own-share-exceed-costs',
    ]);
  });

  it('refuses repeated rubric and document ids, at the repetition', () => {
    const label = { de: 'x', en: 'x' };
    const call = aCall({
      rubric: [
        { id: 'konzept', weight: 1, label },
        { id: 'zielgruppe', weight: 1, label },
        { id: 'konzept', weight: 2, label },
      ],
      requiredDocuments: [
        { id: 'satzung', mandatory: true, label },
        { id: 'satzung', mandatory: false, label },
      ],
    });
    expect(pathsOf(call)).toEqual(['rubric.2.id duplicate-id', 'requiredDocuments.1.id duplicate-id']);
  });

  it('requires a rubric for competitive calls only', () => {
    expect(pathsOf(aCall({ selectionMode: 'competitive', rubric: [] }))).toEqual(['rubric rubric-required']);
    expect(pathsOf(aCall({ selectionMode: 'rolling', rubric: [] }))).toEqual([]);
  });

  it('reports every broken rule at once, each in German and English', () => {
    const violations = callRuleViolations(
      aCall({
        opensAt: '2027-02-01T00:00:00+01:00',
        closesAt: '2027-01-01T00:00:00+01:00',
        selectionMode: 'competitive',
        rubric: [],
      }),
    );
    expect(violations.map((v) => v.path)).toEqual(['closesAt', 'rubric']);
    for (const v of violations) {
      expect(v.message.de).not.toEqual(v.message.en);
      expect(v.message.de.length).toBeGreaterThan(10);
    }
  });
});

describe('lockedChanges (what applications freeze)', () => {
  const before = aCall({ closesAt: '2027-01-31T23:59:59+01:00', budgetCents: 10_000_000 });

  it('allows a later deadline, new display texts and a larger budget', () => {
    const after: Call = {
      ...before,
      closesAt: '2027-02-28T23:59:59+01:00',
      title: { de: 'Neuer Titel', en: 'New title' },
      summary: { ...before.summary, en: 'Fixed translation.' },
      budgetCents: 12_000_000,
    };
    expect(callChanges(before, after).sort()).toEqual(
      ['budgetCents', 'closesAt', 'summary.en', 'title.de', 'title.en'].sort(),
    );
    expect(lockedChanges(before, after)).toEqual([]);
  });

  it('locks an earlier deadline and a smaller budget', () => {
    const after = { ...before, closesAt: '2027-01-15T23:59:59+01:00', budgetCents: 9_000_000 };
    expect(lockedChanges(before, after).sort()).toEqual(['budgetCents', 'closesAt']);
  });

  it('names the changed rule, not just the group it is in', () => {
    const after = { ...before, rules: { ...before.rules, maxGrantCents: 2_000_000 } };
    expect(lockedChanges(before, after)).toEqual(['rules.maxGrantCents']);
  });

  it('locks everything that decides who may apply, for what and how they are judged', () => {
    const label = { de: 'x', en: 'x' };
    const after: Call = {
      ...before,
      programme: { ...before.programme, de: 'Andere Richtlinie' },
      opensAt: '2026-12-01T00:00:00+01:00',
      selectionMode: 'competitive',
      financingType: 'deficit',
      referencePrefix: 'IM-2027-X',
      eligibleLegalForms: ['ggmbh'],
      projectPeriod: { ...before.projectPeriod, maxMonths: 6 },
      requiredDocuments: [{ id: 'satzung', mandatory: true, label }],
      rubric: [{ id: 'konzept', weight: 2, label: { de: 'Konzept', en: 'Concept' } }],
    };
    expect(lockedChanges(before, after).sort()).toEqual(
      [
        'eligibleLegalForms',
        'financingType',
        'opensAt',
        'programme.de',
        'projectPeriod.maxMonths',
        'referencePrefix',
        'requiredDocuments',
        'rubric',
        'selectionMode',
      ].sort(),
    );
  });

  it('sees no change where only the notation differs (UTC offset, key order)', () => {
    const after: Call = {
      ...before,
      closesAt: '2027-01-31T22:59:59.000Z',
      rules: {
        adminFlatRateBps: before.rules.adminFlatRateBps,
        minOwnShareBps: before.rules.minOwnShareBps,
        maxFundingRateBps: before.rules.maxFundingRateBps,
        maxGrantCents: before.rules.maxGrantCents,
      },
      rubric: before.rubric.map(({ weight, label, id }) => ({
        weight,
        label: { en: label.en, de: label.de },
        id,
      })),
    };
    expect(callChanges(before, after)).toEqual([]);
  });
});
