import type { Application } from '../domain/application.ts';
import type { OutgoingEmail } from '../ports/mailer.ts';

const berlin = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'long' });
const berlinEn = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', dateStyle: 'long' });

/**
 * Confirms a withdrawal: which application, since when, the reason given, and what it means (nothing
 * more happens; a new application is possible while the call is open). German first, English below.
 */
export function withdrawalEmail(
  application: Application & { withdrawal: NonNullable<Application['withdrawal']> },
  callTitle: { de: string; en: string },
  to: string,
): OutgoingEmail {
  const at = new Date(application.withdrawal.at);
  const reference = application.reference ? ` (Aktenzeichen ${application.reference})` : '';
  const referenceEn = application.reference ? ` (reference ${application.reference})` : '';
  const text = [
    'Guten Tag,',
    '',
    `Ihr Antrag „${application.title}"${reference} im Förderaufruf „${callTitle.de}" wurde am ${berlin.format(at)} zurückgenommen.`,
    `Angegebener Grund: ${application.withdrawal.reason}`,
    '',
    'Was das bedeutet:',
    '- Der Antrag wird nicht weiter bearbeitet und nicht begutachtet. Sie müssen nichts mehr tun.',
    '- Solange der Förderaufruf geöffnet ist, können Sie einen neuen Antrag stellen.',
    '- Haben Sie den Antrag nicht selbst zurückgenommen, sprechen Sie bitte mit den anderen Mitgliedern Ihrer Organisation.',
    '',
    '— English —',
    '',
    `Your application "${application.title}"${referenceEn} in the call "${callTitle.en}" was withdrawn on ${berlinEn.format(at)}.`,
    `Reason given: ${application.withdrawal.reason}`,
    'It will not be processed or assessed any further; there is nothing more you need to do. While the call is open,',
    'you may submit a new application. If you did not withdraw it yourself, please talk to the other members of your organisation.',
    '',
    'Mit freundlichen Grüßen / Kind regards',
    'foerderflow',
  ].join('\n');
  return {
    to,
    subject: `Antrag zurückgenommen / Application withdrawn: ${application.title}`,
    text,
  };
}
