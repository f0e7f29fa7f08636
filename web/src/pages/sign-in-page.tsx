import { Link, useNavigate, useSearchParams } from 'react-router';
import { getSession } from '../auth/session.ts';
import { SignInForm } from '../auth/sign-in-form.tsx';
import { announce } from '../components/live-region.tsx';
import { Page } from '../components/page.tsx';
import { isStaffMember } from '../components/shell.tsx';
import { auth } from '../i18n/auth.ts';
import { useLanguage } from '../i18n/language.tsx';

/**
 * /sign-in?email=…&next=/path — after signing in, goes to `next` (a path of the portal only) or the start.
 * `confirmed=1` says the account was just confirmed.
 */
export function SignInPage() {
  const { language } = useLanguage();
  const t = auth[language];
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const target = next?.startsWith('/') && !next.startsWith('//') ? next : null;

  return (
    <Page title={t.signInTitle}>
      {params.get('confirmed') ? (
        <p className="notice notice--success" role="status">
          {t.confirmed}
        </p>
      ) : (
        <p>{t.signInIntro}</p>
      )}
      <SignInForm
        idPrefix="sign-in"
        defaultEmail={params.get('email') ?? undefined}
        onSignedIn={() => {
          announce(t.signedIn);
          // Without a page to return to, staff start in the back office and applicants at the calls.
          const user = getSession()?.user;
          navigate(target ?? (user && isStaffMember(user) ? '/backoffice' : '/'));
        }}
      />
      <p>
        {t.noAccount} <Link to="/register">{t.registerLink}</Link>
      </p>
    </Page>
  );
}
