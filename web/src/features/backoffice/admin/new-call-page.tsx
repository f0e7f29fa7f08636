import { Link, useNavigate } from 'react-router';
import { Page } from '../../../components/page.tsx';
import { adminCalls } from '../../../i18n/admin.ts';
import { useMessages } from '../../../i18n/language.tsx';
import { CallEditor } from './call-editor.tsx';
import './admin.css';

/** /backoffice/admin/calls/new — a new call; once created, its page opens (where it can be edited). */
export function NewCallPage() {
  const t = useMessages(adminCalls);
  const navigate = useNavigate();
  return (
    <Page title={t.newTitle}>
      <p>
        <Link to="/backoffice/admin/calls">{t.backToList}</Link>
      </p>
      <CallEditor
        onSaved={(call) => navigate(`/backoffice/admin/calls/${call.id}`, { state: { created: true } })}
      />
    </Page>
  );
}
