import { Link } from 'react-router';
import { useSession } from '../../auth/session.ts';
import { Page } from '../../components/page.tsx';
import { backoffice } from '../../i18n/backoffice.ts';
import { useMessages } from '../../i18n/language.tsx';

/** /backoffice: where staff land after signing in — the sections of their roles, each with what it is for. */
export function BackofficeHome() {
  const t = useMessages(backoffice);
  const groups = useSession()?.user.groups ?? [];
  const has = (...roles: string[]) => groups.some((group) => roles.includes(group));
  // In a fixed order (the token lists groups in any order).
  const roleNames = Object.entries(t.roles)
    .filter(([group]) => groups.includes(group))
    .map(([, name]) => name)
    .join(', ');
  const sections = [
    has('reviewer', 'approver') && {
      to: '/backoffice/applications',
      title: t.navQueue,
      text: t.navQueueText,
    },
    has('approver') && { to: '/backoffice/decisions', title: t.navDecisions, text: t.navDecisionsText },
    has('admin') && { to: '/backoffice/admin/calls', title: t.navCalls, text: t.navCallsText },
    has('admin') && { to: '/backoffice/admin/staff', title: t.navStaff, text: t.navStaffText },
  ].filter((section) => section !== false);
  return (
    <Page title={t.homeTitle}>
      <p>{t.homeIntro}</p>
      <p>{t.yourRoles(roleNames)}</p>
      <ul className="card-list">
        {sections.map((section) => (
          <li key={section.to} className="card">
            <h2>
              <Link to={section.to}>{section.title}</Link>
            </h2>
            <p>{section.text}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
