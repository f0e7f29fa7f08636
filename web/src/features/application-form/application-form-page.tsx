import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ApplicationView } from '#shared/api/schemas/application.schema.ts';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type { OrganisationView } from '#shared/api/schemas/organisation.schema.ts';
import { ApiError, api } from '../../api.ts';
import { RequireSignIn } from '../../auth/require-sign-in.tsx';
import { Page } from '../../components/page.tsx';
import { applicationForm } from '../../i18n/application-form.ts';
import { common } from '../../i18n/common.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { isEditable } from './autosave.ts';
import { DraftEditor } from './draft-editor.tsx';

type Load =
  | { state: 'loading' }
  | { state: 'not-found' }
  | { state: 'failed' }
  | { state: 'loaded'; application: ApplicationView; call: CallView; organisation?: OrganisationView };

/**
 * /applications/:id/edit — the multi-step form of a DRAFT or INCOMPLETE application (loaded lazily, see
 * routes.tsx). Loads the application with its version, the call's rules and the organisation (its legal
 * form for the eligibility rule, its profile gaps for the summary).
 */
export function ApplicationFormPage() {
  const { id = '' } = useParams();
  const { language } = useLanguage();
  const t = applicationForm[language];
  const c = common[language];
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const fetchAll = useCallback(async () => {
    setLoad({ state: 'loading' });
    try {
      const { body: application } = await api<ApplicationView>('GET', `/api/applications/${id}`);
      const [{ body: call }, organisation] = await Promise.all([
        api<CallView>('GET', `/api/calls/${application.callId}`, { auth: false }),
        api<OrganisationView>('GET', `/api/organisations/${application.orgId}`)
          .then(({ body }) => body)
          // The form works without it; only the eligibility check and the profile's gaps are missing.
          .catch(() => undefined),
      ]);
      setLoad({ state: 'loaded', application, call, organisation });
    } catch (error) {
      const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
      setLoad({ state: missing ? 'not-found' : 'failed' });
    }
  }, [id]);
  useEffect(() => {
    void fetchAll();
  }, [fetchAll]);

  if (load.state !== 'loaded') {
    return (
      <Page title={t.title}>
        {load.state === 'loading' ? <p aria-busy="true">{c.loading}</p> : null}
        {load.state === 'not-found' ? <p className="notice notice--error">{t.notFound}</p> : null}
        {load.state === 'failed' ? (
          <div className="notice notice--error" role="alert">
            <p>{t.loadFailed}</p>
            <button type="button" className="button button--secondary" onClick={() => void fetchAll()}>
              {t.retry}
            </button>
          </div>
        ) : null}
      </Page>
    );
  }

  const { application, call, organisation } = load;
  return (
    <Page title={t.title}>
      <p className="lead">
        <strong>{application.title}</strong>
        <br />
        {t.intro(call.title[language], organisation?.legalName ?? '')}
      </p>
      {isEditable(application.status) ? (
        // Keyed by id: another application gets a fresh form, never this one's values.
        <DraftEditor key={application.id} application={application} call={call} organisation={organisation} />
      ) : (
        <div className="notice">
          <p>{t.notEditable}</p>
          <Link to={`/applications/${application.id}`}>{t.toStatusPage}</Link>
        </div>
      )}
    </Page>
  );
}

/** The route's element: signed-in members only. */
export function ApplicationFormRoute() {
  return (
    <RequireSignIn>
      <ApplicationFormPage />
    </RequireSignIn>
  );
}
