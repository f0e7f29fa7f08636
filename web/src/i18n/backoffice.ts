import { defineMessages } from './messages.ts';

/** The back office's frame: its navigation, start page and the answer for people without a staff role. */
export const backoffice = defineMessages({
  de: {
    navBackoffice: 'Sachbearbeitung',
    sectionNavigation: 'Bereiche der Sachbearbeitung',
    homeTitle: 'Sachbearbeitung',
    homeIntro: 'Hier bearbeiten Sie Förderanträge. Sie sehen die Bereiche, die zu Ihrer Rolle gehören.',
    yourRoles: (roles: string) => `Ihre Rollen: ${roles}`,
    roles: { reviewer: 'Prüfung', approver: 'Bewilligung', admin: 'Verwaltung' },
    navQueue: 'Arbeitsvorrat',
    navQueueText: 'Anträge, die Ihnen zugewiesen sind, nach Status und Fälligkeit.',
    navDecisions: 'Entscheidungen',
    navDecisionsText: 'Geprüfte Anträge bewilligen oder ablehnen, Rangfolgen und Wartelisten.',
    navCalls: 'Förderaufrufe verwalten',
    navCallsText:
      'Aufrufe anlegen und ändern: Regeln, Bewertungsschema, Unterlagen, Auswahlverfahren; Budgets.',
    navStaff: 'Mitarbeitende',
    navStaffText: 'Konten der Sachbearbeitung und Umverteilung von Anträgen.',
    noAccessTitle: 'Kein Zugang zur Sachbearbeitung',
    noAccessText:
      'Ihr Konto hat keine Rolle in der Sachbearbeitung. Wenn Sie eine brauchen, wenden Sie sich an die Verwaltung Ihrer Behörde.',
    noRoleText: 'Für diesen Bereich fehlt Ihrem Konto die nötige Rolle.',
    backToBackoffice: 'Zur Sachbearbeitung',
  },
  en: {
    navBackoffice: 'Back office',
    sectionNavigation: 'Back-office sections',
    homeTitle: 'Back office',
    homeIntro:
      'This is where grant applications are processed. You see the sections that belong to your role.',
    yourRoles: (roles: string) => `Your roles: ${roles}`,
    roles: { reviewer: 'Review', approver: 'Approval', admin: 'Administration' },
    navQueue: 'Work queue',
    navQueueText: 'Applications assigned to you, by status and due date.',
    navDecisions: 'Decisions',
    navDecisionsText: 'Approve or reject assessed applications, rankings and waiting lists.',
    navCalls: 'Manage calls',
    navCallsText: 'Create and edit calls: rules, rubric, documents, selection mode; budgets.',
    navStaff: 'Staff',
    navStaffText: 'Back-office accounts and reassigning applications.',
    noAccessTitle: 'No access to the back office',
    noAccessText:
      'Your account has no back-office role. If you need one, ask your authority’s administration.',
    noRoleText: 'Your account lacks the role this section needs.',
    backToBackoffice: 'To the back office',
  },
});
