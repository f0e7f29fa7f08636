import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type { DraftContent, FinanceTotals } from '#shared/api/schemas/draft.schema.ts';
import { staffLineCostCents } from '#shared/domain/finance-rules.ts';
import { INPUT_TAX_NAMES, REGION_NAMES, TARGET_GROUP_NAMES } from '#shared/letters/labels.ts';
import { FinanceFigures } from '../../../components/finance-figures.tsx';
import { formatDate, formatEuro, formatPercent } from '../../../format.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import { review as messages } from '../../../i18n/review.ts';

/** The project as the applicants described it: summary, target groups, place, period, declarations. */
export function ProjectSection({ content }: { content: DraftContent }) {
  const { language } = useLanguage();
  const t = messages[language];
  const declarations = content.declarations ?? {};
  const period = content.projectPeriod;
  return (
    <section className="review-section" id="project" aria-labelledby="project-heading">
      <h2 id="project-heading">{t.projectHeading}</h2>
      <dl className="review-facts">
        <div>
          <dt>{t.summary}</dt>
          <dd className="preserve-lines">{content.summary ?? t.notGiven}</dd>
        </div>
        <div>
          <dt>{t.targetGroups}</dt>
          <dd>
            {content.targetGroups?.length
              ? content.targetGroups.map((group) => TARGET_GROUP_NAMES[group][language]).join(', ')
              : t.notGiven}
          </dd>
        </div>
        <div>
          <dt>{t.region}</dt>
          <dd>{content.region ? REGION_NAMES[content.region][language] : t.notGiven}</dd>
        </div>
        <div>
          <dt>{t.period}</dt>
          <dd>
            {period?.start && period.end
              ? t.periodValue(formatDate(period.start, language), formatDate(period.end, language))
              : t.notGiven}
          </dd>
        </div>
      </dl>
      <h3>{t.declarationsHeading}</h3>
      <dl className="review-facts">
        <div>
          <dt>{t.notStartedYet}</dt>
          <dd>{declarations.notStartedYet ? t.yes : t.no}</dd>
        </div>
        <div>
          <dt>{t.earlyStart}</dt>
          <dd>{declarations.earlyStartRequested ? t.yes : t.no}</dd>
        </div>
        {declarations.earlyStartRequested && declarations.earlyStartReason ? (
          <div>
            <dt>{t.earlyStartReason}</dt>
            <dd className="preserve-lines">{declarations.earlyStartReason}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t.deMinimis}</dt>
          <dd>
            {declarations.deMinimisReceived && declarations.deMinimisAmountCents !== undefined
              ? formatEuro(declarations.deMinimisAmountCents, language)
              : t.deMinimisNone}
          </dd>
        </div>
        <div>
          <dt>{t.inputTax}</dt>
          <dd>
            {declarations.inputTaxDeduction
              ? INPUT_TAX_NAMES[declarations.inputTaxDeduction][language]
              : t.notGiven}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/**
 * The Kosten- und Finanzierungsplan line by line — staff with pay grade, share of full time and months;
 * material; fees; third-party funds; the split by year — and its figures (FinanceFigures, the same the
 * applicants saw while filling it in), from the totals the API computed with the shared finance rules.
 */
export function FinancePlanSection({
  content,
  totals,
  call,
}: {
  content: DraftContent;
  totals: FinanceTotals;
  call: CallView;
}) {
  const { language } = useLanguage();
  const t = messages[language];
  const plan = content.financePlan ?? {};
  const euro = (cents: number) => formatEuro(cents, language);
  return (
    <section className="review-section" id="finance" aria-labelledby="finance-heading">
      <h2 id="finance-heading">{t.financeHeading}</h2>
      <div className="table-scroll">
        <table className="data-table">
          <caption>{t.staffCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columnRoleStaff}</th>
              <th scope="col">{t.columnPayGrade}</th>
              <th scope="col" className="number">
                {t.columnShare}
              </th>
              <th scope="col" className="number">
                {t.columnMonths}
              </th>
              <th scope="col" className="number">
                {t.columnMonthly}
              </th>
              <th scope="col" className="number">
                {t.columnAmount}
              </th>
            </tr>
          </thead>
          <tbody>
            {(plan.staff ?? []).map((line) => (
              <tr key={line.id}>
                <th scope="row">{line.role}</th>
                <td>{line.payGrade}</td>
                <td className="number">{formatPercent(line.hoursShareBps, language)}</td>
                <td className="number">{line.months}</td>
                <td className="number">{euro(line.monthlyFullTimeCents)}</td>
                <td className="number">{euro(staffLineCostCents(line))}</td>
              </tr>
            ))}
            {plan.staff?.length ? null : <EmptyRow columns={6} text={t.noLines} />}
          </tbody>
        </table>
      </div>
      <CostTable caption={t.materialCaption} lines={plan.material ?? []} />
      <CostTable caption={t.feesCaption} lines={plan.fees ?? []} />
      <p>
        {plan.claimsAdminFlatRate
          ? t.adminFlatRateClaimed(formatPercent(call.rules.adminFlatRateBps, language))
          : t.adminFlatRateNotClaimed}
      </p>
      <table className="data-table">
        <caption>{t.thirdPartyCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columnSource}</th>
            <th scope="col">{t.columnFundStatus}</th>
            <th scope="col" className="number">
              {t.columnAmount}
            </th>
          </tr>
        </thead>
        <tbody>
          {(plan.thirdParty ?? []).map((line) => (
            <tr key={line.id}>
              <th scope="row">{line.source}</th>
              <td>{line.status === 'granted' ? t.fundGranted : t.fundApplied}</td>
              <td className="number">{euro(line.amountCents)}</td>
            </tr>
          ))}
          {plan.thirdParty?.length ? null : <EmptyRow columns={3} text={t.noLines} />}
        </tbody>
      </table>
      {plan.perYear?.length ? (
        <table className="data-table">
          <caption>{t.perYearCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columnYear}</th>
              <th scope="col" className="number">
                {t.columnAmount}
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.perYear.map((entry) => (
              <tr key={entry.year}>
                <th scope="row">{entry.year}</th>
                <td className="number">{euro(entry.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="finance-overview review-figures">
        <h3>{t.figuresHeading}</h3>
        <FinanceFigures totals={totals} rules={call.rules} />
      </div>
    </section>
  );
}

function CostTable({
  caption,
  lines,
}: {
  caption: string;
  lines: readonly { id: string; description: string; amountCents: number }[];
}) {
  const { language } = useLanguage();
  const t = messages[language];
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.columnDescription}</th>
          <th scope="col" className="number">
            {t.columnAmount}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id}>
            <th scope="row">{line.description}</th>
            <td className="number">{formatEuro(line.amountCents, language)}</td>
          </tr>
        ))}
        {lines.length ? null : <EmptyRow columns={2} text={t.noLines} />}
      </tbody>
    </table>
  );
}

function EmptyRow({ columns, text }: { columns: number; text: string }) {
  return (
    <tr>
      <td colSpan={columns}>{text}</td>
    </tr>
  );
}
