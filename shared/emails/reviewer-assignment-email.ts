import type { Call } from '../api/schemas/call.schema.ts';
import type { Assignment } from '../domain/review.ts';
import { berlinDeadline } from '../letters/labels.ts';
import type { OutgoingEmail } from '../ports/mailer.ts';

export interface AssignmentEmailFacts {
  application: { id: string; title: string; reference?: string };
  call: Pick<Call, 'title'>;
  assignment: Pick<Assignment, 'role' | 'dueAt'>;
  reviewer: { email: string; name: string };
}

const ROLE = {
  content: {
    de: 'fachliche Begutachtung (Bewertung nach der Bewertungsmatrix)',
    en: 'content assessment (scored against the rubric)',
  },
  financial: { de: 'finanzielle (rechnerische) Prüfung', en: 'financial assessment (checking the figures)' },
} as const;

/**
 * Tells a reviewer that an application was assigned to them: which one (title, call, Aktenzeichen),
 * in which role, by when, and that they must first declare any conflict of interest — before that,
 * they see only the title, the organisation and the call. German first, English below.
 */
export function reviewerAssignmentEmail(facts: AssignmentEmailFacts): OutgoingEmail {
  const { application, call, assignment, reviewer } = facts;
  const reference = application.reference ?? '—';
  const role = ROLE[assignment.role];
  const german = [
    `Guten Tag ${reviewer.name},`,
    '',
    'Ihnen wurde ein Antrag zur Begutachtung zugewiesen:',
    `- Antrag: „${application.title}"`,
    `- Förderaufruf: „${call.title.de}"`,
    `- Aktenzeichen: ${reference}`,
    `- Ihre Aufgabe: ${role.de}`,
    `- Frist für Ihr Gutachten: ${berlinDeadline(assignment.dueAt, 'de')}`,
    '',
    'Bitte erklären Sie zuerst im Backoffice, ob bei Ihnen ein Interessenkonflikt besteht (Befangenheit,',
    'z. B. Mitgliedschaft oder Mitarbeit beim Antragsteller). Erst danach sehen Sie den vollständigen Antrag.',
    'Besteht ein Interessenkonflikt, wird der Antrag jemand anderem zugewiesen.',
  ];
  const english = [
    `Hello ${reviewer.name},`,
    '',
    'An application has been assigned to you for review:',
    `- Application: "${application.title}"`,
    `- Call: "${call.title.en}"`,
    `- Reference number: ${reference}`,
    `- Your role: ${role.en}`,
    `- Your assessment is due by: ${berlinDeadline(assignment.dueAt, 'en')}`,
    '',
    'First declare in the back office whether you have a conflict of interest (e.g. membership in or work',
    'for the applicant). Only then will you see the full application. If you have a conflict, the',
    'application is assigned to someone else.',
  ];
  return {
    to: reviewer.email,
    subject: `Neue Begutachtung ${reference}: ${application.title} / New review assignment`,
    text: [...german, '', '— English —', '', ...english, '', 'foerderflow'].join('\n'),
  };
}
