import type { Assignment } from '../domain/review.ts';
import { berlinDeadline } from '../letters/labels.ts';
import type { OutgoingEmail } from '../ports/mailer.ts';

const ROLE = {
  content: { de: 'fachliche Begutachtung', en: 'content assessment' },
  financial: { de: 'finanzielle (rechnerische) Prüfung', en: 'financial assessment' },
} as const;

/**
 * Reminds a reviewer of an assessment due soon: which application (title, Aktenzeichen), their role,
 * the due date, and — if they have not declared yet — that the conflict-of-interest declaration comes
 * first. German first, English below.
 */
export function reviewReminderEmail(facts: {
  application: { title: string; reference?: string };
  assignment: Pick<Assignment, 'role' | 'dueAt' | 'declaration'>;
  reviewer: { email: string; name: string };
}): OutgoingEmail {
  const { application, assignment, reviewer } = facts;
  const reference = application.reference ?? '—';
  const role = ROLE[assignment.role];
  const undeclared = assignment.declaration === undefined;
  const text = [
    `Guten Tag ${reviewer.name},`,
    '',
    'Ihr Gutachten ist bald fällig:',
    `- Antrag: „${application.title}"`,
    `- Aktenzeichen: ${reference}`,
    `- Ihre Aufgabe: ${role.de}`,
    `- Frist: ${berlinDeadline(assignment.dueAt, 'de')}`,
    ...(undeclared
      ? [
          '',
          'Bitte erklären Sie zuerst im Backoffice, ob bei Ihnen ein Interessenkonflikt besteht; erst danach sehen Sie den vollständigen Antrag.',
        ]
      : []),
    '',
    '— English —',
    '',
    `Hello ${reviewer.name},`,
    '',
    'Your assessment is due soon:',
    `- Application: "${application.title}"`,
    `- Reference number: ${reference}`,
    `- Your role: ${role.en}`,
    `- Due by: ${berlinDeadline(assignment.dueAt, 'en')}`,
    ...(undeclared
      ? [
          '',
          'First declare in the back office whether you have a conflict of interest; only then will you see the full application.',
        ]
      : []),
    '',
    'Mit freundlichen Grüßen / Kind regards',
    'foerderflow',
  ].join('\n');
  return {
    to: reviewer.email,
    subject: `Erinnerung: Gutachten ${reference} fällig / Reminder: assessment due`,
    text,
  };
}
