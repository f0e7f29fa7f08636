import type { Application } from '../domain/application.ts';
import { berlinDeadline } from '../letters/labels.ts';
import type { OutgoingEmail } from '../ports/mailer.ts';

/**
 * Tells the applicant that their application was closed because the Nachforderung's due date passed
 * without the missing items: which application, the date, that nothing more happens with it, and that
 * a new application is possible while a call is open. German first, English below.
 */
export function closedIncompleteEmail(
  application: Pick<Application, 'title' | 'reference'> & { dueAt: string },
  to: string,
): OutgoingEmail {
  const reference = application.reference ?? '—';
  const text = [
    'Guten Tag,',
    '',
    `die Frist für die Nachforderung zu Ihrem Antrag „${application.title}" (Aktenzeichen ${reference}) ist am ${berlinDeadline(application.dueAt, 'de')} abgelaufen, ohne dass die fehlenden Angaben oder Unterlagen eingegangen sind.`,
    '',
    'Der Antrag ist deshalb geschlossen und wird nicht weiter bearbeitet. Sie müssen nichts mehr tun.',
    'Solange ein Förderaufruf geöffnet ist, können Sie einen neuen Antrag stellen.',
    '',
    '— English —',
    '',
    `The deadline for the missing items of your application "${application.title}" (reference ${reference}) passed on ${berlinDeadline(application.dueAt, 'en')} without them arriving.`,
    '',
    'The application is therefore closed and will not be processed any further; there is nothing more you need to do.',
    'While a call is open, you may submit a new application.',
    '',
    'Mit freundlichen Grüßen / Kind regards',
    'foerderflow',
  ].join('\n');
  return {
    to,
    subject: `Antrag geschlossen ${reference} / Application closed: ${application.title}`,
    text,
  };
}
