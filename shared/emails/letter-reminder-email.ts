import type { Application } from '../domain/application.ts';
import type { Letter } from '../domain/decision.ts';
import { LETTER_RETRIEVAL_DAYS } from '../domain/notification.ts';
import { berlinDeadline } from '../letters/labels.ts';
import type { OutgoingEmail } from '../ports/mailer.ts';

/**
 * Reminds the applicant, once, that a Bescheid has been waiting in the portal since `letter.createdAt`
 * and has not been retrieved, and what the ten-day rule of § 41 (2a) VwVfG means: retrieved within
 * ten days of the notice, it counts as notified the day after retrieval; otherwise it is not notified
 * that way and is sent by other means. It says nothing about what was decided. German first, English
 * below.
 */
export function letterReminderEmail(
  application: Pick<Application, 'title' | 'reference'>,
  letter: Pick<Letter, 'createdAt'>,
  to: string,
): OutgoingEmail {
  const reference = application.reference ?? '—';
  const lastDay = new Date(Date.parse(letter.createdAt) + LETTER_RETRIEVAL_DAYS * 86_400_000);
  const german = [
    'Guten Tag,',
    '',
    `seit ${berlinDeadline(letter.createdAt, 'de')} liegt im Portal ein Bescheid zu Ihrem Antrag „${application.title}" (Aktenzeichen ${reference}) bereit. Er wurde bisher nicht abgerufen.`,
    '',
    'Bitte rufen Sie ihn im Förderportal bei diesem Antrag unter „Bescheide" ab:',
    '- Der Bescheid gilt am Tag nach seinem ersten Abruf als bekannt gegeben (§ 41 Abs. 2a VwVfG). Ab diesem Tag läuft die einmonatige Widerspruchsfrist.',
    `- Wird er nicht innerhalb von zehn Tagen nach der Benachrichtigung abgerufen (also bis etwa ${berlinDeadline(lastDay, 'de')}), ist er auf diesem Weg nicht bekannt gegeben. Er wird Ihnen dann auf anderem Weg bekannt gegeben, was länger dauert.`,
    '',
    'Der Bescheid ist dieser E-Mail aus Gründen des Datenschutzes nicht beigefügt.',
  ];
  const english = [
    'Hello,',
    '',
    `a decision letter (Bescheid) on your application "${application.title}" (reference ${reference}) has been waiting in the portal since ${berlinDeadline(letter.createdAt, 'en')}. It has not been retrieved yet.`,
    '',
    'Please retrieve it in the funding portal with this application, under "Letters":',
    '- The letter counts as notified on the day after its first retrieval (section 41 (2a) VwVfG). The one-month objection period runs from that day.',
    `- If it is not retrieved within ten days of the notice (that is, by about ${berlinDeadline(lastDay, 'en')}), it is not notified this way and will be notified to you by other means, which takes longer.`,
    '',
    'For data protection, the letter is not attached to this email.',
  ];
  return {
    to,
    subject: `Erinnerung: Bescheid zu ${reference} wartet im Portal / Reminder: a decision letter is waiting`,
    text: [
      ...german,
      '',
      '— English —',
      '',
      ...english,
      '',
      'Mit freundlichen Grüßen / Kind regards',
      'foerderflow',
    ].join('\n'),
  };
}
