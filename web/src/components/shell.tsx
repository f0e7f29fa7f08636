import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { BACK_OFFICE_GROUPS } from '#shared/domain/roles.ts';
import { signOut, useSession } from '../auth/session.ts';
import { SignInDialog } from '../auth/sign-in-dialog.tsx';
import { auth } from '../i18n/auth.ts';
import { backoffice } from '../i18n/backoffice.ts';
import { common } from '../i18n/common.ts';
import { useLanguage } from '../i18n/language.tsx';
import { announce, LiveRegion } from './live-region.tsx';

/**
 * The frame of every page: skip link, header (product, navigation, language, sign-in state), the main
 * landmark with the page, a footer, the live region and the sign-in dialog. After each navigation focus
 * moves to the new page's h1, so keyboard and screen-reader users start at the top of the new content.
 */
export function Shell() {
  const { language, setLanguage } = useLanguage();
  const c = common[language];
  const b = backoffice[language];
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const firstRender = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose after each navigation
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [location.pathname]);

  const other = language === 'de' ? 'en' : 'de';
  return (
    <>
      <a className="skip-link" href="#main">
        {c.skipToContent}
      </a>
      <header className="header">
        <div className="header__inner">
          <Link to="/" className="header__product">
            <span className="header__name">{c.productName}</span>
            <span className="header__tagline">{c.productTagline}</span>
          </Link>
          <nav aria-label={c.mainNavigation} className="header__nav">
            <NavLink to="/" end>
              {c.navCalls}
            </NavLink>
            {session && (!isStaffMember(session.user) || session.user.groups.includes('applicant')) ? (
              <>
                <NavLink to="/organisations">{c.navOrganisations}</NavLink>
                <NavLink to="/applications">{c.navApplications}</NavLink>
                <NavLink to="/invitations">{c.navInvitations}</NavLink>
              </>
            ) : null}
            {session && isStaffMember(session.user) ? (
              <NavLink to="/backoffice">{b.navBackoffice}</NavLink>
            ) : null}
          </nav>
          <div className="header__tools">
            <button type="button" className="link-button" lang={other} onClick={() => setLanguage(other)}>
              {c.switchTo}
            </button>
            {session ? (
              <>
                <span className="header__user">{c.signedInAs(session.user.email)}</span>
                <Link to="/account/security">{auth[language].securityNavLink}</Link>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    signOut();
                    announce(c.signedOut);
                    // Off any page that needs the account.
                    navigate('/');
                  }}
                >
                  {c.signOut}
                </button>
              </>
            ) : (
              <>
                <Link to="/sign-in">{c.signIn}</Link>
                <Link to="/register">{c.register}</Link>
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main">
        <Outlet />
      </main>
      <footer className="footer">
        <p>{c.footerText}</p>
      </footer>
      <LiveRegion />
      <SignInDialog />
    </>
  );
}

/**
 * Staff, counting those whose token lacks the staff groups for want of a second factor (on AWS): they
 * too get the back office in the navigation, where they are offered the authenticator setup.
 */
export function isStaffMember(user: {
  groups: readonly string[];
  withheldGroups: readonly string[];
}): boolean {
  return isStaff(user.groups) || isStaff(user.withheldGroups);
}

/** Staff (reviewer, approver, admin) get the back office in the navigation, not the applicants' pages. */
export function isStaff(groups: readonly string[]): boolean {
  return groups.some((group) => (BACK_OFFICE_GROUPS as readonly string[]).includes(group));
}
