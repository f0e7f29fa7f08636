import type { Application } from '../domain/application.ts';
import { formatEuro } from '../domain/money.ts';
import type { OutgoingEmail } from '../ports/mailer.ts';

const berlin = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'long' });
const berlinEn = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', dateStyle: 'long' });

/**
 * Confirms a withdrawal: which application, since when, the reason given, and what it means (nothing
 * more happens; a new application is possible while the call is open). A withdrawal after an approval
 * is a renunciation (Verzicht) of the grant: the email says so, and that the Bescheid no longer entitles
 * to any payment. German first, English below.
 */
export function withdrawalEmail(
  application: Application & { withdrawal: NonNullable<Application['withdrawal']> },
  callTitle: { de: string; en: string },
  to: string,
): OutgoingEmail {
  const at = new Date(application.withdrawal.at);
  const reference = application.reference ? ` (Aktenzeichen ${application.reference})` : '';
  const referenceEn = application.reference ? ` (reference ${application.reference})` : '';
  const renounced =
    (application.withdrawal.from === 'APPROVED' || application.withdrawal.from === 'NOTIFIED') &&
    application.decision?.outcome === 'approved';
  const granted = application.decision?.grantedCents;
  const grantDe = granted !== undefined ? ` über ${formatEuro(granted, 'de')}` : '';
  const grantEn = granted !== undefined ? ` of ${formatEuro(granted, 'en')}` : '';
  const german = renounced
    ? [
        `Sie haben am ${berlin.format(at)} auf die bewilligte Zuwendung${grantDe} für Ihren Antrag „${application.title}"${reference} im Förderaufruf „${callTitle.de}" verzichtet.`,
        `Angegebener Grund: ${application.withdrawal.reason}`,
        '',
        'Was das bedeutet:',
        '- Aus dem Zuwendungsbescheid können keine Mittel mehr abgerufen werden; bereits ausgezahlte Mittel sind zu erstatten.',
        '- Die Mittel stehen dem Förderaufruf wieder zur Verfügung.',
        '- Haben Sie nicht selbst verzichtet, wenden Sie sich bitte umgehend an die anderen Mitglieder Ihrer Organisation und an die Bewilligungsstelle.',
      ]
    : [
        `Ihr Antrag „${application.title}"${reference} im Förderaufruf „${callTitle.de}" wurde am ${berlin.format(at)} zurückgenommen.`,
        `Angegebener Grund: ${application.withdrawal.reason}`,
        '',
        'Was das bedeutet:',
        '- Der Antrag wird nicht weiter bearbeitet und nicht begutachtet. Sie müssen nichts mehr tun.',
        '- Solange der Förderaufruf geöffnet ist, können Sie einen neuen Antrag stellen.',
        '- Haben Sie den Antrag nicht selbst zurückgenommen, sprechen Sie bitte mit den anderen Mitgliedern Ihrer Organisation.',
      ];
  const english = renounced
    ? [
        `On ${berlinEn.format(at)} you renounced the approved grant${grantEn} for your application "${application.title}"${referenceEn} in the call "${callTitle.en}".`,
        `Reason given: ${application.withdrawal.reason}`,
        'No funds can be drawn under the approval any more; funds already paid out must be repaid. The funds go back to the call.',
        'If you did not renounce it yourself, please contact the other members of your organisation and the funding body at once.',
      ]
    : [
        `Your application "${application.title}"${referenceEn} in the call "${callTitle.en}" was withdrawn on ${berlinEn.format(at)}.`,
        `Reason given: ${application.withdrawal.reason}`,
        'It will not be processed or assessed any further; there is nothing more you need to do. While the call is open,',
        'you may submit a new application. If you did not withdraw it yourself, please talk to the other members of your organisation.',
      ];
  const text = [
    'Guten Tag,',
    '',
    ...german,
    '',
    '— English —',
    '',
    ...english,
    '',
    'Mit freundlichen Grüßen / Kind regards',
    'foerderflow',
  ].join('\n');
  return {
    to,
    subject: renounced
      ? `Verzicht auf die Zuwendung / Grant renounced: ${application.title}`
      : `Antrag zurückgenommen / Application withdrawn: ${application.title}`,
    text,
  };
}
