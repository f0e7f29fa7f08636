import { FinanceFigures } from '../../components/finance-figures.tsx';
import { useEditor } from './editor-context.tsx';

/**
 * The finance plan's figures as they stand while typing: computed by the shared finance rules
 * (checkDraft), the same module the API answers `totals` and `violations` with. The line about the rules
 * is a polite status, so a screen reader hears when the plan starts or stops meeting them.
 */
export function FinanceOverview({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const { t, check, call } = useEditor();
  const financeViolations = check.violations.filter((v) => v.path.startsWith('financePlan'));
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <aside className="finance-overview" aria-labelledby="finance-overview-heading">
      <Heading id="finance-overview-heading">{t.overviewHeading}</Heading>
      <FinanceFigures totals={check.totals} rules={call.rules} />
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
