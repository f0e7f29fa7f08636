import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApplicationStatus } from '#shared/api/schemas/application.schema.ts';
import type { AdminCallView } from '#shared/api/schemas/call.schema.ts';
import type { CallBudgetView } from '#shared/api/schemas/decision.schema.ts';
import { ApiError, api } from '../../../api.ts';
import { Page } from '../../../components/page.tsx';
import { formatEuro, formatPercent } from '../../../format.ts';
import { adminBudget } from '../../../i18n/admin.ts';
import { common } from '../../../i18n/common.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import type { Language } from '../../../i18n/messages.ts';
import './admin.css';

type Load =
  | { state: 'loading' }
  | { state: 'not-found' }
  | { state: 'failed' }
  | { state: 'loaded'; call: AdminCallView; budget: CallBudgetView };

/**
 * /backoffice/admin/calls/:callId/budget — a call's budget (GET …/budget): a chart of what approvals
 * have committed and what remains, the same figures as a table (the chart is an image with its own
 * description, the table is for reading and copying), and the applications per status.
 */
export function BudgetPage() {
  const { callId = '' } = useParams();
  const { language } = useLanguage();
  const t = adminBudget[language];
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void attempt;
    const controller = new AbortController();
    const path = `/api/admin/calls/${encodeURIComponent(callId)}`;
    setLoad({ state: 'loading' });
    Promise.all([
      api<AdminCallView>('GET', path, { signal: controller.signal }),
      api<CallBudgetView>('GET', `${path}/budget`, { signal: controller.signal }),
    ]).then(
      ([call, budget]) => setLoad({ state: 'loaded', call: call.body, budget: budget.body }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
        setLoad({ state: missing ? 'not-found' : 'failed' });
      },
    );
    return () => controller.abort();
  }, [callId, attempt]);

  const title = load.state === 'loaded' ? t.title(load.call.title[language]) : t.pageTitle;
  return (
    <Page title={title}>
      <p>
        <Link to="/backoffice/admin/calls">{t.backToList}</Link>
        {load.state === 'loaded' ? (
          <>
            {' · '}
            <Link to={`/backoffice/admin/calls/${load.call.id}`}>{t.editCall}</Link>
          </>
        ) : null}
      </p>
      {load.state === 'loading' ? <p aria-busy="true">{common[language].loading}</p> : null}
      {load.state === 'not-found' ? <p className="notice notice--error">{t.notFound}</p> : null}
      {load.state === 'failed' ? (
        <div className="notice notice--error" role="alert">
          <p>{t.loadFailed}</p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t.retry}
          </button>
        </div>
      ) : null}
      {load.state === 'loaded' ? <BudgetFigures budget={load.budget} language={language} /> : null}
    </Page>
  );
}

/** A share of the budget in basis points (0 when there is no budget), for percentages and bar lengths. */
export function shareBps(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) : 0;
}

function BudgetFigures({ budget, language }: { budget: CallBudgetView; language: Language }) {
  const t = adminBudget[language];
  const amounts = {
    budget: formatEuro(budget.budgetCents, language),
    committed: formatEuro(budget.committedCents, language),
    remaining: formatEuro(budget.remainingCents, language),
  };
  const rows = [
    { key: 'budget', label: t.budget, cents: budget.budgetCents },
    { key: 'committed', label: t.committed, cents: budget.committedCents },
    { key: 'remaining', label: t.remaining, cents: budget.remainingCents },
  ] as const;
  const total = budget.applicationCount;
  const most = Math.max(1, ...Object.values(budget.applicationsByStatus));
  return (
    <>
      <p>
        {t.intro} {t.selection[budget.selectionMode]}.
      </p>
      <section aria-labelledby="budget-figures">
        <h2 id="budget-figures">{t.figuresHeading}</h2>
        <BudgetChart budget={budget} language={language} />
        <ul className="budget-legend" aria-hidden="true">
          <li>
            <span className="budget-legend__swatch budget-legend__swatch--committed" />
            {t.committed}: {amounts.committed}
          </li>
          <li>
            <span className="budget-legend__swatch budget-legend__swatch--remaining" />
            {t.remaining}: {amounts.remaining}
          </li>
        </ul>
        <table className="data-table budget-table">
          <caption className="visually-hidden">{t.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columnItem}</th>
              <th scope="col" className="number">
                {t.columnAmount}
              </th>
              <th scope="col" className="number">
                {t.columnShare}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td className="number">{formatEuro(row.cents, language)}</td>
                <td className="number">{formatPercent(shareBps(row.cents, budget.budgetCents), language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="budget-statuses">
        <h2 id="budget-statuses">{t.statusHeading}</h2>
        <table className="data-table status-table">
          <caption className="visually-hidden">{t.statusCaption(total)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columnStatus}</th>
              <th scope="col" className="number">
                {t.columnCount}
              </th>
            </tr>
          </thead>
          <tbody>
            {ApplicationStatus.options.map((status) => {
              const count = budget.applicationsByStatus[status] ?? 0;
              return (
                <tr key={status}>
                  <th scope="row">{t.statuses[status]}</th>
                  <td className="number">
                    {count}
                    <span
                      className="status-bar"
                      aria-hidden="true"
                      style={{ width: `${(count / most) * 8}rem` }}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.total}</th>
              <td className="number">{total}</td>
            </tr>
          </tfoot>
        </table>
      </section>
    </>
  );
}

/**
 * One horizontal bar, the length of the budget: the committed part filled, the remaining part light.
 * An image with a title and a description that say the same figures, so it needs no chart library and
 * reads the same to everyone.
 */
export function BudgetChart({ budget, language }: { budget: CallBudgetView; language: Language }) {
  const t = adminBudget[language];
  const width = 600;
  const barWidth = 560;
  const committed =
    (barWidth * shareBps(Math.min(budget.committedCents, budget.budgetCents), budget.budgetCents)) / 10_000;
  const description = t.chartDescription(
    formatEuro(budget.budgetCents, language),
    formatEuro(budget.committedCents, language),
    formatEuro(budget.remainingCents, language),
  );
  return (
    <svg
      className="budget-chart"
      viewBox={`0 0 ${width} 90`}
      role="img"
      aria-labelledby="budget-chart-title budget-chart-desc"
    >
      <title id="budget-chart-title">{t.chartTitle}</title>
      <desc id="budget-chart-desc">{description}</desc>
      <rect className="budget-chart__remaining" x={20} y={20} width={barWidth} height={36} />
      {committed > 0 ? (
        <rect className="budget-chart__committed" x={20} y={20} width={committed} height={36} />
      ) : null}
      <text className="budget-chart__label" x={20} y={76}>
        0
      </text>
      <text className="budget-chart__label" x={20 + barWidth} y={76} textAnchor="end">
        {formatEuro(budget.budgetCents, language)}
      </text>
    </svg>
  );
}
