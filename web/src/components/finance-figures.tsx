import type * as z from 'zod/mini';
import type { FinanceRules } from '#shared/api/schemas/call.schema.ts';
import type { FinanceTotals } from '#shared/api/schemas/draft.schema.ts';
import { formatEuro, formatPercent } from '../format.ts';
import { financeFigures } from '../i18n/finance-figures.ts';
import { useLanguage } from '../i18n/language.tsx';

/**
 * The figures of a finance plan — costs by kind, total costs, financing, funding rate and own share
 * against the call's limits — as computed by the shared finance rules (financeTotals/checkDraft). Used
 * by the application form's live overview and by the back office's application view, so both read
 * the same figures the same way.
 */
export function FinanceFigures({
  totals,
  rules,
}: {
  totals: FinanceTotals;
  rules: Pick<z.infer<typeof FinanceRules>, 'maxFundingRateBps' | 'minOwnShareBps' | 'adminFlatRateBps'>;
}) {
  const { language } = useLanguage();
  const t = financeFigures[language];
  const euro = (cents: number) => formatEuro(cents, language);
  const percent = (bps: number) => formatPercent(bps, language);
  return (
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
