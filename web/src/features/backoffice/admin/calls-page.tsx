import { Link } from 'react-router';
import type { AdminCallView } from '#shared/api/schemas/call.schema.ts';
import { ListLoadStatus, useListLoad } from '../../../components/list-load.tsx';
import { Page } from '../../../components/page.tsx';
import { formatEuro, formatInstantDate } from '../../../format.ts';
import { adminCalls } from '../../../i18n/admin.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import './admin.css';

const PHASES = ['open', 'upcoming', 'closed'] as const;

/**
 * /backoffice/admin/calls — every call, by phase (open, upcoming, closed: GET /api/admin/calls), each
 * with its procedure, application period, budget and number of applications, and the ways on: edit
 * it, see its budget, or create a new one.
 */
export function AdminCallsPage() {
  const { language } = useLanguage();
  const t = adminCalls[language];
  const { load, reload } = useListLoad<AdminCallView>('/api/admin/calls');

  return (
    <Page title={t.listTitle}>
      <p className="lead">{t.listIntro}</p>
      <p>
        <Link to="/backoffice/admin/calls/new" className="button">
          {t.newCall}
        </Link>
      </p>
      <ListLoadStatus load={load} failedText={t.loadFailed} retryText={t.retry} onRetry={reload} />
      {load.state === 'loaded'
        ? PHASES.map((phase) => {
            const items = load.items.filter((call) => call.phase === phase);
            return (
              <section key={phase} aria-labelledby={`calls-${phase}`}>
                <h2 id={`calls-${phase}`}>
                  {t.phases[phase]} ({items.length})
                </h2>
                {items.length === 0 ? (
                  <p>{t.phaseEmpty[phase]}</p>
                ) : (
                  <div className="table-scroll">
                    <table className="data-table">
                      <thead>
                        <tr>
                          <th scope="col">{t.columnTitle}</th>
                          <th scope="col">{t.columnSelection}</th>
                          <th scope="col">{t.columnPeriod}</th>
                          <th scope="col" className="number">
                            {t.columnBudget}
                          </th>
                          <th scope="col" className="number">
                            {t.columnApplications}
                          </th>
                          <th scope="col">{t.columnActions}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {items.map((call) => (
                          <tr key={call.id}>
                            <th scope="row">
                              {call.title[language]}
                              <br />
                              <span className="muted">{t.strands[call.strand]}</span>
                            </th>
                            <td>{t.selectionNames[call.selectionMode]}</td>
                            <td>
                              {t.periodRange(
                                formatInstantDate(call.opensAt, language),
                                formatInstantDate(call.closesAt, language),
                              )}
                            </td>
                            <td className="number">{formatEuro(call.budgetCents, language)}</td>
                            <td className="number">{call.applicationCount}</td>
                            <td>
                              <ul className="inline-links">
                                <li>
                                  <Link to={`/backoffice/admin/calls/${call.id}`}>
                                    {t.edit}
                                    <span className="visually-hidden"> ({call.title[language]})</span>
                                  </Link>
                                </li>
                                <li>
                                  <Link to={`/backoffice/admin/calls/${call.id}/budget`}>
                                    {t.budgetLink}
                                    <span className="visually-hidden"> ({call.title[language]})</span>
                                  </Link>
                                </li>
                              </ul>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>
            );
          })
        : null}
    </Page>
  );
}
