import type { Application } from '../domain/application.ts';
import type { OutgoingEmail } from '../ports/mailer.ts';

const berlin = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  dateStyle: 'long',
  timeStyle: 'short',
});
const berlinEn = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  dateStyle: 'long',
  timeStyle: 'short',
});

/**
 * The Eingangsbestätigung (receipt): which application arrived when, under which Aktenzeichen, and
 * what happens next. German first, English below.
 */
export function receiptEmail(
  application: Application & { reference: string },
  callTitle: { de: string; en: string },
): OutgoingEmail {
  const submitted = new Date(application.submittedAt ?? application.updatedAt);
  const text = [
    'Guten Tag,',
    '',
    `Ihr Antrag „${application.title}" im Förderaufruf „${callTitle.de}" ist am ${berlin.format(submitted)} Uhr bei uns eingegangen.`,
    '',
    `Aktenzeichen: ${application.reference}`,
    'Bitte geben Sie das Aktenzeichen bei allen Rückfragen an.',
    '',
    'Wie es weitergeht:',
    '1. Wir prüfen, ob Ihr Antrag vollständig ist. Fehlen Unterlagen, erhalten Sie eine Nachforderung mit einer Frist.',
    '2. Ist der Antrag vollständig, wird er fachlich und finanziell begutachtet.',
    '3. Über die Förderung entscheiden wir im Rahmen der verfügbaren Haushaltsmittel; ein Rechtsanspruch besteht nicht.',
    '   Den Bescheid erhalten Sie im Portal; wir benachrichtigen Sie per E-Mail.',
    '',
    'Bitte beginnen Sie das Projekt nicht vor der Bewilligung (kein vorzeitiger Maßnahmebeginn ohne unsere Zustimmung).',
    '',
    '— English —',
    '',
    `Your application "${application.title}" in the call "${callTitle.en}" reached us on ${berlinEn.format(submitted)} (Berlin time).`,
    `Reference number: ${application.reference} — please quote it in all enquiries.`,
    'Next: we check that the application is complete (missing documents are requested with a due date), then it is',
    'assessed, and a decision is made within the available budget. Please do not start the project before approval.',
    '',
    'Mit freundlichen Grüßen / Kind regards',
    'foerderflow',
  ].join('\n');
  return {
    to: application.contactEmail ?? '',
    subject: `Eingangsbestätigung ${application.reference}: ${application.title} / Receipt of your application`,
    text,
  };
}
