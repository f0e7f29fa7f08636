import { describe, expect, it } from 'vitest';
import { DraftContent } from '../../../../shared/api/schemas/draft.schema.ts';
import { checkDraft } from '../../../../shared/domain/finance-rules.ts';
import { applyMergePatch } from '../../../../shared/domain/merge-patch.ts';
import {
  createMergePatch,
  forRulesCheck,
  mergeThreeWays,
  normalise,
  planSave,
  toDraftContent,
  toFormValues,
  unitOf,
} from '../../../../web/src/features/application-form/draft-form.ts';
import { aCall } from '../../../support/calls.ts';
import { aCompleteDraftContent } from '../../../support/drafts.ts';

const complete = (): DraftContent =>
  ({ title: 'Sprachcafé für Familien', ...aCompleteDraftContent() }) as DraftContent;

describe('the application form’s values', () => {
  it('show a stored draft in the units people type, and read back the same draft', () => {
    const values = toFormValues(complete(), 'de');
    expect(values.financePlan.staff[0]).toEqual({
      id: 'leitung',
      role: 'Projektleitung',
      payGrade: 'E9',
      hoursShareBps: '20',
      months: '12',
      monthlyFullTimeCents: '4.800,00',
    });
    expect(values.financePlan.requestedGrantCents).toBe('14.402,00');
    expect(values.declarations.deMinimisReceived).toBe('no');
    for (const language of ['de', 'en'] as const) {
      const { content, inputErrors } = toDraftContent(toFormValues(complete(), language), language);
      expect(inputErrors).toEqual([]);
      // Only "false" answers of plain boxes read back as not ticked; the rules treat both alike.
      const { earlyStartRequested: _, ...declarations } = complete().declarations ?? {};
      expect(content).toEqual({ ...complete(), declarations });
      expect(DraftContent.safeParse(content).success).toBe(true);
    }
  });

  it('reads euros as cents and percentages as basis points, and names what it cannot read', () => {
    const values = toFormValues({ title: 'Elterncafé' }, 'de');
    values.financePlan.staff.push({
      id: 'a',
      role: ' Sozialarbeit ',
      payGrade: 'S12',
      hoursShareBps: '37,5',
      months: '10',
      monthlyFullTimeCents: '5.123,45',
    });
    values.financePlan.material.push({ id: 'm', description: 'Miete', amountCents: '12.50' });
    values.financePlan.ownContributionCents = '500';
    const { content, inputErrors } = toDraftContent(values, 'de');
    expect(content.financePlan?.staff?.[0]).toEqual({
      id: 'a',
      role: 'Sozialarbeit',
      payGrade: 'S12',
      hoursShareBps: 3750,
      months: 10,
      monthlyFullTimeCents: 512_345,
    });
    expect(content.financePlan?.ownContributionCents).toBe(50_000);
    expect(content.financePlan?.material?.[0]).toEqual({ id: 'm', description: 'Miete' });
    expect(inputErrors).toEqual([
      { path: 'financePlan.material.0.amountCents', problem: { kind: 'amount', problem: 'format' } },
    ]);
  });

  it('refuses a share of more than full time and a full-time month above 20,000 €', () => {
    const values = toFormValues({ title: 'Elterncafé' }, 'en');
    values.financePlan.staff.push({
      id: 'a',
      role: 'Lead',
      payGrade: 'E9',
      hoursShareBps: '120',
      months: '12',
      monthlyFullTimeCents: '20,000.01',
    });
    expect(toDraftContent(values, 'en').inputErrors).toEqual([
      { path: 'financePlan.staff.0.hoursShareBps', problem: { kind: 'percent', problem: 'range' } },
      {
        path: 'financePlan.staff.0.monthlyFullTimeCents',
        problem: { kind: 'amount', problem: 'too-large', maxCents: 2_000_000 },
      },
    ]);
  });

  it('lets the finance rules compute half-filled lines, each violation on its own line', () => {
    const values = toFormValues(complete(), 'de');
    values.financePlan.staff.push({
      id: 'neu',
      role: 'Kinderbetreuung',
      payGrade: '',
      hoursShareBps: '',
      months: '14',
      monthlyFullTimeCents: '',
    });
    const { content } = toDraftContent(values, 'de');
    const check = checkDraft(forRulesCheck(content), aCall());
    expect(check.violations.map((v) => v.path)).toEqual(['financePlan.staff.1.months']);
  });
});

describe('autosave', () => {
  it('sends only what changed, as a merge patch the server applies to the stored draft', () => {
    const stored = complete();
    const values = toFormValues(stored, 'de');
    values.summary = 'Neue Zusammenfassung';
    values.financePlan.ownContributionCents = '900,00';
    values.declarations.electronicNotificationConsent = false;
    const baseline = normalise(stored, 'de');
    const { content } = toDraftContent(values, 'de');
    const plan = planSave(baseline, content, []);
    expect(plan).toEqual({
      patch: {
        summary: 'Neue Zusammenfassung',
        declarations: { electronicNotificationConsent: null },
        financePlan: { ownContributionCents: 90_000 },
      },
      heldBack: [],
      dirty: true,
    });
    const merged = applyMergePatch(stored, plan.patch) as DraftContent;
    expect(merged.summary).toBe('Neue Zusammenfassung');
    expect(merged.declarations?.electronicNotificationConsent).toBeUndefined();
    expect(merged.financePlan?.staff).toEqual(stored.financePlan?.staff);
  });

  it('has nothing to send for an unchanged draft, whatever the stored form of "no" was', () => {
    const stored = complete();
    const { content } = toDraftContent(toFormValues(stored, 'en'), 'en');
    expect(planSave(normalise(stored, 'en'), content, [])).toEqual({
      patch: undefined,
      heldBack: [],
      dirty: false,
    });
  });

  it('holds back a list with a half-typed line and saves the rest; the form stays dirty', () => {
    const stored = complete();
    const values = toFormValues(stored, 'de');
    values.title = 'Sprachcafé für Familien in Grünau';
    values.financePlan.material.push({ id: 'neu', description: 'Mat', amountCents: 'zwölf' });
    const { content, inputErrors } = toDraftContent(values, 'de');
    const plan = planSave(
      normalise(stored, 'de'),
      content,
      inputErrors.map((e) => e.path),
    );
    expect(plan).toEqual({
      patch: { title: 'Sprachcafé für Familien in Grünau' },
      heldBack: ['financePlan.material'],
      dirty: true,
    });
  });

  it('names the unit of every field path', () => {
    expect(unitOf('financePlan.staff.2.months')).toBe('financePlan.staff');
    expect(unitOf('declarations.electronicNotificationConsent')).toBe(
      'declarations.electronicNotificationConsent',
    );
    expect(unitOf('projectPeriod.start')).toBe('projectPeriod.start');
    expect(unitOf('documents.satzung')).toBeUndefined();
  });

  it('writes merge patches that remove, replace lists whole and leave equal parts out', () => {
    expect(createMergePatch({ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 2 } })).toEqual({ b: { d: null } });
    expect(createMergePatch({ list: [1, 2] }, { list: [1, 3] })).toEqual({ list: [1, 3] });
    expect(createMergePatch({ list: [1, 2] }, { list: [1, 2] })).toBeUndefined();
    expect(createMergePatch({}, { x: { y: 1 } })).toEqual({ x: { y: 1 } });
  });
});

describe('a version conflict', () => {
  const base = complete();
  const mine = structuredClone(base);
  mine.summary = 'Meine Zusammenfassung';
  mine.region = 'dresden';
  const theirs = structuredClone(base);
  theirs.summary = 'Ihre Zusammenfassung';
  theirs.targetGroups = ['frauen'];
  theirs.region = 'dresden';

  it('keeps what only I changed, takes what only they changed, and asks where both differ', () => {
    const merge = mergeThreeWays(base, mine, theirs);
    expect(merge.conflicts).toEqual(['summary']);
    expect(merge.takenFromTheirs).toEqual(['targetGroups']);
    expect(merge.merged.summary).toBe('Meine Zusammenfassung');
    expect(merge.merged.targetGroups).toEqual(['frauen']);
    expect(merge.merged.region).toBe('dresden');
  });

  it('finds no conflict when both made the same change', () => {
    const same = structuredClone(base);
    same.summary = 'Meine Zusammenfassung';
    expect(mergeThreeWays(base, mine, same).conflicts).toEqual([]);
  });
});
