import type { Call } from '../api/schemas/call.schema.ts';
import type { Application } from '../domain/application.ts';
import type { ApplicationDocument } from '../domain/document.ts';
import { berlinDeadline, documentTypeName, formatFileSize } from '../letters/labels.ts';
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

export interface ReceiptFacts {
  /** The application after the completeness check: IN_REVIEW, or INCOMPLETE with its Nachforderung. */
  application: Application & { reference: string };
  call: Pick<Call, 'title' | 'requiredDocuments'>;
  /** The documents received with it. */
  documents: ApplicationDocument[];
  /** The PDF copy of the application as submitted. */
  copy: Uint8Array;
}

/**
 * The Eingangsbestätigung (receipt), with the PDF copy of the application attached: which application
 * arrived when, under which Aktenzeichen, with which documents, and what happens next — review, or
 * the Nachforderung: every missing item and the due date. One email that says everything, rather
 * than a receipt followed seconds later by a second email that takes part of it back. German first,
 * English below.
 */
export function receiptEmail(facts: ReceiptFacts): OutgoingEmail {
  const { application, call, documents } = facts;
  const { reference, title } = application;
  const supplemented = application.supplementedAt !== undefined;
  const received = new Date(application.supplementedAt ?? application.submittedAt ?? application.updatedAt);
  const nachforderung = application.status === 'INCOMPLETE' ? application.nachforderung : undefined;

  const documentLines = (language: 'de' | 'en') =>
    documents.length === 0
      ? [language === 'de' ? '- keine' : '- none']
      : documents.map(
          (document) =>
            `- ${document.fileName} (${documentTypeName(call, document.type)[language]}, ${formatFileSize(document.size, language)})`,
        );

  const german = [
    'Guten Tag,',
    '',
    supplemented
      ? `Ihre Nachreichung zum Antrag „${title}" im Förderaufruf „${call.title.de}" ist am ${berlin.format(received)} Uhr bei uns eingegangen.`
      : `Ihr Antrag „${title}" im Förderaufruf „${call.title.de}" ist am ${berlin.format(received)} Uhr bei uns eingegangen.`,
    '',
    `Aktenzeichen: ${reference}`,
    'Bitte geben Sie das Aktenzeichen bei allen Rückfragen an.',
    '',
    'Eingegangene Unterlagen:',
    ...documentLines('de'),
    '',
    'Im Anhang finden Sie eine Kopie Ihres Antrags, wie Sie ihn eingereicht haben (PDF).',
    '',
    ...(nachforderung
      ? [
          'Nachforderung – bei der Prüfung auf Vollständigkeit haben wir festgestellt, dass noch Folgendes fehlt:',
          ...nachforderung.items.map((item) => `- ${item.message.de}`),
          '',
          `Bitte ergänzen Sie das Fehlende im Portal und reichen Sie den Antrag dort erneut ein, spätestens bis ${berlinDeadline(nachforderung.dueAt, 'de')}.`,
          'Die Frist gilt auch, wenn der Förderaufruf inzwischen geschlossen ist. Begutachtet wird erst der vollständige Antrag;',
          'geht bis zum Fristende nichts ein, wird der Antrag als unvollständig abgeschlossen.',
        ]
      : [
          'Ihr Antrag ist vollständig. Wie es weitergeht:',
          '1. Ihr Antrag wird jetzt fachlich und finanziell begutachtet.',
          '2. Über die Förderung entscheiden wir im Rahmen der verfügbaren Haushaltsmittel; ein Rechtsanspruch besteht nicht.',
          '   Den Bescheid erhalten Sie im Portal; wir benachrichtigen Sie per E-Mail.',
        ]),
    '',
    'Bitte beginnen Sie das Projekt nicht vor der Bewilligung (kein vorzeitiger Maßnahmebeginn ohne unsere Zustimmung).',
  ];

  const english = [
    supplemented
      ? `The items you supplied for your application "${title}" in the call "${call.title.en}" reached us on ${berlinEn.format(received)} (Berlin time).`
      : `Your application "${title}" in the call "${call.title.en}" reached us on ${berlinEn.format(received)} (Berlin time).`,
    `Reference number: ${reference} — please quote it in all enquiries.`,
    '',
    'Documents received:',
    ...documentLines('en'),
    '',
    'A copy of your application as you submitted it is attached (PDF).',
    '',
    ...(nachforderung
      ? [
          'Request for missing items – our completeness check found that the following is still missing:',
          ...nachforderung.items.map((item) => `- ${item.message.en}`),
          '',
          `Please add what is missing in the portal and submit the application there again by ${berlinDeadline(nachforderung.dueAt, 'en')} at the latest.`,
          'This deadline applies even if the call has closed meanwhile. Only a complete application is assessed; if nothing',
          'arrives by the deadline, the application is closed as incomplete.',
        ]
      : [
          'Your application is complete. Next, it is assessed on its content and its finances, and a decision is made within',
          'the available budget (there is no legal entitlement). You will find the decision in the portal; we will tell you by email.',
        ]),
    '',
    'Please do not start the project before approval.',
  ];

  return {
    to: application.contactEmail ?? '',
    subject: nachforderung
      ? `Eingangsbestätigung und Nachforderung ${reference}: ${title} / Receipt and request for missing items`
      : `Eingangsbestätigung ${reference}: ${title} / Receipt of your application`,
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
    attachments: [
      { fileName: `Antrag-${reference}.pdf`, contentType: 'application/pdf', content: facts.copy },
    ],
  };
}
