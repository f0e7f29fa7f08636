import type { Call } from '../api/schemas/call.schema.ts';
import type { AssessmentSummary } from '../domain/assessment.ts';
import { formatEuro } from '../domain/money.ts';
import type { OutgoingEmail } from '../ports/mailer.ts';

const RECOMMENDATION = {
  fund: { de: 'fördern', en: 'fund' },
  'fund-with-conditions': { de: 'mit Auflagen fördern', en: 'fund with conditions' },
  reject: { de: 'ablehnen', en: 'reject' },
} as const;

/**
 * Tells an approver that an application of a rolling call is assessed and waits for their decision:
 * title, Aktenzeichen, call, total score, both recommendations and the recommended grant. German
 * first, English below.
 */
export function approverNotificationEmail(facts: {
  application: { title: string; reference?: string };
  call: Pick<Call, 'title'>;
  summary: AssessmentSummary;
  approver: { email: string; name: string };
}): OutgoingEmail {
  const { application, call, summary, approver } = facts;
  const reference = application.reference ?? '—';
  const { content, financial } = summary.recommendations;
  const german = [
    `Guten Tag ${approver.name},`,
    '',
    'ein Antrag im laufenden Verfahren ist fertig begutachtet und wartet auf Ihre Entscheidung:',
    `- Antrag: „${application.title}"`,
    `- Aktenzeichen: ${reference}`,
    `- Förderaufruf: „${call.title.de}"`,
    `- Gesamtpunktzahl: ${summary.totalScore} von ${summary.maxScore}`,
    `- Empfehlungen: fachlich ${RECOMMENDATION[content].de}, finanziell ${RECOMMENDATION[financial].de}`,
    `- Empfohlene Zuwendung: ${formatEuro(summary.recommendedGrantCents, 'de')}`,
    '',
    'Bitte entscheiden Sie im Backoffice über Bewilligung oder Ablehnung.',
  ];
  const english = [
    `Hello ${approver.name},`,
    '',
    'An application in a rolling call has been assessed and awaits your decision:',
    `- Application: "${application.title}"`,
    `- Reference number: ${reference}`,
    `- Call: "${call.title.en}"`,
    `- Total score: ${summary.totalScore} of ${summary.maxScore}`,
    `- Recommendations: content ${RECOMMENDATION[content].en}, financial ${RECOMMENDATION[financial].en}`,
    `- Recommended grant: ${formatEuro(summary.recommendedGrantCents, 'en')}`,
    '',
    'Please decide on approval or rejection in the back office.',
  ];
  return {
    to: approver.email,
    subject: `Entscheidung fällig ${reference}: ${application.title} / Decision due`,
    text: [...german, '', '— English —', '', ...english, '', 'foerderflow'].join('\n'),
  };
}
