import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { AdminCallView } from '#shared/api/schemas/call.schema.ts';
import { api } from '../../../api.ts';
import { Page } from '../../../components/page.tsx';
import { formatEuro, formatInstantDate } from '../../../format.ts';
import { adminCalls } from '../../../i18n/admin.ts';
import { common } from '../../../i18n/common.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import './admin.css';

type Load = { state: 'loading' } | { state: 'failed' } | { state: 'loaded'; items: AdminCallView[] };

const PHASES = ['open', 'upcoming', 'closed'] as const;

/**
 * /backoffice/admin/calls — every call, by phase (open, upcoming, closed: GET /api/admin/calls), each
 * with its procedure, application period, budget and number of applications, and the ways on: edit
 * it, see its budget, or create a new one.
 */
export function AdminCallsPage() {
  const { language } = useLanguage();
  const t = adminCalls[language];
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const fetchCalls = useCallback(async (signal?: AbortSignal) => {
    setLoad({ state: 'loading' });
    try {
      const { body } = await api<{ items: AdminCallView[] }>('GET', '/api/admin/calls', { signal });
      setLoad({ state: 'loaded', items: body.items });
    } catch {
      if (!signal?.aborted) setLoad({ state: 'failed' });
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void fetchCalls(controller.signal);
    return () => controller.abort();
  }, [fetchCalls]);

  return (
    <Page title={t.listTitle}>
      <p className="lead">{t.listIntro}</p>
      <p>
        <Link to="/backoffice/admin/calls/new" className="button">
          {t.newCall}
        </Link>
      </p>
      {load.state === 'loading' ? <p aria-busy="true">{common[language].loading}</p> : null}
      {load.state === 'failed' ? (
        <div className="notice notice--error" role="alert">
          <p>{t.loadFailed}</p>
          <button type="button" className="button" onClick={() => void fetchCalls()}>
            {t.retry}
          </button>
        </div>
      ) : null}
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
