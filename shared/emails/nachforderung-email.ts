import type { Application, Nachforderung } from '../domain/application.ts';
import { berlinDeadline } from '../letters/labels.ts';
import type { OutgoingEmail } from '../ports/mailer.ts';

/**
 * Tells the applicant that the review needs more from them (Nachforderung by a reviewer): what is
 * missing, until when, and how to supply it — upload or complete it in the portal, then submit again
 * with the same button; the Aktenzeichen stays. The items are in the reviewer's words (one language),
 * so they stand as written in both parts. German first, English below.
 */
export function nachforderungEmail(
  application: Pick<Application, 'title' | 'reference'>,
  nachforderung: Nachforderung,
  callTitle: { de: string; en: string },
  to: string,
): OutgoingEmail {
  const reference = application.reference ?? '—';
  const items = nachforderung.items.map((item) => `- ${item.message.de}`);
  const itemsEn = nachforderung.items.map((item) => `- ${item.message.en}`);
  const german = [
    'Guten Tag,',
    '',
    `bei der Prüfung Ihres Antrags „${application.title}" (Aktenzeichen ${reference}) im Förderaufruf „${callTitle.de}" fehlt uns noch Folgendes:`,
    '',
    ...items,
    ...(nachforderung.note ? ['', `Hinweis der Prüferin / des Prüfers: ${nachforderung.note}`] : []),
    '',
    `Bitte reichen Sie das Fehlende bis spätestens ${berlinDeadline(nachforderung.dueAt, 'de')} nach:`,
    '1. Laden Sie die Unterlagen im Portal bei Ihrem Antrag hoch bzw. ergänzen Sie die Angaben.',
    '2. Reichen Sie den Antrag danach erneut ein – mit derselben Schaltfläche „Einreichen“ wie beim ersten Mal.',
    'Das Aktenzeichen bleibt gleich; die Prüfung wird danach fortgesetzt.',
    'Geht bis zur Frist nichts ein, kann der Antrag als unvollständig geschlossen werden.',
  ];
  const english = [
    'Hello,',
    '',
    `While reviewing your application "${application.title}" (reference ${reference}) in the call "${callTitle.en}", we found that the following is still missing:`,
    '',
    ...itemsEn,
    ...(nachforderung.note ? ['', `Note from the reviewer: ${nachforderung.note}`] : []),
    '',
    `Please supply it by ${berlinDeadline(nachforderung.dueAt, 'en')} at the latest:`,
    '1. Upload the documents to your application in the portal, or complete the information there.',
    '2. Then submit the application again, with the same "Submit" button as the first time.',
    'The reference number stays the same; the review continues afterwards.',
    'If nothing arrives by the due date, the application may be closed as incomplete.',
    '(The items above are quoted as the reviewer wrote them.)',
  ];
  return {
    to,
    subject: `Nachforderung ${reference}: ${application.title} / Documents requested`,
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
