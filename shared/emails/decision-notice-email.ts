import type { Application } from '../domain/application.ts';
import type { WaitingListPlace } from '../domain/decision.ts';
import type { OutgoingEmail } from '../ports/mailer.ts';

const footer = ['Mit freundlichen Grüßen / Kind regards', 'foerderflow'];

/**
 * Tells the applicant that a Bescheid is waiting in the portal, and what follows from retrieving it:
 * notification the day after the first retrieval (§ 41 (2a) VwVfG), the one-month objection period
 * from then, and that a letter not retrieved within ten days is not notified that way. It neither
 * says what was decided nor attaches the letter: the decision is notified by retrieval in the portal,
 * and an email is no safe place for it. German first, English below.
 */
export function decisionNoticeEmail(
  application: Pick<Application, 'title' | 'reference'>,
  callTitle: { de: string; en: string },
  to: string,
): OutgoingEmail {
  const reference = application.reference ?? '—';
  const german = [
    'Guten Tag,',
    '',
    `ein Bescheid zu Ihrem Antrag ${reference} liegt im Portal bereit.`,
    `Er betrifft Ihren Antrag „${application.title}" im Förderaufruf „${callTitle.de}". Sie finden ihn im Förderportal bei diesem Antrag unter „Bescheide".`,
    '',
    'Was jetzt geschieht:',
    '- Sie haben der elektronischen Bekanntgabe zugestimmt. Der Bescheid gilt am Tag nach seinem ersten Abruf im Portal als bekannt gegeben (§ 41 Abs. 2a VwVfG).',
    '- Ab diesem Tag läuft die Frist von einem Monat, in der Widerspruch erhoben werden kann. Einzelheiten stehen in der Rechtsbehelfsbelehrung des Bescheids.',
    '- Wird der Bescheid nicht innerhalb von zehn Tagen nach dieser Benachrichtigung abgerufen, ist er auf diesem Weg nicht bekannt gegeben; er wird Ihnen dann auf anderem Weg bekannt gegeben. Bitte rufen Sie ihn deshalb bald ab.',
    '',
    'Der Bescheid ist dieser E-Mail aus Gründen des Datenschutzes nicht beigefügt.',
  ];
  const english = [
    'Hello,',
    '',
    `a decision letter (Bescheid) on your application ${reference} is ready in the portal.`,
    `It concerns your application "${application.title}" in the call "${callTitle.en}". You will find it in the funding portal with this application, under "Letters".`,
    '',
    'What happens next:',
    '- You consented to electronic notification. The letter counts as notified on the day after you first retrieve it in the portal (section 41 (2a) VwVfG).',
    '- From that day, the one-month period for lodging an objection (Widerspruch) runs. The letter explains how, under "Rechtsbehelfsbelehrung".',
    '- If the letter is not retrieved within ten days of this notice, it is not notified this way and will be notified to you by other means. Please retrieve it soon.',
    '',
    'For data protection, the letter is not attached to this email.',
  ];
  return {
    to,
    subject: `Ein Bescheid zu Ihrem Antrag ${reference} liegt im Portal bereit / A decision letter on your application is ready`,
    text: [...german, '', '— English —', '', ...english, '', ...footer].join('\n'),
  };
}

/**
 * Tells the applicant that the application was placed on the waiting list of a competitive call: no
 * Bescheid yet, it moves up by its rank if budget is released, and the project should not start
 * before an approval. German first, English below.
 */
export function waitingListEmail(
  application: Pick<Application, 'title' | 'reference'>,
  place: Pick<WaitingListPlace, 'rank'>,
  callTitle: { de: string; en: string },
  to: string,
): OutgoingEmail {
  const reference = application.reference ?? '—';
  const german = [
    'Guten Tag,',
    '',
    `Ihr Antrag „${application.title}" (Aktenzeichen ${reference}) im Förderaufruf „${callTitle.de}" wurde im Auswahlverfahren auf die Warteliste gesetzt, auf Rang ${place.rank}.`,
    '',
    'Was das bedeutet:',
    '- Die verfügbaren Mittel des Aufrufs reichen derzeit nicht für Ihren Antrag. Ein Bescheid ergeht noch nicht.',
    '- Werden Mittel frei, etwa weil eine bewilligte Zuwendung nicht in Anspruch genommen wird, rückt Ihr Antrag nach seinem Rang nach. Sie erhalten dann einen Bescheid im Portal und eine E-Mail.',
    '- Bitte beginnen Sie das Projekt nicht, bevor es bewilligt ist: Ein vorzeitiger Beginn kann eine spätere Förderung ausschließen.',
  ];
  const english = [
    'Hello,',
    '',
    `Your application "${application.title}" (reference ${reference}) in the call "${callTitle.en}" was placed on the waiting list in the selection, at rank ${place.rank}.`,
    '',
    'What this means:',
    "- The call's available funds do not currently cover your application. No decision letter is issued yet.",
    '- If funds are released, for example because an approved grant is not taken up, your application moves up by its rank. You will then get a decision letter in the portal and an email.',
    '- Please do not start the project before it is approved: an early start can rule out funding later.',
  ];
  return {
    to,
    subject: `Ihr Antrag ${reference} steht auf der Warteliste / Your application is on the waiting list`,
    text: [...german, '', '— English —', '', ...english, '', ...footer].join('\n'),
  };
}
