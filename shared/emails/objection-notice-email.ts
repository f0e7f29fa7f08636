import type { Application } from '../domain/application.ts';
import type { OutgoingEmail } from '../ports/mailer.ts';

const footer = ['Mit freundlichen Grüßen / Kind regards', 'foerderflow'];

/**
 * Tells the applicant that the funding body's letter on their objection (the Abhilfebescheid or the
 * Widerspruchsbescheid) is waiting in the portal. Like the decision notice it neither says how the
 * objection ended nor attaches the letter: an email is no safe place for it. German first, English below.
 */
export function objectionNoticeEmail(
  application: Pick<Application, 'title' | 'reference'>,
  callTitle: { de: string; en: string },
  to: string,
): OutgoingEmail {
  const reference = application.reference ?? '—';
  const german = [
    'Guten Tag,',
    '',
    `über Ihren Widerspruch zum Antrag ${reference} ist entschieden. Ein Schreiben dazu liegt im Portal bereit.`,
    `Es betrifft Ihren Antrag „${application.title}" im Förderaufruf „${callTitle.de}". Sie finden es im Förderportal bei diesem Antrag unter „Bescheide".`,
    '',
    'Das Schreiben enthält die Entscheidung über Ihren Widerspruch mit ihrer Begründung und sagt, wie und bis wann Sie dagegen Klage beim Verwaltungsgericht erheben können.',
    '',
    'Das Schreiben ist dieser E-Mail aus Gründen des Datenschutzes nicht beigefügt.',
  ];
  const english = [
    'Hello,',
    '',
    `your objection concerning application ${reference} has been decided. A letter about it is ready in the portal.`,
    `It concerns your application "${application.title}" in the call "${callTitle.en}". You will find it in the funding portal with this application, under "Letters".`,
    '',
    'The letter contains the decision on your objection with its reasons, and explains how and by when you can bring an action against it at the administrative court.',
    '',
    'For data protection, the letter is not attached to this email.',
  ];
  return {
    to,
    subject: `Ein Schreiben zu Ihrem Widerspruch (Antrag ${reference}) liegt im Portal bereit / A letter about your objection is ready`,
    text: [...german, '', '— English —', '', ...english, '', ...footer].join('\n'),
  };
}
