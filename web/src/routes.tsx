import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { BACK_OFFICE_GROUPS, type Group } from '#shared/domain/roles.ts';
import { RequireRole } from './auth/require-role.tsx';
import { RequireSignIn } from './auth/require-sign-in.tsx';
import { Shell } from './components/shell.tsx';
import { CallsPage } from './pages/calls-page.tsx';
import { ConfirmPage } from './pages/confirm-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { RegisterPage } from './pages/register-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';

/**
 * A page loaded on demand (its own chunk, not in the initial JavaScript) that needs an account:
 *
 *   { path: 'invitations', lazy: signedIn(() => import('./pages/invitations-page.tsx'), 'InvitationsPage') },
 */
function signedIn<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return async () => {
    const Page = (await load())[name] as ComponentType;
    return {
      element: (
        <RequireSignIn>
          <Page />
        </RequireSignIn>
      ),
    };
  };
}

/**
 * A back-office page loaded on demand, for people with one of `roles` (others see a page saying so):
 *
 *   { path: 'applications', lazy: staffPage(['reviewer', 'approver'], () => import('./features/backoffice/review/queue-page.tsx'), 'QueuePage') },
 */
function staffPage<M extends Record<string, unknown>>(
  roles: readonly Group[],
  load: () => Promise<M>,
  name: keyof M & string,
) {
  return async () => {
    const Page = (await load())[name] as ComponentType;
    return {
      element: (
        <RequireRole roles={roles}>
          <Page />
        </RequireRole>
      ),
    };
  };
}

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
      // Organisations, invitations, my applications and starting one: loaded on demand.
      {
        path: 'organisations',
        lazy: signedIn(() => import('./pages/organisations-page.tsx'), 'OrganisationsPage'),
      },
      {
        path: 'organisations/:orgId',
        lazy: signedIn(() => import('./pages/organisation-page.tsx'), 'OrganisationPage'),
      },
      {
        path: 'invitations',
        lazy: signedIn(() => import('./pages/invitations-page.tsx'), 'InvitationsPage'),
      },
      {
        path: 'applications',
        lazy: signedIn(() => import('./pages/my-applications-page.tsx'), 'MyApplicationsPage'),
      },
      {
        // The authenticator app as second factor (features/account-security/): staff need it on AWS.
        path: 'account/security',
        lazy: signedIn(
          () => import('./features/account-security/account-security-page.tsx'),
          'AccountSecurityPage',
        ),
      },
      {
        path: 'applications/new',
        lazy: signedIn(() => import('./pages/new-application-page.tsx'), 'NewApplicationPage'),
      },
      {
        // The status page of one application (features/application-status): loaded on demand.
        path: 'applications/:id',
        lazy: async () => {
          const { ApplicationStatusPage } = await import(
            './features/application-status/application-status-page.tsx'
          );
          return {
            element: (
              <RequireSignIn>
                <ApplicationStatusPage />
              </RequireSignIn>
            ),
          };
        },
      },
      {
        // The multi-step form of a draft (features/application-form): loaded on demand.
        path: 'applications/:id/edit',
        lazy: async () => {
          const { ApplicationFormRoute } = await import(
            './features/application-form/application-form-page.tsx'
          );
          return { element: <ApplicationFormRoute /> };
        },
      },
      {
        // The back office (features/backoffice/): its own section navigation, every page on demand, so
        // none of it is in the applicants' initial JavaScript. Paths below are relative to /backoffice.
        path: 'backoffice',
        lazy: async () => {
          const { BackofficeLayout } = await import('./features/backoffice/backoffice-layout.tsx');
          return {
            element: (
              <RequireRole roles={BACK_OFFICE_GROUPS}>
                <BackofficeLayout />
              </RequireRole>
            ),
          };
        },
        children: [
          {
            index: true,
            lazy: staffPage(
              BACK_OFFICE_GROUPS,
              () => import('./features/backoffice/backoffice-home.tsx'),
              'BackofficeHome',
            ),
          },
          // Reviewers (features/backoffice/review/): queue, application view, assessments, Nachforderung.
          {
            path: 'applications',
            lazy: staffPage(
              ['reviewer', 'approver'],
              () => import('./features/backoffice/review/queue-page.tsx'),
              'QueuePage',
            ),
          },
          {
            path: 'applications/:id',
            lazy: staffPage(
              ['reviewer', 'approver'],
              () => import('./features/backoffice/review/application-page.tsx'),
              'ReviewApplicationPage',
            ),
          },
          // Approvers (features/backoffice/decisions/): decisions, ranking, batch, waiting list.
          {
            path: 'decisions',
            lazy: staffPage(
              ['approver'],
              () => import('./features/backoffice/decisions/decisions-page.tsx'),
              'DecisionsPage',
            ),
          },
          {
            path: 'applications/:id/decision',
            lazy: staffPage(
              ['approver'],
              () => import('./features/backoffice/decisions/decision-page.tsx'),
              'DecisionPage',
            ),
          },
          {
            path: 'calls/:callId/ranking',
            lazy: staffPage(
              ['approver'],
              () => import('./features/backoffice/decisions/ranking-page.tsx'),
              'RankingPage',
            ),
          },
          {
            path: 'calls/:callId/waiting-list',
            lazy: staffPage(
              ['approver'],
              () => import('./features/backoffice/decisions/waiting-list-page.tsx'),
              'WaitingListPage',
            ),
          },
          // Admins (features/backoffice/admin/): calls, budgets, staff.
          {
            path: 'admin/calls',
            lazy: staffPage(
              ['admin'],
              () => import('./features/backoffice/admin/calls-page.tsx'),
              'AdminCallsPage',
            ),
          },
          {
            path: 'admin/calls/new',
            lazy: staffPage(
              ['admin'],
              () => import('./features/backoffice/admin/new-call-page.tsx'),
              'NewCallPage',
            ),
          },
          {
            path: 'admin/calls/:callId',
            lazy: staffPage(['admin'], () => import('./features/backoffice/admin/call-page.tsx'), 'CallPage'),
          },
          {
            path: 'admin/calls/:callId/budget',
            lazy: staffPage(
              ['admin'],
              () => import('./features/backoffice/admin/budget-page.tsx'),
              'BudgetPage',
            ),
          },
          {
            path: 'admin/staff',
            lazy: staffPage(
              ['admin'],
              () => import('./features/backoffice/admin/staff-page.tsx'),
              'StaffPage',
            ),
          },
          {
            path: 'admin/staff/new',
            lazy: staffPage(
              ['admin'],
              () => import('./features/backoffice/admin/new-staff-page.tsx'),
              'NewStaffPage',
            ),
          },
          {
            path: 'admin/staff/:sub',
            lazy: staffPage(
              ['admin'],
              () => import('./features/backoffice/admin/staff-member-page.tsx'),
              'StaffMemberPage',
            ),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
