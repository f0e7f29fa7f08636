import type { RouteObject } from 'react-router';
import { RequireSignIn } from './auth/require-sign-in.tsx';
import { Shell } from './components/shell.tsx';
import { CallsPage } from './pages/calls-page.tsx';
import { ConfirmPage } from './pages/confirm-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { OrganisationsPage } from './pages/organisations-page.tsx';
import { RegisterPage } from './pages/register-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';

/**
 * Every page of the portal, in one table. Add a page here (and its link in the shell's navigation if it
 * is a main section). Pages that need an account go inside <RequireSignIn>:
 *
 *   { path: 'organisations', element: <RequireSignIn><OrganisationsPage /></RequireSignIn> },
 *
 * Paths are English and stable (they appear in emails); what a person reads comes from the dictionaries.
 */
export const routes: RouteObject[] = [
  {
    element: <Shell />,
    children: [
      { index: true, element: <CallsPage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'register/confirm', element: <ConfirmPage /> },
      {
        path: 'organisations',
        element: (
          <RequireSignIn>
            <OrganisationsPage />
          </RequireSignIn>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
