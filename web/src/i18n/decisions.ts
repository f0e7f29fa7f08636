import { defineMessages } from './messages.ts';
import { STAFF_STATUS_DE, STAFF_STATUS_EN } from './staff-status.ts';

/**
 * The approvers' part of the back office (features/backoffice/decisions/): the start page with the calls
 * and what awaits a decision, the decision and objection forms, a competitive call's ranking with its
 * batch decision, and the waiting list. Amounts and dates arrive formatted (format.ts).
 */
export const decisions = defineMessages({
  de: {
    // Start page
    startTitle: 'Entscheidungen',
    startIntro:
      'Hier bewilligen oder lehnen Sie begutachtete Anträge ab. In rollierenden Aufrufen entscheiden Sie einzeln, solange Budget verbleibt; in Wettbewerbsaufrufen nach Fristende gemeinsam über die Rangliste.',
    pendingHeading: 'Was auf eine Entscheidung wartet',
    nothingPending: 'Zurzeit wartet kein Antrag und kein Widerspruch auf eine Entscheidung.',
    otherCallsHeading: 'Weitere Förderaufrufe',
    call: 'Förderaufruf',
    selectionMode: 'Auswahlverfahren',
    mode: { rolling: 'Rollierend (Einzelentscheidung)', competitive: 'Wettbewerb (Rangliste)' },
    phase: { upcoming: 'noch nicht geöffnet', open: 'Antragsfrist läuft', closed: 'Antragsfrist abgelaufen' },
    deadline: 'Antragsfrist',
    deadlineAt: (when: string) => `Frist: ${when}`,
    applications: 'Anträge',
    budgetLine: (budget: string, committed: string, remaining: string) =>
      `Budget ${budget}, davon gebunden ${committed}, verbleibend ${remaining}.`,
    toRankingOf: (call: string) => `Rangliste und gemeinsame Entscheidung: ${call}`,
    toWaitingListOf: (call: string) => `Warteliste: ${call}`,
    rankingAfterDeadline: (when: string) => `Die Rangliste gibt es nach Fristende (${when}).`,
    toDecide: 'Begutachtet, zu entscheiden',
    decideItem: (reference: string, title: string) => (reference ? `${reference}: ${title}` : title),
    assessedInQueue: 'Begutachtete Anträge im Arbeitsvorrat',
    moreInQueue: '(weitere dort)',
    objectionsToDecide: 'Widersprüche, zu entscheiden',
    objectionItem: (reference: string, title: string) =>
      `Widerspruch: ${reference ? `${reference}: ` : ''}${title}`,
    // Statuses as staff name them
    status: STAFF_STATUS_DE,
    // Decision page
    decisionPageTitle: 'Entscheidung',
    decisionTitle: (title: string) => `Entscheidung: ${title}`,
    backToDecisions: 'Zu den Entscheidungen',
    toApplicationView: 'Zur Antragsansicht',
    reference: 'Aktenzeichen',
    organisation: 'Organisation',
    statusLabel: 'Stand',
    submittedAt: 'Eingereicht am',
    roles: { content: 'inhaltlich', financial: 'finanziell' },
    reviewedBy: (role: string, name: string) => `Begutachtung ${role}: ${name}`,
    unknownReviewer: 'ohne Eintrag im Personalverzeichnis',
    fourEyesAhead:
      'Vier-Augen-Prinzip: Sie haben diesen Antrag begutachtet oder sind dafür eingeteilt. Entscheiden muss eine andere Person mit der Rolle Bewilligung; das System lehnt Ihre Entscheidung ab.',
    budgetHeading: 'Budget des Aufrufs',
    budget: 'Budget',
    committed: 'Gebunden (bewilligt)',
    remaining: 'Verbleibend',
    budgetUnavailable: 'Das Budget konnte nicht gelesen werden. Die Entscheidung prüft es trotzdem.',
    assessmentHeading: 'Begutachtung',
    score: 'Punkte',
    scoreOf: (score: number, max: number) => `${score} von ${max}`,
    contentRecommendation: 'Empfehlung inhaltlich',
    financialRecommendation: 'Empfehlung finanziell',
    recommendation: {
      fund: 'fördern',
      'fund-with-conditions': 'fördern mit Auflagen',
      reject: 'ablehnen',
    },
    recommendationLabel: 'Empfehlung:',
    eligibleCosts: 'Zuwendungsfähige Ausgaben',
    recommendedGrant: 'Empfohlene Zuwendung',
    assessedAt: 'Begutachtung abgeschlossen',
    noAssessmentYet: 'Die Begutachtung ist noch nicht abgeschlossen.',
    financeHeading: 'Finanzierungsplan',
    totalCosts: 'Gesamtausgaben',
    requestedGrant: 'Beantragte Zuwendung',
    fundingRate: 'Förderquote (beantragt)',
    ownContribution: 'Eigenanteil',
    thirdParty: 'Drittmittel',
    contentAssessment: 'Inhaltliche Begutachtung',
    criterion: 'Kriterium',
    weight: 'Gewicht',
    criterionScore: 'Bewertung',
    financialAssessment: 'Finanzielle (rechnerische) Prüfung',
    costLine: 'Ausgabenposition',
    section: 'Bereich',
    sections: { staff: 'Personal', material: 'Sachausgaben', fees: 'Honorare' },
    eligible: 'Zuwendungsfähig',
    // Decision form
    decideHeading: 'Entscheiden',
    outcomeLegend: 'Entscheidung',
    requiredMark: 'Pflichtfeld',
    approve: 'Bewilligen',
    reject: 'Ablehnen',
    chooseOutcome: 'Bitte wählen Sie: bewilligen oder ablehnen.',
    grantedAmount: 'Bewilligter Betrag in Euro',
    limitsHint: (limits: {
      upper: string;
      requested: string;
      maximum: string;
      rate: string;
      totalCosts: string;
      byRate: string;
    }) =>
      `Höchstens ${limits.upper}: beantragt ${limits.requested}; Höchstbetrag des Aufrufs ${limits.maximum}; Förderquote ${limits.rate} der Gesamtausgaben von ${limits.totalCosts} = ${limits.byRate}.`,
    aboveRemaining: (remaining: string) => `Mehr als das verbleibende Budget (${remaining}).`,
    conditions: 'Weitere Nebenbestimmungen',
    conditionsHint:
      'Eine je Zeile; sie stehen im Bescheid zusätzlich zu den ANBest-P. Leer lassen, wenn keine nötig sind.',
    rejectionGround: 'Ablehnungsgrund',
    rejectionGroundHint:
      'Setzt einen Textbaustein in die Begründung, den Sie anpassen. Die Begründung steht so im Bescheid.',
    groundNone: 'Kein Textbaustein',
    grounds: {
      eligibility: 'Fördervoraussetzungen nicht erfüllt',
      quality: 'Fachlich nicht ausreichend',
      funds: 'Keine Haushaltsmittel mehr verfügbar',
    },
    groundTemplates: {
      eligibility:
        'Das Vorhaben erfüllt die Fördervoraussetzungen der Förderrichtlinie nicht. Im Einzelnen: ',
      quality:
        'Das Vorhaben wurde nach dem Bewertungsschema des Förderaufrufs begutachtet und erreicht nicht die für eine Förderung erforderliche Qualität. Im Einzelnen: ',
      funds:
        'Die für diesen Förderaufruf verfügbaren Haushaltsmittel sind ausgeschöpft. Zuwendungen sind freiwillige Leistungen im Rahmen der verfügbaren Haushaltsmittel; ein Anspruch auf Förderung besteht nicht.',
    },
    reasons: 'Begründung',
    reasonsHintApproval:
      'Nötig, wenn weniger als beantragt bewilligt wird (§ 39 VwVfG); sie steht im Zuwendungsbescheid.',
    reasonsHintRejection: 'Mindestens 20 Zeichen; sie steht im Ablehnungsbescheid.',
    approveWith: (amount: string) => `Über ${amount} bewilligen`,
    rejectNow: 'Antrag ablehnen',
    decideNow: 'Entscheiden',
    sending: 'Wird gesendet …',
    amountMissing: 'Bitte geben Sie den Betrag an.',
    amountFormat: 'Bitte schreiben Sie den Betrag wie 12.500,00 oder 12500.',
    amountDecimals: 'Höchstens zwei Nachkommastellen (Cent).',
    amountNegative: 'Der Betrag kann nicht negativ sein.',
    amountTooLarge: 'Dieser Betrag ist zu hoch.',
    // After deciding
    decidedAnnouncement: 'Entschieden.',
    approvedHeadline: (amount: string) => `Bewilligt über ${amount}`,
    rejectedHeadline: 'Abgelehnt',
    nextAfterApproval:
      'Wie es weitergeht: Der Betrag ist im Budget des Aufrufs gebunden. Der Zuwendungsbescheid wird jetzt erstellt und im Portal bereitgestellt; die Antragstellenden erhalten eine E-Mail, dass er vorliegt. Bekanntgegeben ist er am Tag nach dem ersten Abruf; dann beginnt die Widerspruchsfrist von einem Monat.',
    nextAfterRejection:
      'Wie es weitergeht: Der Ablehnungsbescheid wird jetzt erstellt und im Portal bereitgestellt; die Antragstellenden erhalten eine E-Mail, dass er vorliegt. Bekanntgegeben ist er am Tag nach dem ersten Abruf; dann beginnt die Widerspruchsfrist von einem Monat.',
    remediedHeadline: (amount: string) => `Dem Widerspruch abgeholfen: bewilligt über ${amount}`,
    dismissedHeadline: 'Widerspruch zurückgewiesen',
    nextAfterRemedy:
      'Wie es weitergeht: Der Abhilfebescheid wird erstellt und im Portal bereitgestellt; die Antragstellenden erhalten eine E-Mail. Das Budget des Aufrufs ist um den Unterschied angepasst.',
    nextAfterDismissal:
      'Wie es weitergeht: Der Widerspruchsbescheid wird erstellt und im Portal bereitgestellt; die Antragstellenden erhalten eine E-Mail. Er nennt die Klage beim Verwaltungsgericht innerhalb eines Monats.',
    competitiveHere:
      'In diesem Wettbewerbsaufruf wird nicht einzeln entschieden, sondern nach Fristende über die Rangliste für alle Anträge gemeinsam.',
    toRanking: 'Zur Rangliste',
    notReady: (status: string) =>
      `Stand: ${status}. Entschieden wird erst, wenn die Begutachtung abgeschlossen ist.`,
    decidedHeading: 'Entscheidung',
    waitingPlace: (rank: number, amount: string) =>
      `Auf der Warteliste, Platz ${rank}; rückt der Antrag nach, wird er über ${amount} bewilligt.`,
    outcomeLabel: 'Ergebnis',
    outcomeApproved: 'Bewilligt',
    outcomeRejected: 'Abgelehnt (inhaltlich)',
    outcomeRejectedFunds: 'Abgelehnt mangels Haushaltsmitteln',
    financingType: 'Finanzierungsart',
    financing: {
      partial: 'Anteilfinanzierung',
      deficit: 'Fehlbedarfsfinanzierung',
      fixed: 'Festbetragsfinanzierung',
      full: 'Vollfinanzierung',
    },
    decidedAt: 'Entschieden am',
    lettersHeading: 'Bescheide',
    letter: {
      zuwendungsbescheid: 'Zuwendungsbescheid',
      ablehnungsbescheid: 'Ablehnungsbescheid',
      abhilfebescheid: 'Abhilfebescheid',
      widerspruchsbescheid: 'Widerspruchsbescheid',
    },
    retrievedAt: (when: string) => `abgerufen am ${when}`,
    notRetrieved: 'noch nicht abgerufen',
    letterPending: 'Der Bescheid wird gerade erstellt.',
    notified: (on: string, ends: string) =>
      `Bekanntgegeben am ${on}; die Widerspruchsfrist endet am ${ends}.`,
    objectionHeading: 'Widerspruch',
    objectionLodged: (when: string) => `Eingelegt am ${when}:`,
    objectionRemedied: 'Dem Widerspruch wurde abgeholfen',
    objectionDismissed: 'Der Widerspruch wurde zurückgewiesen',
    // Objection form
    objectionDecideHeading: 'Über den Widerspruch entscheiden',
    objectionOutcomeLegend: 'Entscheidung über den Widerspruch',
    remedy: 'Abhelfen (neuer Betrag, § 72 VwGO)',
    dismiss: 'Zurückweisen (Widerspruchsbescheid)',
    chooseObjectionOutcome: 'Bitte wählen Sie: abhelfen oder zurückweisen.',
    newGrant: 'Neuer bewilligter Betrag in Euro',
    budgetUnchanged: 'Das Budget des Aufrufs bleibt unverändert.',
    budgetReserves: (amount: string) => `Bindet zusätzlich ${amount} im Budget des Aufrufs.`,
    budgetReleases: (amount: string) => `Gibt ${amount} im Budget des Aufrufs frei.`,
    objectionConditionsHint:
      'Eine je Zeile. Leer lassen: Eine Bewilligung behält ihre bisherigen Nebenbestimmungen.',
    objectionReasonsHint: 'Mindestens 20 Zeichen; sie steht im Abhilfe- oder Widerspruchsbescheid.',
    remedyNow: 'Abhelfen',
    dismissNow: 'Widerspruch zurückweisen',
    // Failures
    signedOut: 'Sie sind nicht mehr angemeldet. Bitte melden Sie sich an; Ihre Eingaben bleiben erhalten.',
    forbidden: 'Dafür fehlt Ihnen die Berechtigung.',
    forbiddenHint: 'Bitten Sie eine andere Person mit der Rolle Bewilligung, zu entscheiden.',
    notFound: 'Das gibt es nicht (mehr), oder Sie dürfen es nicht sehen.',
    overBudget: (remaining: string, requested: string) =>
      requested
        ? `Das verbleibende Budget des Aufrufs reicht nicht: Es verbleiben ${remaining}, Sie wollten ${requested} binden. Es wurde nichts entschieden.`
        : `Das verbleibende Budget des Aufrufs reicht nicht: Es verbleiben ${remaining}. Es wurde nichts entschieden.`,
    staleStatus: (status: string) =>
      `Inzwischen hat sich der Stand geändert: Der Antrag ist jetzt „${status}“. Laden Sie die Seite neu, um den aktuellen Stand zu sehen.`,
    conflict: 'Das geht im jetzigen Stand nicht. Laden Sie die Seite neu.',
    invalid: 'Einige Angaben passen nicht; sie sind bei den Feldern genannt.',
    serverError: 'Beim Server ist ein Fehler aufgetreten. Bitte versuchen Sie es gleich noch einmal.',
    inputKept: 'Ihre Eingaben sind erhalten.',
    reload: 'Neu laden',
    retry: 'Erneut versuchen',
    // Ranking
    rankingPageTitle: 'Rangliste',
    rankingTitle: (call: string) => `Rangliste: ${call}`,
    toWaitingList: 'Zur Warteliste',
    rankingIntro:
      'Die Anträge nach Punkten, mit der vorgeschlagenen Förderlinie dort, wo das verbleibende Budget endet. Vorgeschlagen ist oberhalb der Linie die Bewilligung, darunter die Warteliste. Ändern Sie Entscheidung und Betrag je Antrag; die Summe unten zeigt, was das Budget dann bindet.',
    rankingCaption: (count: number) => `Rangliste (${count} Anträge)`,
    rank: 'Rang',
    application: 'Antrag',
    requestedShort: 'Beantragt',
    proposedShort: 'Vorschlag',
    decisionColumn: 'Entscheidung',
    amountColumn: 'Betrag',
    reasonsColumn: 'Begründung',
    choice: {
      approved: 'Bewilligen',
      waitlisted: 'Warteliste',
      'rejected-funds': 'Ablehnen mangels Mitteln',
      'rejected-merits': 'Ablehnen (inhaltlich)',
    },
    choiceFor: (label: string) => `Entscheidung über ${label}`,
    amountFor: (label: string) => `Bewilligter Betrag für ${label}`,
    waitingAmountFor: (label: string) => `Betrag beim Nachrücken für ${label}`,
    reasonsFor: (label: string) => `Begründung für ${label}`,
    placeN: (rank: number) => `Platz ${rank}`,
    movedUpFrom: (rank: number) => `nachgerückt von Platz ${rank}`,
    fundingLine: (total: string, after: string) =>
      `Förderlinie: Bis hier reicht das verbleibende Budget. Die Vorschläge darüber binden ${total}; danach verbleiben ${after}.`,
    runningTotal: (approved: string, remaining: string) =>
      `Ihre Bewilligungen binden ${approved} von verbleibenden ${remaining}.`,
    runningLeft: (left: string) => `Danach verbleiben ${left}.`,
    runningOver: (over: string) => `Das übersteigt das Budget um ${over}.`,
    runningCounts: (approved: number, waitlisted: number, rejected: number) =>
      `${approved} bewilligt, ${waitlisted} auf der Warteliste, ${rejected} abgelehnt.`,
    batchOverBudget: (over: string, remaining: string) =>
      `Die Bewilligungen übersteigen das verbleibende Budget (${remaining}) um ${over}. Senken Sie Beträge oder setzen Sie Anträge auf die Warteliste.`,
    reviewBatch: 'Entscheidung prüfen',
    confirmHeading: 'Gemeinsame Entscheidung bestätigen',
    confirmText: (approved: number, sum: string, waitlisted: number, rejected: number) =>
      `Sie bewilligen ${approved === 1 ? 'einen Antrag' : `${approved} Anträge`} über zusammen ${sum}, setzen ${waitlisted} in der Reihenfolge der Rangliste auf die Warteliste und lehnen ${rejected} ab.`,
    confirmConsequence:
      'Danach werden die Bescheide erstellt und alle Antragstellenden per E-Mail benachrichtigt. Die Entscheidung lässt sich hier nicht mehr ändern.',
    decideBatch: 'Jetzt gemeinsam entscheiden',
    continueBatch: 'Unterbrochene Entscheidung fortsetzen',
    backToChoice: 'Zurück zur Auswahl',
    batchDecidedAnnouncement: 'Gemeinsam entschieden.',
    batchResultHeading: 'Gemeinsam entschieden',
    batchResult: (approved: number, sum: string, waitlisted: number, rejected: number) =>
      `${approved === 1 ? '1 Antrag' : `${approved} Anträge`} bewilligt über zusammen ${sum}, ${waitlisted} auf der Warteliste, ${rejected} abgelehnt.`,
    batchWithdrawn: (count: number) =>
      count === 1
        ? 'Ein Antrag war vorher zurückgezogen worden; über ihn wurde nicht entschieden.'
        : `${count} Anträge waren vorher zurückgezogen worden; über sie wurde nicht entschieden.`,
    batchBudgetAfter: (committed: string, budget: string, remaining: string) =>
      `Gebunden sind jetzt ${committed} von ${budget}; es verbleiben ${remaining}.`,
    batchNext:
      'Wie es weitergeht: Die Bescheide werden erstellt und im Portal bereitgestellt; alle Antragstellenden erhalten eine E-Mail – die auf der Warteliste erfahren ihren Platz.',
    batchDone: (when: string) => `Über diesen Aufruf wurde gemeinsam entschieden (begonnen am ${when}).`,
    batchInterrupted: (when: string, decided: number, total: number) =>
      `Ihre gemeinsame Entscheidung vom ${when} wurde unterbrochen: ${decided} von ${total} Anträgen sind entschieden. Setzen Sie sie unten fort; die entschiedenen bleiben, wie sie sind.`,
    batchOfSomeoneElse: (when: string) =>
      `Eine andere Person hat am ${when} die gemeinsame Entscheidung begonnen; nur sie kann sie fortsetzen.`,
    // Waiting list
    waitingListPageTitle: 'Warteliste',
    waitingListTitle: (call: string) => `Warteliste: ${call}`,
    remainingNow: (remaining: string) => `Verbleibendes Budget des Aufrufs: ${remaining}.`,
    whatMovesHeading: 'Was die Warteliste bewegt',
    movesRenounce:
      'Verzichtet eine bewilligte Organisation auf ihre Zuwendung (Verzicht), fließt der Betrag ins Budget zurück.',
    movesObjection: 'Wird nach einem Widerspruch weniger bewilligt, wird der Unterschied frei.',
    movesOrder:
      'Dann rücken die Plätze der Reihe nach auf, solange ihr Betrag in das verbleibende Budget passt; ein Platz, dessen Betrag nicht passt, wird übersprungen. Wer nachrückt, erhält seinen Zuwendungsbescheid.',
    movesWithdrawal: 'Zieht eine Organisation ihren Antrag auf der Warteliste zurück, fällt der Platz weg.',
    placesHeading: 'Plätze in der Reihenfolge des Nachrückens',
    noPlaces: 'Auf der Warteliste steht kein Antrag.',
    placeFacts: (score: string, amount: string) => `${score} Punkte; beim Nachrücken ${amount}.`,
    needsMore: (amount: string) => `Rückt nach, wenn ${amount} mehr frei werden.`,
    fitsNow: 'Passt in das verbleibende Budget und rückt beim nächsten frei werdenden Betrag nach.',
    movedUpHeading: 'Bereits nachgerückt',
    movedUpLine: (rank: number, label: string, amount: string) =>
      `Von Platz ${rank}: ${label}, bewilligt über ${amount}`,
  },
  en: {
    startTitle: 'Decisions',
    startIntro:
      'Approve or reject assessed applications here. In rolling calls you decide one by one while budget remains; in competitive calls together from the ranking after the deadline.',
    pendingHeading: 'Waiting for a decision',
    nothingPending: 'No application and no objection is waiting for a decision right now.',
    otherCallsHeading: 'Other calls',
    call: 'Call',
    selectionMode: 'Selection',
    mode: { rolling: 'Rolling (one by one)', competitive: 'Competitive (ranking)' },
    phase: { upcoming: 'not open yet', open: 'open for applications', closed: 'deadline passed' },
    deadline: 'Deadline',
    deadlineAt: (when: string) => `Deadline: ${when}`,
    applications: 'Applications',
    budgetLine: (budget: string, committed: string, remaining: string) =>
      `Budget ${budget}, committed ${committed}, remaining ${remaining}.`,
    toRankingOf: (call: string) => `Ranking and batch decision: ${call}`,
    toWaitingListOf: (call: string) => `Waiting list: ${call}`,
    rankingAfterDeadline: (when: string) => `The ranking opens after the deadline (${when}).`,
    toDecide: 'Assessed, to decide',
    decideItem: (reference: string, title: string) => (reference ? `${reference}: ${title}` : title),
    assessedInQueue: 'Assessed applications in the work queue',
    moreInQueue: '(more there)',
    objectionsToDecide: 'Objections to decide',
    objectionItem: (reference: string, title: string) =>
      `Objection: ${reference ? `${reference}: ` : ''}${title}`,
    status: STAFF_STATUS_EN,
    decisionPageTitle: 'Decision',
    decisionTitle: (title: string) => `Decision: ${title}`,
    backToDecisions: 'To the decisions',
    toApplicationView: 'To the application',
    reference: 'Reference',
    organisation: 'Organisation',
    statusLabel: 'Status',
    submittedAt: 'Submitted on',
    roles: { content: 'content', financial: 'financial' },
    reviewedBy: (role: string, name: string) => `Assessment (${role}): ${name}`,
    unknownReviewer: 'not in the staff directory',
    fourEyesAhead:
      'Four-eyes principle: you assessed this application or are assigned to it. Someone else with the approver role must decide; the system will refuse your decision.',
    budgetHeading: "The call's budget",
    budget: 'Budget',
    committed: 'Committed (approved)',
    remaining: 'Remaining',
    budgetUnavailable: 'The budget could not be read. The decision checks it all the same.',
    assessmentHeading: 'Assessment',
    score: 'Score',
    scoreOf: (score: number, max: number) => `${score} of ${max}`,
    contentRecommendation: 'Content recommendation',
    financialRecommendation: 'Financial recommendation',
    recommendation: {
      fund: 'fund',
      'fund-with-conditions': 'fund with conditions',
      reject: 'reject',
    },
    recommendationLabel: 'Recommendation:',
    eligibleCosts: 'Eligible costs',
    recommendedGrant: 'Recommended grant',
    assessedAt: 'Assessment completed',
    noAssessmentYet: 'The assessment is not complete yet.',
    financeHeading: 'Finance plan',
    totalCosts: 'Total costs',
    requestedGrant: 'Grant requested',
    fundingRate: 'Funding rate (requested)',
    ownContribution: 'Own contribution',
    thirdParty: 'Third-party funds',
    contentAssessment: 'Content assessment',
    criterion: 'Criterion',
    weight: 'Weight',
    criterionScore: 'Score',
    financialAssessment: 'Financial assessment',
    costLine: 'Cost line',
    section: 'Section',
    sections: { staff: 'Staff', material: 'Material', fees: 'Fees' },
    eligible: 'Eligible',
    decideHeading: 'Decide',
    outcomeLegend: 'Decision',
    requiredMark: 'required',
    approve: 'Approve',
    reject: 'Reject',
    chooseOutcome: 'Please choose: approve or reject.',
    grantedAmount: 'Granted amount in euros',
    limitsHint: (limits: {
      upper: string;
      requested: string;
      maximum: string;
      rate: string;
      totalCosts: string;
      byRate: string;
    }) =>
      `At most ${limits.upper}: requested ${limits.requested}; the call's maximum ${limits.maximum}; funding rate ${limits.rate} of total costs of ${limits.totalCosts} = ${limits.byRate}.`,
    aboveRemaining: (remaining: string) => `More than the remaining budget (${remaining}).`,
    conditions: 'Further conditions',
    conditionsHint: 'One per line; the letter adds them to the ANBest-P. Leave empty if none are needed.',
    rejectionGround: 'Ground for rejection',
    rejectionGroundHint:
      'Puts a standard text into the reasons for you to adapt. The reasons appear in the letter as written.',
    groundNone: 'No standard text',
    grounds: {
      eligibility: 'Funding conditions not met',
      quality: 'Not sufficient on the merits',
      funds: 'No budget left',
    },
    groundTemplates: {
      eligibility: 'The project does not meet the funding conditions of the guideline. In detail: ',
      quality:
        "The project was assessed against the call's rubric and does not reach the quality required for funding. In detail: ",
      funds:
        "The call's available budget is exhausted. Grants are voluntary and limited to the available budget; there is no entitlement to funding.",
    },
    reasons: 'Reasons',
    reasonsHintApproval:
      'Needed when less than requested is granted (§ 39 VwVfG); they appear in the grant letter.',
    reasonsHintRejection: 'At least 20 characters; they appear in the rejection letter.',
    approveWith: (amount: string) => `Approve ${amount}`,
    rejectNow: 'Reject the application',
    decideNow: 'Decide',
    sending: 'Sending …',
    amountMissing: 'Please enter the amount.',
    amountFormat: 'Please write the amount like 12,500.00 or 12500.',
    amountDecimals: 'At most two decimal places (cents).',
    amountNegative: 'The amount cannot be negative.',
    amountTooLarge: 'This amount is too large.',
    decidedAnnouncement: 'Decided.',
    approvedHeadline: (amount: string) => `Approved: ${amount}`,
    rejectedHeadline: 'Rejected',
    nextAfterApproval:
      "What happens next: the amount is committed in the call's budget. The grant letter (Zuwendungsbescheid) is being issued in the portal; the applicants get an email that it is there. It counts as notified the day after its first download; then the one-month objection period starts.",
    nextAfterRejection:
      'What happens next: the rejection letter (Ablehnungsbescheid) is being issued in the portal; the applicants get an email that it is there. It counts as notified the day after its first download; then the one-month objection period starts.',
    remediedHeadline: (amount: string) => `Objection remedied: approved ${amount}`,
    dismissedHeadline: 'Objection dismissed',
    nextAfterRemedy:
      "What happens next: the Abhilfebescheid is being issued in the portal and the applicants get an email. The call's budget has moved by the difference.",
    nextAfterDismissal:
      'What happens next: the Widerspruchsbescheid is being issued in the portal and the applicants get an email. It names the action at the administrative court within one month.',
    competitiveHere:
      'This competitive call is not decided application by application, but for all applications together from the ranking after the deadline.',
    toRanking: 'To the ranking',
    notReady: (status: string) => `Status: ${status}. A decision comes once the assessment is complete.`,
    decidedHeading: 'Decision',
    waitingPlace: (rank: number, amount: string) =>
      `On the waiting list, place ${rank}; if it moves up, it is approved with ${amount}.`,
    outcomeLabel: 'Outcome',
    outcomeApproved: 'Approved',
    outcomeRejected: 'Rejected (on the merits)',
    outcomeRejectedFunds: 'Rejected for lack of funds',
    financingType: 'Type of financing',
    financing: {
      partial: 'Partial financing',
      deficit: 'Deficit financing',
      fixed: 'Fixed-amount financing',
      full: 'Full financing',
    },
    decidedAt: 'Decided on',
    lettersHeading: 'Letters',
    letter: {
      zuwendungsbescheid: 'Grant letter (Zuwendungsbescheid)',
      ablehnungsbescheid: 'Rejection letter (Ablehnungsbescheid)',
      abhilfebescheid: 'Remedy letter (Abhilfebescheid)',
      widerspruchsbescheid: 'Objection decision (Widerspruchsbescheid)',
    },
    retrievedAt: (when: string) => `downloaded on ${when}`,
    notRetrieved: 'not downloaded yet',
    letterPending: 'The letter is being issued.',
    notified: (on: string, ends: string) => `Notified on ${on}; the objection period ends on ${ends}.`,
    objectionHeading: 'Objection',
    objectionLodged: (when: string) => `Lodged on ${when}:`,
    objectionRemedied: 'The objection was remedied',
    objectionDismissed: 'The objection was dismissed',
    objectionDecideHeading: 'Decide the objection',
    objectionOutcomeLegend: 'Decision on the objection',
    remedy: 'Remedy (new amount, § 72 VwGO)',
    dismiss: 'Dismiss (Widerspruchsbescheid)',
    chooseObjectionOutcome: 'Please choose: remedy or dismiss.',
    newGrant: 'New granted amount in euros',
    budgetUnchanged: "The call's budget stays as it is.",
    budgetReserves: (amount: string) => `Commits another ${amount} of the call's budget.`,
    budgetReleases: (amount: string) => `Releases ${amount} of the call's budget.`,
    objectionConditionsHint: 'One per line. Leave empty: an approval keeps its conditions.',
    objectionReasonsHint: 'At least 20 characters; they appear in the remedy or objection letter.',
    remedyNow: 'Remedy',
    dismissNow: 'Dismiss the objection',
    signedOut: 'You are no longer signed in. Please sign in; your input is kept.',
    forbidden: 'You are not allowed to do this.',
    forbiddenHint: 'Ask someone else with the approver role to decide.',
    notFound: 'This does not exist (any more), or you may not see it.',
    overBudget: (remaining: string, requested: string) =>
      requested
        ? `The call's remaining budget is not enough: ${remaining} remain, you wanted to commit ${requested}. Nothing was decided.`
        : `The call's remaining budget is not enough: ${remaining} remain. Nothing was decided.`,
    staleStatus: (status: string) =>
      `The application has changed in the meantime: it is now “${status}”. Reload the page to see where it stands.`,
    conflict: 'This is not possible in the current state. Reload the page.',
    invalid: 'Some entries do not fit; they are named at their fields.',
    serverError: 'The server had a problem. Please try again in a moment.',
    inputKept: 'Your input is kept.',
    reload: 'Reload',
    retry: 'Try again',
    rankingPageTitle: 'Ranking',
    rankingTitle: (call: string) => `Ranking: ${call}`,
    toWaitingList: 'To the waiting list',
    rankingIntro:
      'The applications by score, with the proposed funding line where the remaining budget ends. Above the line approval is proposed, below it the waiting list. Change the decision and amount of any application; the total below shows what the budget then commits.',
    rankingCaption: (count: number) => `Ranking (${count} applications)`,
    rank: 'Rank',
    application: 'Application',
    requestedShort: 'Requested',
    proposedShort: 'Proposed',
    decisionColumn: 'Decision',
    amountColumn: 'Amount',
    reasonsColumn: 'Reasons',
    choice: {
      approved: 'Approve',
      waitlisted: 'Waiting list',
      'rejected-funds': 'Reject for lack of funds',
      'rejected-merits': 'Reject (on the merits)',
    },
    choiceFor: (label: string) => `Decision on ${label}`,
    amountFor: (label: string) => `Granted amount for ${label}`,
    waitingAmountFor: (label: string) => `Amount when moving up for ${label}`,
    reasonsFor: (label: string) => `Reasons for ${label}`,
    placeN: (rank: number) => `place ${rank}`,
    movedUpFrom: (rank: number) => `moved up from place ${rank}`,
    fundingLine: (total: string, after: string) =>
      `Funding line: the remaining budget reaches this far. The proposals above commit ${total}; ${after} would remain.`,
    runningTotal: (approved: string, remaining: string) =>
      `Your approvals commit ${approved} of the remaining ${remaining}.`,
    runningLeft: (left: string) => `${left} would remain.`,
    runningOver: (over: string) => `That exceeds the budget by ${over}.`,
    runningCounts: (approved: number, waitlisted: number, rejected: number) =>
      `${approved} approved, ${waitlisted} on the waiting list, ${rejected} rejected.`,
    batchOverBudget: (over: string, remaining: string) =>
      `The approvals exceed the remaining budget (${remaining}) by ${over}. Lower amounts or put applications on the waiting list.`,
    reviewBatch: 'Review the decision',
    confirmHeading: 'Confirm the batch decision',
    confirmText: (approved: number, sum: string, waitlisted: number, rejected: number) =>
      `You approve ${approved === 1 ? 'one application' : `${approved} applications`} with ${sum} in total, put ${waitlisted} on the waiting list in ranking order and reject ${rejected}.`,
    confirmConsequence:
      'The letters are then issued and every applicant is emailed. The decision cannot be changed here afterwards.',
    decideBatch: 'Decide them all now',
    continueBatch: 'Continue the interrupted decision',
    backToChoice: 'Back to the choices',
    batchDecidedAnnouncement: 'Decided in one batch.',
    batchResultHeading: 'Decided in one batch',
    batchResult: (approved: number, sum: string, waitlisted: number, rejected: number) =>
      `${approved === 1 ? '1 application' : `${approved} applications`} approved with ${sum} in total, ${waitlisted} on the waiting list, ${rejected} rejected.`,
    batchWithdrawn: (count: number) =>
      count === 1
        ? 'One application had been withdrawn before; it was not decided.'
        : `${count} applications had been withdrawn before; they were not decided.`,
    batchBudgetAfter: (committed: string, budget: string, remaining: string) =>
      `${committed} of ${budget} are now committed; ${remaining} remain.`,
    batchNext:
      'What happens next: the letters are issued in the portal and every applicant gets an email – those on the waiting list learn their place.',
    batchDone: (when: string) => `This call has been decided in its batch (started on ${when}).`,
    batchInterrupted: (when: string, decided: number, total: number) =>
      `Your batch decision of ${when} was interrupted: ${decided} of ${total} applications are decided. Continue it below; those decided stay as they are.`,
    batchOfSomeoneElse: (when: string) =>
      `Someone else started the batch decision on ${when}; only they can continue it.`,
    waitingListPageTitle: 'Waiting list',
    waitingListTitle: (call: string) => `Waiting list: ${call}`,
    remainingNow: (remaining: string) => `The call's remaining budget: ${remaining}.`,
    whatMovesHeading: 'What moves the waiting list',
    movesRenounce: 'When an approved organisation renounces its grant, the amount goes back to the budget.',
    movesObjection: 'When less is granted after an objection, the difference is released.',
    movesOrder:
      'Places then move up in order while their amount fits the remaining budget; a place whose amount does not fit is passed over. Whoever moves up gets their grant letter.',
    movesWithdrawal: 'When an organisation withdraws its application from the waiting list, its place goes.',
    placesHeading: 'Places in the order they move up',
    noPlaces: 'No application is on the waiting list.',
    placeFacts: (score: string, amount: string) => `Score ${score}; ${amount} when it moves up.`,
    needsMore: (amount: string) => `Moves up when another ${amount} is released.`,
    fitsNow: 'Fits the remaining budget and moves up with the next amount released.',
    movedUpHeading: 'Moved up already',
    movedUpLine: (rank: number, label: string, amount: string) =>
      `From place ${rank}: ${label}, approved with ${amount}`,
  },
});
