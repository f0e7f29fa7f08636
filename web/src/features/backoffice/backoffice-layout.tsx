import { NavLink, Outlet } from 'react-router';
import { useHasRole } from '../../auth/require-role.tsx';
import { backoffice } from '../../i18n/backoffice.ts';
import { useMessages } from '../../i18n/language.tsx';

/**
 * The frame of every back-office page (/backoffice/…): a second navigation with the sections the
 * person's roles open, then the page. Sections: the work queue (reviewers, approvers), decisions
 * (approvers), calls and staff (admins). Pages live in features/backoffice/<section>/ and are added to
 * the `backoffice` route's children in routes.tsx.
 */
export function BackofficeLayout() {
  const t = useMessages(backoffice);
  const reviews = useHasRole(['reviewer', 'approver']);
  const decides = useHasRole(['approver']);
  const administers = useHasRole(['admin']);
  return (
    <>
      <nav aria-label={t.sectionNavigation} className="section-nav">
        <NavLink to="/backoffice" end>
          {t.homeTitle}
        </NavLink>
        {reviews ? <NavLink to="/backoffice/applications">{t.navQueue}</NavLink> : null}
        {decides ? <NavLink to="/backoffice/decisions">{t.navDecisions}</NavLink> : null}
        {administers ? <NavLink to="/backoffice/admin/calls">{t.navCalls}</NavLink> : null}
        {administers ? <NavLink to="/backoffice/admin/staff">{t.navStaff}</NavLink> : null}
      </nav>
      <Outlet />
    </>
  );
}
