import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type * as z from 'zod/mini';
import type { MyInvitationView } from '#shared/api/schemas/membership.schema.ts';
import { ApiError, api } from '../api.ts';
import { announce } from '../components/live-region.tsx';
import { Page } from '../components/page.tsx';
import { formatDateTime } from '../format.ts';
import { common } from '../i18n/common.ts';
import { invitations } from '../i18n/invitations.ts';
import { useLanguage } from '../i18n/language.tsx';

type Invitation = z.infer<typeof MyInvitationView>;
type Load = { state: 'loading' } | { state: 'failed' } | { state: 'loaded'; items: Invitation[] };

/**
 * /invitations — the open invitations to the signed-in person's verified address
 * (GET /api/invitations), each accepted with POST /api/invitations/{id}/accept. Someone invited by email
 * registers or signs in with that address and finds them here.
 */
export function InvitationsPage() {
  const { language } = useLanguage();
  const t = invitations[language];
  const c = common[language];
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [accepting, setAccepting] = useState<string>();
  const [accepted, setAccepted] = useState<{ orgId: string; name: string }[]>([]);
  const [failure, setFailure] = useState<{ id: string; message: string }>();

  const fetchInvitations = useCallback(async () => {
    try {
      const { body } = await api<{ items: Invitation[] }>('GET', '/api/invitations');
      setLoad({ state: 'loaded', items: body.items });
    } catch {
      setLoad({ state: 'failed' });
    }
  }, []);
  useEffect(() => {
    void fetchInvitations();
  }, [fetchInvitations]);

  const accept = async (invitation: Invitation) => {
    setAccepting(invitation.id);
    setFailure(undefined);
    try {
      await api('POST', `/api/invitations/${encodeURIComponent(invitation.id)}/accept`);
      const name = invitation.organisation.legalName;
      setAccepted((list) => [...list, { orgId: invitation.orgId, name }]);
      announce(t.accepted(name));
      await fetchInvitations();
    } catch (error) {
      const message =
        error instanceof ApiError
          ? (error.problem.detail ?? error.problem.title ?? t.acceptFailed)
          : c.networkError;
      setFailure({ id: invitation.id, message });
    } finally {
      setAccepting(undefined);
    }
  };

  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      {accepted.map(({ orgId, name }) => (
        <div key={orgId} className="notice notice--success">
          <p>{t.accepted(name)}</p>
          <p>
            <Link to={`/organisations/${orgId}`}>{t.toOrganisation(name)}</Link>
          </p>
        </div>
      ))}
      {load.state === 'loading' ? <p aria-busy="true">{c.loading}</p> : null}
      {load.state === 'failed' ? (
        <p className="notice notice--error" role="alert">
          {t.loadFailed}
        </p>
      ) : null}
      {load.state === 'loaded' && load.items.length === 0 ? <p>{t.empty}</p> : null}
      {load.state === 'loaded' && load.items.length > 0 ? (
        <ul className="card-list">
          {load.items.map((invitation) => {
            const headingId = `invitation-${invitation.id}`;
            return (
              <li key={invitation.id}>
                <article className="card" aria-labelledby={headingId}>
                  <h2 id={headingId}>{invitation.organisation.legalName}</h2>
                  <p>{t.invitedBy(invitation.invitedByEmail ?? t.someone)}</p>
                  <p>{t.validUntil(formatDateTime(invitation.expiresAt, language))}</p>
                  {failure?.id === invitation.id ? (
                    <p className="notice notice--error" role="alert">
                      {failure.message}
                    </p>
                  ) : null}
                  <button
                    type="button"
                    className="button"
                    aria-describedby={headingId}
                    disabled={accepting !== undefined}
                    onClick={() => void accept(invitation)}
                  >
                    {accepting === invitation.id ? t.accepting : t.accept}
                  </button>
                </article>
              </li>
            );
          })}
        </ul>
      ) : null}
    </Page>
  );
}
