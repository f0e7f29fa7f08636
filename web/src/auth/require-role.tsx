import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Group } from '#shared/domain/roles.ts';
import { Page } from '../components/page.tsx';
import { auth } from '../i18n/auth.ts';
import { backoffice } from '../i18n/backoffice.ts';
import { useMessages } from '../i18n/language.tsx';
import { RequireSignIn } from './require-sign-in.tsx';
import { useSession } from './session.ts';

/** Whether the signed-in person has one of these groups (from the ID token; the API checks again). */
export function useHasRole(roles: readonly Group[]): boolean {
  const session = useSession();
  return session?.user.groups.some((group) => (roles as readonly string[]).includes(group)) ?? false;
}

/**
 * Wraps back-office pages: signed out → sign-in and back (RequireSignIn); signed in without one of
 * `roles` → a page that says so in words, instead of a page of 403s. The API enforces the same rules;
 * this only spares people pages they cannot use.
 */
export function RequireRole({ roles, children }: { roles: readonly Group[]; children: ReactNode }) {
  return (
    <RequireSignIn>
      <RoleGate roles={roles}>{children}</RoleGate>
    </RequireSignIn>
  );
}

function RoleGate({ roles, children }: { roles: readonly Group[]; children: ReactNode }) {
  const t = useMessages(backoffice);
  const s = useMessages(auth);
  const allowed = useHasRole(roles);
  const staff = useHasRole(['reviewer', 'approver', 'admin']);
  const session = useSession();
  // On AWS the token lacks the staff groups until a second factor is set up (the pre-token trigger
  // names them in a claim): say so and lead to the setup, instead of a bare "no access".
  const needsSecondFactor =
    session?.user.withheldGroups.some((group) => (roles as readonly string[]).includes(group)) ?? false;
  if (allowed) return children;
  if (needsSecondFactor) {
    return (
      <Page title={t.noAccessTitle}>
        <p>
          {s.secondFactorNeeded} <Link to="/account/security">{s.secondFactorSetUp}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t.noAccessTitle}>
      <p>{staff ? t.noRoleText : t.noAccessText}</p>
      {staff ? (
        <p>
          <Link to="/backoffice">{t.backToBackoffice}</Link>
        </p>
      ) : null}
    </Page>
  );
}
