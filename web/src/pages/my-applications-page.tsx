import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { ApplicationStatus, ApplicationSummary } from '#shared/api/schemas/application.schema.ts';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type { OrganisationView } from '#shared/api/schemas/organisation.schema.ts';
import { api } from '../api.ts';
import { Page } from '../components/page.tsx';
import { formatDateTime } from '../format.ts';
import { common } from '../i18n/common.ts';
import { useLanguage } from '../i18n/language.tsx';
import { myApplications } from '../i18n/my-applications.ts';

interface Loaded {
  items: ApplicationSummary[];
  organisations: Map<string, string>;
  calls: Map<string, CallView>;
}
type Load = { state: 'loading' } | { state: 'failed' } | ({ state: 'loaded' } & Loaded);

/** Where an application is worked on: the form while it can be edited, else its status page. */
export function applicationPath(application: { id: string; status: ApplicationStatus }): string {
  const editable = application.status === 'DRAFT' || application.status === 'INCOMPLETE';
  return editable ? `/applications/${application.id}/edit` : `/applications/${application.id}`;
}

async function loadAll(signal: AbortSignal): Promise<Loaded> {
  const [applications, organisations] = await Promise.all([
    api<{ items: ApplicationSummary[] }>('GET', '/api/applications', { signal }),
    api<{ items: OrganisationView[] }>('GET', '/api/organisations', { signal }),
  ]);
  const items = applications.body.items;
  // The list names calls by id; their titles come from the public call (closed ones too).
  const callIds = [...new Set(items.map((item) => item.callId))];
  const calls = await Promise.all(
    callIds.map((id) =>
      api<CallView>('GET', `/api/calls/${encodeURIComponent(id)}`, { auth: false, signal }).then(
        ({ body }) => body,
        () => undefined,
      ),
    ),
  );
  return {
    items,
    organisations: new Map(organisations.body.items.map((o) => [o.id, o.legalName])),
    calls: new Map(calls.flatMap((call) => (call ? [[call.id, call] as const] : []))),
  };
}

/**
 * /applications — every application of the caller's organisations (GET /api/applications), the most
 * recently changed first, with organisation, call, status in plain words, reference and last change
 * (Berlin time), each linking to its form or status page.
 */
export function MyApplicationsPage() {
  const { language } = useLanguage();
  const t = myApplications[language];
  const c = common[language];
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    loadAll(controller.signal).then(
      (loaded) => setLoad({ state: 'loaded', ...loaded }),
      () => {
        if (!controller.signal.aborted) setLoad({ state: 'failed' });
      },
    );
    return () => controller.abort();
  }, []);

  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      {load.state === 'loading' ? <p aria-busy="true">{c.loading}</p> : null}
      {load.state === 'failed' ? (
        <p className="notice notice--error" role="alert">
          {t.loadFailed}
        </p>
      ) : null}
      {load.state === 'loaded' && load.items.length === 0 ? (
        <>
          <p>{t.empty}</p>
          <p>
            <Link to="/">{t.toCalls}</Link>
          </p>
        </>
      ) : null}
      {load.state === 'loaded' && load.items.length > 0 ? (
        <ul className="card-list">
          {load.items.map((application) => {
            const call = load.calls.get(application.callId);
            return (
              <li key={application.id} className="card">
                <h2>
                  <Link to={applicationPath(application)}>{application.title}</Link>
                </h2>
                <dl className="card-facts">
                  <div>
                    <dt>{t.status}</dt>
                    <dd>
                      <strong>{t.statusLabel[application.status]}</strong>
                      {application.processing ? ` (${t.processing})` : null}
                    </dd>
                  </div>
                  <div>
                    <dt>{t.organisation}</dt>
                    <dd>{load.organisations.get(application.orgId) ?? t.unknownOrganisation}</dd>
                  </div>
                  <div>
                    <dt>{t.call}</dt>
                    <dd>{call ? call.title[language] : t.unknownCall(application.callId)}</dd>
                  </div>
                  <div>
                    <dt>{t.reference}</dt>
                    <dd>{application.reference ?? t.referencePending}</dd>
                  </div>
                  <div>
                    <dt>{t.lastChange}</dt>
                    <dd>{formatDateTime(application.updatedAt, language)}</dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ul>
      ) : null}
    </Page>
  );
}
