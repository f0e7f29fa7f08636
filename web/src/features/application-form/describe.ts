import type { CostLine, DraftContent, StaffLine, ThirdPartyFunds } from '#shared/api/schemas/draft.schema.ts';
import { staffLineCostCents } from '#shared/domain/finance-rules.ts';
import { INPUT_TAX_NAMES, REGION_NAMES, TARGET_GROUP_NAMES } from '#shared/letters/labels.ts';
import { formatDate, formatEuro, formatPercent } from '../../format.ts';
import { applicationForm } from '../../i18n/application-form.ts';
import type { Language } from '../../i18n/messages.ts';
import { type FieldUnit, getAt } from './draft-form.ts';

/**
 * Each part of a draft in words, for the summary and for a version conflict ("Ihre Eingabe" next to
 * "gespeicherter Stand"). Values are from the draft (cents, basis points), possibly half filled.
 */

/** What a unit is called: the label of its field, or the heading of its list. */
export function unitLabel(unit: FieldUnit, language: Language): string {
  const t = applicationForm[language];
  const labels: Record<FieldUnit, string> = {
    title: t.titleLabel,
    summary: t.summaryLabel,
    targetGroups: t.targetGroupsLegend,
    region: t.regionLabel,
    'projectPeriod.start': t.startLabel,
    'projectPeriod.end': t.endLabel,
    'declarations.notStartedYet': t.notStartedYet,
    'declarations.earlyStartRequested': t.earlyStartRequested,
    'declarations.earlyStartReason': t.earlyStartReason,
    'declarations.subsidyFactsAcknowledged': t.subsidyFactsAcknowledged,
    'declarations.deMinimisReceived': t.deMinimisLegend,
    'declarations.deMinimisAmountCents': t.deMinimisAmount,
    'declarations.inputTaxDeduction': t.inputTaxLegend,
    'declarations.electronicNotificationConsent': t.consent,
    'financePlan.staff': t.staffHeading,
    'financePlan.material': t.materialHeading,
    'financePlan.fees': t.feesHeading,
    'financePlan.claimsAdminFlatRate': t.adminFlatRateTotal,
    'financePlan.perYear': t.perYearHeading,
    'financePlan.ownContributionCents': t.ownContribution,
    'financePlan.thirdParty': t.thirdPartyHeading,
    'financePlan.requestedGrantCents': t.requestedGrant,
  };
  return labels[unit];
}

/** A unit's value in words; empty lists and fields say so. */
export function describeUnit(unit: FieldUnit, content: DraftContent, language: Language): string {
  const t = applicationForm[language];
  const value = getAt(content, unit);
  const euro = (cents: unknown) => (typeof cents === 'number' ? formatEuro(cents, language) : '?');
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    // A box not ticked is an answer ("Nein"), not an empty field.
    if (isTickBox(unit)) return t.notTicked;
    return t.notEntered;
  }
  switch (unit) {
    case 'targetGroups':
      return (value as (keyof typeof TARGET_GROUP_NAMES)[])
        .map((group) => capitalise(TARGET_GROUP_NAMES[group][language]))
        .join(', ');
    case 'region':
      return REGION_NAMES[value as keyof typeof REGION_NAMES][language];
    case 'projectPeriod.start':
    case 'projectPeriod.end':
      return formatDate(value as string, language);
    case 'declarations.inputTaxDeduction':
      return capitalise(INPUT_TAX_NAMES[value as keyof typeof INPUT_TAX_NAMES][language]);
    case 'declarations.deMinimisAmountCents':
    case 'financePlan.ownContributionCents':
    case 'financePlan.requestedGrantCents':
      return euro(value);
    case 'financePlan.staff':
      return (value as Partial<StaffLine>[])
        .map((line) => {
          const share =
            typeof line.hoursShareBps === 'number' ? formatPercent(line.hoursShareBps, language) : '?';
          const cost =
            typeof line.hoursShareBps === 'number' &&
            typeof line.months === 'number' &&
            typeof line.monthlyFullTimeCents === 'number'
              ? euro(staffLineCostCents(line as StaffLine))
              : '?';
          return `${line.role ?? '?'} (${line.payGrade ?? '?'}, ${share}, ${typeof line.months === 'number' ? t.monthCount(line.months) : '?'}): ${cost}`;
        })
        .join('; ');
    case 'financePlan.material':
    case 'financePlan.fees':
      return (value as Partial<CostLine>[])
        .map((line) => `${line.description ?? '?'}: ${euro(line.amountCents)}`)
        .join('; ');
    case 'financePlan.thirdParty':
      return (value as Partial<ThirdPartyFunds>[])
        .map(
          (line) =>
            `${line.source ?? '?'}: ${euro(line.amountCents)} (${line.status === 'granted' ? t.statusGranted : t.statusApplied})`,
        )
        .join('; ');
    case 'financePlan.perYear':
      return (value as { year?: number; amountCents?: number }[])
        .map((entry) => `${entry.year ?? '?'}: ${euro(entry.amountCents)}`)
        .join('; ');
    case 'declarations.deMinimisReceived':
      return value ? t.yes : t.no;
    default:
      if (typeof value === 'boolean') return value ? t.ticked : t.notTicked;
      return String(value);
  }
}

function isTickBox(unit: FieldUnit): boolean {
  return (
    unit === 'financePlan.claimsAdminFlatRate' ||
    (unit.startsWith('declarations.') &&
      ![
        'declarations.earlyStartReason',
        'declarations.deMinimisReceived',
        'declarations.deMinimisAmountCents',
        'declarations.inputTaxDeduction',
      ].includes(unit))
  );
}

/** The shared names are lower case in English ("refugees"); as a choice of its own it starts capitalised. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
