import { Link } from 'react-router';
import type { StaffView } from '#shared/api/schemas/staff.schema.ts';
import { ListLoadStatus, useListLoad } from '../../../components/list-load.tsx';
import { Page } from '../../../components/page.tsx';
import { formatInstantDate } from '../../../format.ts';
import { adminStaff } from '../../../i18n/admin.ts';
import { backoffice } from '../../../i18n/backoffice.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import type { Language } from '../../../i18n/messages.ts';
import './admin.css';

/** The roles of a person in words, in a fixed order. */
export function roleNames(groups: readonly string[], language: Language): string {
  const names = backoffice[language].roles;
  return (['reviewer', 'approver', 'admin'] as const)
    .filter((group) => groups.includes(group))
    .map((group) => names[group])
    .join(', ');
}

/**
 * /backoffice/admin/staff — everyone in the staff directory (GET /api/admin/staff): name, email, roles,
 * open assignments and whether the account is active; each name opens the person's page.
 */
export function StaffPage() {
  const { language } = useLanguage();
  const t = adminStaff[language];
  const { load, reload } = useListLoad<StaffView>('/api/admin/staff');

  return (
    <Page title={t.listTitle}>
      <p className="lead">{t.listIntro}</p>
      <p>
        <Link to="/backoffice/admin/staff/new" className="button">
          {t.newStaff}
        </Link>
      </p>
      <ListLoadStatus load={load} failedText={t.loadFailed} retryText={t.retry} onRetry={reload} />
      {load.state === 'loaded' && load.items.length === 0 ? <p>{t.empty}</p> : null}
      {load.state === 'loaded' && load.items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columnName}</th>
                <th scope="col">{t.columnEmail}</th>
                <th scope="col">{t.columnRoles}</th>
                <th scope="col" className="number">
                  {t.columnOpen}
                </th>
                <th scope="col">{t.columnStatus}</th>
              </tr>
            </thead>
            <tbody>
              {load.items.map((member) => (
                <tr key={member.sub}>
                  <th scope="row">
                    <Link to={`/backoffice/admin/staff/${member.sub}`}>{member.name}</Link>
                  </th>
                  <td>{member.email}</td>
                  <td>{roleNames(member.groups, language)}</td>
                  <td className="number">{member.openAssignments}</td>
                  <td>
                    {member.active ? (
                      t.active
                    ) : (
                      <span className="badge badge--closed">
                        {member.deactivatedAt
                          ? t.deactivatedSince(formatInstantDate(member.deactivatedAt, language))
                          : t.deactivated}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
