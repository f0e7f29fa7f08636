import { APPLICANT_STATUS_DE, APPLICANT_STATUS_EN } from './applicant-status.ts';
import { defineMessages } from './messages.ts';

/**
 * The status page of one application (/applications/:id): where it stands and what happens next, the
 * timeline, the Nachforderung, the decision and its letters, the objection and the withdrawal. Amounts
 * and dates arrive formatted (format.ts).
 */
export const applicationStatus = defineMessages({
  de: {
    pageTitle: 'Antrag',
    loadFailed: 'Der Antrag konnte nicht geladen werden.',
    notFound:
      'Diesen Antrag gibt es nicht, oder Sie gehören nicht zu der Organisation, die ihn gestellt hat.',
    retry: 'Erneut versuchen',
    reference: 'Aktenzeichen',
    referencePending: 'wird nach der Einreichung vergeben',
    call: 'Förderaufruf',
    submittedAt: 'Eingereicht am',
    statusHeading: 'Stand',
    nextHeading: 'Wie es weitergeht',
    processing: 'Ihr letzter Schritt wird gerade verarbeitet. Diese Seite aktualisiert sich von selbst.',
    status: APPLICANT_STATUS_DE,
    renouncedStatus: 'Auf die Zuwendung verzichtet',
    next: {
      DRAFT: 'Füllen Sie den Antrag vollständig aus und reichen Sie ihn vor Ablauf der Frist ein.',
      SUBMITTED:
        'Wir vergeben ein Aktenzeichen und prüfen, ob der Antrag vollständig ist. Sie erhalten eine Eingangsbestätigung per E-Mail.',
      INCOMPLETE:
        'Bitte ergänzen Sie, was unten aufgeführt ist, und reichen Sie den Antrag bis zur genannten Frist erneut ein. Danach wird er geschlossen.',
      CLOSED_INCOMPLETE:
        'Die Frist für die Nachforderung ist abgelaufen; das Verfahren ist beendet. Sie können in einem offenen Förderaufruf einen neuen Antrag stellen.',
      IN_REVIEW:
        'Zwei Fachleute der Bewilligungsbehörde prüfen den Antrag inhaltlich und finanziell. Danach wird entschieden; Sie erhalten einen Bescheid.',
      ASSESSED:
        'Die Prüfung ist abgeschlossen. Die Bewilligungsbehörde entscheidet nun; Sie erhalten einen Bescheid.',
      WAITLISTED:
        'Ihr Antrag ist förderfähig, aber das Budget reicht derzeit nicht. Wird Geld frei, rücken Anträge in der Reihenfolge der Warteliste nach; Sie werden dann benachrichtigt.',
      APPROVED: 'Rufen Sie den Zuwendungsbescheid unten ab. Lesen Sie vorher den Hinweis zur Bekanntgabe.',
      REJECTED: 'Rufen Sie den Ablehnungsbescheid unten ab. Lesen Sie vorher den Hinweis zur Bekanntgabe.',
      NOTIFIED:
        'Der Bescheid wird bestandskräftig, wenn innerhalb der Widerspruchsfrist kein Widerspruch eingeht.',
      APPEALED:
        'Die Bewilligungsbehörde prüft Ihren Widerspruch. Sie hilft ihm ab oder weist ihn mit einem Widerspruchsbescheid zurück; beides erhalten Sie hier.',
      FINAL: 'Das Verwaltungsverfahren ist abgeschlossen.',
      WITHDRAWN: 'Das Verfahren ist beendet.',
    },
    continueDraft: 'Antrag weiter bearbeiten',
    // Nachforderung
    nachforderungHeading: 'Nachforderung',
    nachforderungDue: (when: string) => `Bitte ergänzen Sie Folgendes bis ${when}:`,
    nachforderungNote: 'Hinweis der Bewilligungsbehörde:',
    supplementLink: 'Antrag ergänzen und erneut einreichen',
    supplementHint:
      'Fehlende Unterlagen können Sie auch gleich hier unten hochladen. Eingereicht ist die Ergänzung erst, wenn Sie den Antrag erneut einreichen.',
    // Documents
    documentsHeading: 'Unterlagen',
    // Timeline
    timelineHeading: 'Verlauf',
    timelineEmpty: 'Noch keine Schritte.',
    timelineFailed: 'Der Verlauf konnte nicht geladen werden.',
    // Decision
    decisionHeading: 'Entscheidung',
    decisionApproved: 'Bewilligt',
    decisionRejected: 'Abgelehnt',
    decidedAt: (when: string) => `Entschieden am ${when}`,
    grantedAmount: 'Bewilligte Zuwendung',
    financingType: 'Finanzierungsart',
    conditions: 'Nebenbestimmungen',
    reasons: 'Begründung',
    // Letters
    lettersHeading: 'Bescheide',
    letterKind: {
      zuwendungsbescheid: 'Zuwendungsbescheid',
      ablehnungsbescheid: 'Ablehnungsbescheid',
      abhilfebescheid: 'Abhilfebescheid',
      widerspruchsbescheid: 'Widerspruchsbescheid',
    },
    letterIssued: (when: string) => `erstellt am ${when}`,
    letterRetrieved: (when: string) => `zuerst abgerufen am ${when}`,
    notificationWarning:
      'Wichtig: Mit dem ersten Abruf durch ein Mitglied Ihrer Organisation gilt der Bescheid als bekannt gegeben, und zwar am Tag nach dem Abruf (elektronische Bekanntgabe, § 41 Abs. 2a VwVfG). Ab dann läuft die Widerspruchsfrist von einem Monat.',
    download: 'Bescheid herunterladen',
    downloadOpensNewTab: '(PDF, öffnet in einem neuen Tab)',
    downloading: 'Wird abgerufen …',
    downloadFailed: 'Der Bescheid konnte nicht abgerufen werden. Bitte versuchen Sie es erneut.',
    downloadReady: (kind: string) => `Der ${kind} ist abgerufen.`,
    downloadFallback: (until: string) =>
      `Falls sich der Bescheid nicht geöffnet hat: Bescheid öffnen (Link gültig bis ${until})`,
    notifiedOn: (date: string) => `Bekannt gegeben am ${date}.`,
    appealPeriodEnds: (when: string) => `Die Widerspruchsfrist endet am ${when}.`,
    appealPeriodOver: (when: string) => `Die Widerspruchsfrist ist am ${when} abgelaufen.`,
    // Objection
    objectionHeading: 'Widerspruch',
    objectionIntro: (when: string) =>
      `Sind Sie mit dem Bescheid nicht einverstanden, können Sie bis ${when} Widerspruch einlegen. Begründen Sie bitte, was Sie anders sehen.`,
    objectionReason: 'Begründung des Widerspruchs',
    objectionReasonHint: 'Mindestens 10 Zeichen.',
    objectionSubmit: 'Widerspruch einlegen',
    objectionSubmitting: 'Wird eingelegt …',
    objectionLodged: 'Ihr Widerspruch ist eingegangen.',
    objectionFailed: 'Der Widerspruch konnte nicht eingelegt werden.',
    objectionAt: (when: string) => `Ihr Widerspruch vom ${when}:`,
    objectionPending: 'Über den Widerspruch ist noch nicht entschieden.',
    objectionRemedied: (when: string) =>
      `Dem Widerspruch wurde am ${when} abgeholfen: Die Entscheidung oben ist die neue (Abhilfebescheid).`,
    objectionDismissed: (when: string) =>
      `Der Widerspruch wurde am ${when} zurückgewiesen (Widerspruchsbescheid). Dagegen können Sie innerhalb eines Monats Klage beim Verwaltungsgericht erheben; Einzelheiten stehen im Bescheid.`,
    // Waiting list
    waitingListHeading: 'Warteliste',
    waitingListRank: (rank: number) => `Ihr Antrag steht auf Platz ${rank} der Warteliste.`,
    // Withdrawal
    withdrawHeading: 'Antrag zurücknehmen',
    renounceHeading: 'Auf die Zuwendung verzichten',
    withdrawIntro:
      'Sie können den Antrag zurücknehmen, solange nicht entschieden ist. Das Verfahren endet damit; er wird nicht weiter geprüft.',
    renounceIntro:
      'Sie können auf die bewilligte Zuwendung verzichten. Das Geld geht zurück an den Förderaufruf und kann anderen Anträgen zugutekommen.',
    withdrawStart: 'Antrag zurücknehmen …',
    renounceStart: 'Auf die Zuwendung verzichten …',
    withdrawConfirmHeading: 'Wollen Sie den Antrag wirklich zurücknehmen?',
    renounceConfirmHeading: 'Wollen Sie wirklich auf die Zuwendung verzichten?',
    withdrawConsequence:
      'Mit der Rücknahme endet das Verfahren endgültig. Der Antrag wird nicht weiter geprüft und nicht entschieden; rückgängig machen lässt sich das nicht. Sie erhalten eine Bestätigung per E-Mail.',
    renounceConsequence: (amount: string) =>
      `Mit dem Verzicht geben Sie die bewilligte Zuwendung von ${amount} endgültig auf; der Bescheid wird gegenstandslos, und rückgängig machen lässt sich das nicht. Sie erhalten eine Bestätigung per E-Mail.`,
    withdrawReason: 'Grund',
    withdrawReasonHint: 'Der Grund wird in der Akte vermerkt (mindestens 3 Zeichen).',
    withdrawConfirm: 'Ja, Antrag zurücknehmen',
    renounceConfirm: 'Ja, auf die Zuwendung verzichten',
    withdrawing: 'Wird übermittelt …',
    withdrawn: 'Der Antrag ist zurückgenommen.',
    renounced: 'Sie haben auf die Zuwendung verzichtet.',
    withdrawFailed: 'Das hat nicht geklappt.',
    cancel: 'Abbrechen',
    withdrawalRecorded: (when: string) => `Zurückgenommen am ${when}. Grund:`,
  },
  en: {
    pageTitle: 'Application',
    loadFailed: 'The application could not be loaded.',
    notFound: 'This application does not exist, or you do not belong to the organisation that made it.',
    retry: 'Try again',
    reference: 'Reference',
    referencePending: 'given after submission',
    call: 'Call for proposals',
    submittedAt: 'Submitted on',
    statusHeading: 'Status',
    nextHeading: 'What happens next',
    processing: 'Your last step is being processed. This page updates by itself.',
    status: APPLICANT_STATUS_EN,
    renouncedStatus: 'Grant renounced',
    next: {
      DRAFT: 'Complete the application and submit it before the deadline.',
      SUBMITTED:
        'We assign a reference and check that the application is complete. You will receive an acknowledgement by email.',
      INCOMPLETE:
        'Please supply what is listed below and submit the application again by the due date. After that it is closed.',
      CLOSED_INCOMPLETE:
        'The due date for the missing items has passed; the procedure has ended. You can make a new application in an open call.',
      IN_REVIEW:
        'Two experts of the funding body review the content and the finances. Then it is decided; you will receive a decision letter.',
      ASSESSED: 'The review is complete. The funding body now decides; you will receive a decision letter.',
      WAITLISTED:
        'Your application is eligible, but the budget does not suffice at present. If money is released, applications move up in the order of the waiting list; you will be told.',
      APPROVED: 'Retrieve the grant decision below. Read the note on notification first.',
      REJECTED: 'Retrieve the rejection letter below. Read the note on notification first.',
      NOTIFIED: 'The decision becomes final if no objection is lodged within the objection period.',
      APPEALED:
        'The funding body examines your objection. It either remedies it or dismisses it with an objection decision; you receive either here.',
      FINAL: 'The administrative procedure is complete.',
      WITHDRAWN: 'The procedure has ended.',
    },
    continueDraft: 'Continue editing the application',
    nachforderungHeading: 'Missing items requested',
    nachforderungDue: (when: string) => `Please supply the following by ${when}:`,
    nachforderungNote: 'Note from the funding body:',
    supplementLink: 'Complete the application and submit it again',
    supplementHint:
      'You can also upload missing documents right here below. The supplement counts only once you submit the application again.',
    documentsHeading: 'Documents',
    timelineHeading: 'Timeline',
    timelineEmpty: 'No steps yet.',
    timelineFailed: 'The timeline could not be loaded.',
    decisionHeading: 'Decision',
    decisionApproved: 'Approved',
    decisionRejected: 'Rejected',
    decidedAt: (when: string) => `Decided on ${when}`,
    grantedAmount: 'Grant awarded',
    financingType: 'Type of financing',
    conditions: 'Conditions',
    reasons: 'Reasons',
    lettersHeading: 'Decision letters',
    letterKind: {
      zuwendungsbescheid: 'Grant decision (Zuwendungsbescheid)',
      ablehnungsbescheid: 'Rejection letter (Ablehnungsbescheid)',
      abhilfebescheid: 'Remedial decision (Abhilfebescheid)',
      widerspruchsbescheid: 'Objection decision (Widerspruchsbescheid)',
    },
    letterIssued: (when: string) => `issued on ${when}`,
    letterRetrieved: (when: string) => `first retrieved on ${when}`,
    notificationWarning:
      'Important: when a member of your organisation retrieves the letter for the first time, it counts as notified on the day after (electronic notification, § 41 (2a) VwVfG). From then on the one-month objection period runs.',
    download: 'Download the letter',
    downloadOpensNewTab: '(PDF, opens in a new tab)',
    downloading: 'Retrieving …',
    downloadFailed: 'The letter could not be retrieved. Please try again.',
    downloadReady: (kind: string) => `The ${kind} has been retrieved.`,
    downloadFallback: (until: string) =>
      `If the letter did not open: open the letter (link valid until ${until})`,
    notifiedOn: (date: string) => `Notified on ${date}.`,
    appealPeriodEnds: (when: string) => `The objection period ends on ${when}.`,
    appealPeriodOver: (when: string) => `The objection period ended on ${when}.`,
    objectionHeading: 'Objection',
    objectionIntro: (when: string) =>
      `If you disagree with the decision, you can lodge an objection until ${when}. Please explain what you see differently.`,
    objectionReason: 'Reasons for the objection',
    objectionReasonHint: 'At least 10 characters.',
    objectionSubmit: 'Lodge the objection',
    objectionSubmitting: 'Lodging …',
    objectionLodged: 'Your objection has been received.',
    objectionFailed: 'The objection could not be lodged.',
    objectionAt: (when: string) => `Your objection of ${when}:`,
    objectionPending: 'The objection has not been decided yet.',
    objectionRemedied: (when: string) =>
      `The objection was remedied on ${when}: the decision above is the new one (remedial decision).`,
    objectionDismissed: (when: string) =>
      `The objection was dismissed on ${when} (objection decision). You can bring an action before the administrative court within one month; the letter has the details.`,
    waitingListHeading: 'Waiting list',
    waitingListRank: (rank: number) => `Your application is number ${rank} on the waiting list.`,
    withdrawHeading: 'Withdraw the application',
    renounceHeading: 'Renounce the grant',
    withdrawIntro:
      'You can withdraw the application as long as it is not decided. The procedure then ends; it is not reviewed any further.',
    renounceIntro:
      'You can renounce the grant awarded. The money goes back to the call and can benefit other applications.',
    withdrawStart: 'Withdraw the application …',
    renounceStart: 'Renounce the grant …',
    withdrawConfirmHeading: 'Do you really want to withdraw the application?',
    renounceConfirmHeading: 'Do you really want to renounce the grant?',
    withdrawConsequence:
      'Withdrawing ends the procedure for good. The application is neither reviewed nor decided any further; this cannot be undone. You will receive a confirmation by email.',
    renounceConsequence: (amount: string) =>
      `By renouncing you give up the grant of ${amount} for good; the decision no longer applies, and this cannot be undone. You will receive a confirmation by email.`,
    withdrawReason: 'Reason',
    withdrawReasonHint: 'The reason is recorded in the file (at least 3 characters).',
    withdrawConfirm: 'Yes, withdraw the application',
    renounceConfirm: 'Yes, renounce the grant',
    withdrawing: 'Sending …',
    withdrawn: 'The application has been withdrawn.',
    renounced: 'You have renounced the grant.',
    withdrawFailed: 'That did not work.',
    cancel: 'Cancel',
    withdrawalRecorded: (when: string) => `Withdrawn on ${when}. Reason:`,
  },
});
