import { Link } from 'react-router';
import { Page } from '../components/page.tsx';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/language.tsx';

export function NotFoundPage() {
  const c = useMessages(common);
  return (
    <Page title={c.notFoundTitle}>
      <p>{c.notFoundText}</p>
      <p>
        <Link to="/">{c.backToStart}</Link>
      </p>
    </Page>
  );
}
