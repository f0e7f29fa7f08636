import { formatEuro, formatPercent } from '../../format.ts';
import { useEditor } from './editor-context.tsx';

/**
 * The finance plan's figures as they stand while typing: computed by the shared finance rules
 * (checkDraft), the same module the API answers `totals` and `violations` with. The line about the rules
 * is a polite status, so a screen reader hears when the plan starts or stops meeting them.
 */
export function FinanceOverview({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const { t, check, call, language } = useEditor();
  const totals = check.totals;
  const rules = call.rules;
  const euro = (cents: number) => formatEuro(cents, language);
  const percent = (bps: number) => formatPercent(bps, language);
  const financeViolations = check.violations.filter((v) => v.path.startsWith('financePlan'));
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <aside className="finance-overview" aria-labelledby="finance-overview-heading">
      <Heading id="finance-overview-heading">{t.overviewHeading}</Heading>
      <dl className="figures">
        <Row label={t.staffTotal} value={euro(totals.staffCents)} />
        <Row label={t.materialTotal} value={euro(totals.materialCents)} />
        <Row label={t.feesTotal} value={euro(totals.feesCents)} />
        <Row label={t.directCosts} value={euro(totals.directCostsCents)} />
        {rules.adminFlatRateBps > 0 ? (
          <Row label={t.adminFlatRateTotal} value={euro(totals.adminFlatRateCents)} />
        ) : null}
        <Row label={t.totalCosts} value={euro(totals.totalCostsCents)} strong testId="total-costs" />
        <Row label={t.ownContributionTotal} value={euro(totals.ownContributionCents)} />
        <Row label={t.thirdPartyTotal} value={euro(totals.thirdPartyCents)} />
        <Row label={t.requestedGrantTotal} value={euro(totals.requestedGrantCents)} />
        <Row label={t.totalFinancing} value={euro(totals.totalFinancingCents)} strong />
        <Row
          label={t.fundingRate}
          testId="funding-rate"
          value={
            totals.fundingRateBps === undefined
              ? t.noCostsYet
              : t.rateOfAtMost(percent(totals.fundingRateBps), percent(rules.maxFundingRateBps))
          }
        />
        <Row
          label={t.ownShare}
          testId="own-share"
          value={
            totals.ownShareBps === undefined
              ? t.noCostsYet
              : t.rateOfAtLeast(percent(totals.ownShareBps), percent(rules.minOwnShareBps))
          }
        />
      </dl>
      <p
        role="status"
        className={
          financeViolations.length ? 'figures__verdict figures__verdict--broken' : 'figures__verdict'
        }
      >
        {financeViolations.length ? t.rulesBroken(financeViolations.length) : t.rulesMet}
      </p>
    </aside>
  );
}

function Row({
  label,
  value,
  strong,
  testId,
}: {
  label: string;
  value: string;
  strong?: boolean;
  testId?: string;
}) {
  return (
    <div className={strong ? 'figures__row figures__row--strong' : 'figures__row'}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}
