import type { LocalizedText } from '../http/language.ts';
import type { ApplicationEvent } from './application.ts';

/** One step of an application's history as the applying organisation sees it. */
export interface TimelineEntry {
  at: string;
  type: ApplicationEvent['type'];
  /** What happened, in plain language. */
  title: LocalizedText;
  detail?: LocalizedText;
  /** Who did it: a member of the organisation (their email), or the funding body / the system. */
  by: { kind: 'member'; email?: string } | { kind: 'funding-body' };
  status: ApplicationEvent['to'];
}

const FIELD_LABELS: Record<string, LocalizedText> = {
  title: { de: 'Titel', en: 'title' },
  summary: { de: 'Projektbeschreibung', en: 'project summary' },
  targetGroups: { de: 'Zielgruppen', en: 'target groups' },
  region: { de: 'Region', en: 'region' },
  projectPeriod: { de: 'Projektzeitraum', en: 'project period' },
  declarations: { de: 'Erklärungen', en: 'declarations' },
  financePlan: { de: 'Finanzierungsplan', en: 'finance plan' },
};

const listOf = (fields: readonly string[], language: keyof LocalizedText) =>
  fields.map((field) => FIELD_LABELS[field]?.[language] ?? field).join(', ');

/**
 * What each event means to the applicant. Only the event types listed here are shown: anything
 * internal to the back office (assignments, scores, reviewers' notes, added by later features) is left
 * out unless it is added here on purpose, so nothing internal can leak by default.
 */
const DESCRIBE: Partial<
  Record<ApplicationEvent['type'], (event: ApplicationEvent) => Pick<TimelineEntry, 'title' | 'detail'>>
> = {
  DRAFT_CREATED: () => ({ title: { de: 'Entwurf angelegt', en: 'Draft created' } }),
  DRAFT_UPDATED: (event) => ({
    title: { de: 'Entwurf bearbeitet', en: 'Draft edited' },
    ...(event.fields?.length
      ? {
          detail: {
            de: `Geändert: ${listOf(event.fields, 'de')}`,
            en: `Changed: ${listOf(event.fields, 'en')}`,
          },
        }
      : {}),
  }),
  SUBMITTED: () => ({
    title: { de: 'Antrag eingereicht', en: 'Application submitted' },
    detail: {
      de: 'Der Eingang wird bestätigt und die Vollständigkeit geprüft.',
      en: 'Receipt is confirmed and completeness is checked.',
    },
  }),
  RESUBMITTED: () => ({
    title: { de: 'Fehlendes nachgereicht', en: 'Missing items supplied' },
    detail: {
      de: 'Die Vollständigkeit wird erneut geprüft.',
      en: 'Completeness is checked again.',
    },
  }),
  REFERENCE_ALLOCATED: (event) => ({
    title: { de: 'Aktenzeichen vergeben', en: 'Reference number allocated' },
    ...(event.reason ? { detail: { de: event.reason, en: event.reason } } : {}),
  }),
  RECEIPT_SENT: () => ({
    title: { de: 'Eingangsbestätigung versandt', en: 'Receipt sent' },
  }),
  REVIEW_STARTED: () => ({
    title: { de: 'Antrag vollständig – die Prüfung beginnt', en: 'Application complete – review begins' },
  }),
  DOCUMENTS_REQUESTED: () => ({
    title: { de: 'Angaben oder Unterlagen nachgefordert', en: 'Missing items requested' },
    detail: {
      de: 'Bitte reichen Sie das Fehlende bis zur genannten Frist nach.',
      en: 'Please supply what is missing by the due date given.',
    },
  }),
  CLOSED_INCOMPLETE: () => ({
    title: {
      de: 'Antrag geschlossen – Frist für die Nachforderung abgelaufen',
      en: 'Application closed – the deadline for the missing items passed',
    },
    detail: {
      de: 'Das Fehlende kam nicht bis zur Frist. Solange ein Förderaufruf geöffnet ist, können Sie einen neuen Antrag stellen.',
      en: 'The missing items did not arrive by the due date. While a call is open, you may submit a new application.',
    },
  }),
  WITHDRAWN: (event) => ({
    title: { de: 'Antrag zurückgenommen', en: 'Application withdrawn' },
    ...(event.reason ? { detail: { de: `Grund: ${event.reason}`, en: `Reason: ${event.reason}` } } : {}),
  }),
  // The decision and what follows it. The events' reasons are internal notes (amounts, batches), so
  // the applicant reads these fixed texts; the Bescheid itself says what was decided and why.
  APPROVED: () => ({
    title: { de: 'Antrag bewilligt', en: 'Application approved' },
    detail: {
      de: 'Der Zuwendungsbescheid wird erstellt und im Portal bereitgestellt; Sie erhalten dazu eine E-Mail.',
      en: 'The grant decision letter is being prepared and made available in the portal; you will get an email.',
    },
  }),
  REJECTED: () => ({
    title: { de: 'Antrag abgelehnt', en: 'Application rejected' },
    detail: {
      de: 'Der Ablehnungsbescheid mit der Begründung wird im Portal bereitgestellt; Sie erhalten dazu eine E-Mail.',
      en: 'The rejection letter with its reasons is made available in the portal; you will get an email.',
    },
  }),
  WAITLISTED: () => ({
    title: { de: 'Auf die Warteliste gesetzt', en: 'Placed on the waiting list' },
    detail: {
      de: 'Die Mittel des Aufrufs reichen derzeit nicht. Werden Mittel frei, rückt der Antrag nach seinem Rang nach.',
      en: "The call's funds do not suffice for now. If funds are released, the application moves up by its rank.",
    },
  }),
  MOVED_UP: () => ({
    title: { de: 'Von der Warteliste nachgerückt', en: 'Moved up from the waiting list' },
    detail: {
      de: 'Es sind Mittel frei geworden: Der Antrag wird bewilligt.',
      en: 'Funds were released: the application is approved.',
    },
  }),
  LETTER_ISSUED: (event) =>
    // The letter that ends an objection (its kind leads the event's reason) starts no objection period.
    /^(abhilfebescheid|widerspruchsbescheid)\b/.test(event.reason ?? '')
      ? {
          title: {
            de: 'Bescheid über den Widerspruch liegt im Portal bereit',
            en: 'Letter on the objection ready in the portal',
          },
          detail: {
            de: 'Rufen Sie den Bescheid im Portal ab. Er enthält die Entscheidung über Ihren Widerspruch und sagt, wie Sie dagegen Klage erheben können.',
            en: 'Retrieve the letter in the portal. It contains the decision on your objection and explains how to bring an action against it.',
          },
        }
      : {
          title: { de: 'Bescheid liegt im Portal bereit', en: 'Decision letter ready in the portal' },
          detail: {
            de: 'Rufen Sie den Bescheid im Portal ab: Er gilt am Tag nach dem ersten Abruf als bekannt gegeben, und ab dann läuft die Widerspruchsfrist von einem Monat (§ 41 Abs. 2a VwVfG).',
            en: 'Retrieve the letter in the portal: it counts as notified on the day after its first retrieval, and the one-month objection period runs from then (section 41 (2a) VwVfG).',
          },
        },
  LETTER_REMINDER_SENT: () => ({
    title: {
      de: 'Erinnerung: Bescheid wartet im Portal',
      en: 'Reminder: a decision letter is waiting in the portal',
    },
    detail: {
      de: 'Bitte rufen Sie den Bescheid ab. Wird er nicht binnen zehn Tagen nach der Bereitstellung abgerufen, wird er auf anderem Weg bekannt gegeben (§ 41 Abs. 2a VwVfG).',
      en: 'Please retrieve the letter. If it is not retrieved within ten days of being made available, it is notified by other means (section 41 (2a) VwVfG).',
    },
  }),
  NOTIFIED: (event) => {
    // The notify write records the end of the objection period in its reason (notifyOnRetrieval).
    const lastDay = /(\d{4})-(\d{2})-(\d{2})T/.exec(event.reason ?? '');
    return {
      title: { de: 'Bescheid bekannt gegeben', en: 'Decision letter notified' },
      detail: lastDay
        ? {
            de: `Der Bescheid wurde abgerufen und gilt am Folgetag als bekannt gegeben. Widerspruch ist bis zum ${lastDay[3]}.${lastDay[2]}.${lastDay[1]} möglich.`,
            en: `The letter was retrieved and counts as notified the next day. An objection may be lodged until ${lastDay[1]}-${lastDay[2]}-${lastDay[3]}.`,
          }
        : {
            de: 'Der Bescheid wurde abgerufen und gilt am Folgetag als bekannt gegeben.',
            en: 'The letter was retrieved and counts as notified the next day.',
          },
    };
  },
  OBJECTION_LODGED: (event) => ({
    title: { de: 'Widerspruch eingelegt', en: 'Objection lodged' },
    ...(event.reason
      ? { detail: { de: `Begründung: ${event.reason}`, en: `Reasons: ${event.reason}` } }
      : {}),
  }),
  OBJECTION_DECIDED: (event) =>
    // decideObjection writes the outcome as the first word of the reason; the amounts after it are internal.
    event.reason?.startsWith('remedied')
      ? {
          title: { de: 'Dem Widerspruch wurde abgeholfen', en: 'Objection remedied' },
          detail: {
            de: 'Die Bewilligungsstelle hat ihre Entscheidung geändert. Der Abhilfebescheid wird im Portal bereitgestellt.',
            en: 'The funding body changed its decision. The letter remedying the objection is made available in the portal.',
          },
        }
      : {
          title: { de: 'Widerspruch zurückgewiesen', en: 'Objection dismissed' },
          detail: {
            de: 'Die Entscheidung bleibt bestehen. Der Widerspruchsbescheid mit der Begründung wird im Portal bereitgestellt.',
            en: 'The decision stands. The decision on the objection, with its reasons, is made available in the portal.',
          },
        },
  FINAL: () => ({
    title: { de: 'Bescheid bestandskräftig', en: 'Decision final' },
    detail: {
      de: 'Die Widerspruchsfrist ist abgelaufen, ohne dass Widerspruch eingelegt wurde.',
      en: 'The objection period ended without an objection.',
    },
  }),
};

/**
 * The applicant's timeline: every step they may see, oldest first, with members named by their email
 * and everything done by staff or the system attributed to the funding body, never to a person.
 */
export function applicantTimeline(
  events: readonly ApplicationEvent[],
  memberEmails: ReadonlyMap<string, string | undefined>,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const event of [...events].sort((a, b) => a.version - b.version)) {
    const describe = DESCRIBE[event.type];
    if (!describe) continue;
    const email = memberEmails.get(event.actor);
    entries.push({
      at: event.at,
      type: event.type,
      ...describe(event),
      by: memberEmails.has(event.actor)
        ? { kind: 'member', ...(email ? { email } : {}) }
        : { kind: 'funding-body' },
      status: event.to,
    });
  }
  return entries;
}
