import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { AdminCallView } from '#shared/api/schemas/call.schema.ts';
import { ApiError, api } from '../../../api.ts';
import { Page } from '../../../components/page.tsx';
import { formatDateTime } from '../../../format.ts';
import { adminCalls } from '../../../i18n/admin.ts';
import { common } from '../../../i18n/common.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import { CallEditor } from './call-editor.tsx';
import './admin.css';

type Load =
  | { state: 'loading' }
  | { state: 'not-found' }
  | { state: 'failed' }
  | { state: 'loaded'; call: AdminCallView };

/**
 * /backoffice/admin/calls/:callId — one call to edit (GET /api/admin/calls/{callId} for its version and
 * application count), with a link to its budget. After creating a call, the person lands here.
 */
export function CallPage() {
  const { callId = '' } = useParams();
  const { language } = useLanguage();
  const t = adminCalls[language];
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void attempt;
    const controller = new AbortController();
    setLoad({ state: 'loading' });
    api<AdminCallView>('GET', `/api/admin/calls/${encodeURIComponent(callId)}`, {
      signal: controller.signal,
    }).then(
      ({ body }) => setLoad({ state: 'loaded', call: body }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
        setLoad({ state: missing ? 'not-found' : 'failed' });
      },
    );
    return () => controller.abort();
  }, [callId, attempt]);

  const title = load.state === 'loaded' ? t.editTitle(load.call.title[language]) : t.newTitle;
  return (
    <Page title={title}>
      <p>
        <Link to="/backoffice/admin/calls">{t.backToList}</Link>
      </p>
      {load.state === 'loading' ? <p aria-busy="true">{common[language].loading}</p> : null}
      {load.state === 'not-found' ? <p className="notice notice--error">{t.notFound}</p> : null}
      {load.state === 'failed' ? (
        <div className="notice notice--error" role="alert">
          <p>{t.callLoadFailed}</p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t.retry}
          </button>
        </div>
      ) : null}
      {load.state === 'loaded' ? (
        <>
          {created ? (
            <p className="notice notice--success" role="status">
              {t.created}
            </p>
          ) : null}
          <p>
            {t.versionLine(
              load.call.version,
              formatDateTime(load.call.updatedAt ?? load.call.opensAt, language),
            )}{' '}
            <Link to={`/backoffice/admin/calls/${load.call.id}/budget`}>
              {t.budgetNamed(load.call.title[language])}
            </Link>
          </p>
          <CallEditor
            key={load.call.id}
            existing={load.call}
            onSaved={(call) => setLoad({ state: 'loaded', call })}
          />
        </>
      ) : null}
    </Page>
  );
}
