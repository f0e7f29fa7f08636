import { defineMessages } from './messages.ts';

/** The open calls page: each call's rules in plain language. Amounts and dates arrive formatted. */
export const calls = defineMessages({
  de: {
    title: 'Förderaufrufe',
    intro:
      'Diese Aufrufe nehmen Anträge an oder öffnen bald. Zu jedem steht hier, was gefördert wird und welche Regeln gelten.',
    empty: 'Zurzeit gibt es keine offenen Förderaufrufe.',
    loadFailed: 'Die Förderaufrufe konnten nicht geladen werden.',
    retry: 'Erneut versuchen',
    strand: (strand: string) => `Förderbereich ${strand}`,
    phaseOpen: 'Offen',
    phaseUpcoming: 'Demnächst',
    deadline: (when: string) => `Anträge bis ${when}`,
    opens: (when: string) => `Anträge ab ${when}`,
    rulesHeading: 'Die Regeln',
    maxGrant: (amount: string) => `Sie können eine Zuwendung von bis zu ${amount} beantragen.`,
    fundingRate: (rate: string) => `Die Zuwendung deckt höchstens ${rate} der zuwendungsfähigen Ausgaben.`,
    ownShare: (share: string) => `Ihr Eigenanteil muss mindestens ${share} der Gesamtausgaben betragen.`,
    noOwnShare: 'Ein Eigenanteil ist nicht vorgeschrieben.',
    flatRate: (rate: string) =>
      `Verwaltungsausgaben werden pauschal mit ${rate} der direkten Ausgaben angesetzt; Sie müssen sie nicht einzeln belegen.`,
    noFlatRate: 'Eine Verwaltungskostenpauschale gibt es in diesem Aufruf nicht.',
    period: (start: string, end: string, months: number) =>
      `Das Projekt beginnt frühestens am ${start}, endet spätestens am ${end} und dauert höchstens ${months} Monate.`,
    financing: {
      partial: 'Anteilfinanzierung: Die Zuwendung ist ein fester Anteil der Ausgaben.',
      deficit: 'Fehlbedarfsfinanzierung: Die Zuwendung deckt, was nach Eigenanteil und Drittmitteln fehlt.',
      fixed: 'Festbetragsfinanzierung: Die Zuwendung ist ein fester Betrag.',
      full: 'Vollfinanzierung: Die Zuwendung deckt alle zuwendungsfähigen Ausgaben.',
    },
    selectionRolling:
      'Laufende Bewilligung: Anträge werden einzeln entschieden, sobald sie geprüft sind, solange Mittel vorhanden sind.',
    selectionCompetitive:
      'Wettbewerb: Nach Ablauf der Frist werden alle Anträge bewertet und nach Punkten gereiht; gefördert wird, soweit das Budget reicht.',
    budget: (amount: string) => `Für diesen Aufruf stehen insgesamt ${amount} bereit.`,
    whoHeading: 'Wer kann beantragen',
    documentsHeading: 'Unterlagen',
    optional: '(optional)',
  },
  en: {
    title: 'Calls for proposals',
    intro: 'These calls accept applications or open soon. Each one says what it funds and which rules apply.',
    empty: 'There are no open calls for proposals at the moment.',
    loadFailed: 'The calls for proposals could not be loaded.',
    retry: 'Try again',
    strand: (strand: string) => `Funding strand ${strand}`,
    phaseOpen: 'Open',
    phaseUpcoming: 'Opening soon',
    deadline: (when: string) => `Applications until ${when}`,
    opens: (when: string) => `Applications from ${when}`,
    rulesHeading: 'The rules',
    maxGrant: (amount: string) => `You can apply for a grant of up to ${amount}.`,
    fundingRate: (rate: string) => `The grant covers at most ${rate} of the eligible costs.`,
    ownShare: (share: string) => `Your own contribution must be at least ${share} of the total costs.`,
    noOwnShare: 'No own contribution is required.',
    flatRate: (rate: string) =>
      `Administrative costs are counted as a flat ${rate} of the direct costs; you need not prove them one by one.`,
    noFlatRate: 'This call has no flat rate for administrative costs.',
    period: (start: string, end: string, months: number) =>
      `The project starts on ${start} at the earliest, ends on ${end} at the latest and lasts at most ${months} months.`,
    financing: {
      partial: 'Partial financing: the grant is a fixed share of the costs.',
      deficit:
        'Deficit financing: the grant covers what remains after your own contribution and third-party funds.',
      fixed: 'Fixed-amount financing: the grant is a fixed sum.',
      full: 'Full financing: the grant covers all eligible costs.',
    },
    selectionRolling:
      'Rolling decisions: applications are decided one by one once reviewed, while funds remain.',
    selectionCompetitive:
      'Competition: after the deadline all applications are assessed and ranked by score; they are funded as far as the budget goes.',
    budget: (amount: string) => `This call has a total budget of ${amount}.`,
    whoHeading: 'Who can apply',
    documentsHeading: 'Documents',
    optional: '(optional)',
  },
});
