import { defineMessages } from './messages.ts';

/**
 * The multi-step application form (/applications/:id/edit): steps, fields with their explanations,
 * the live finance overview, autosave, a version conflict, the summary and submitting. Amounts, dates
 * and percentages arrive formatted (format.ts).
 */
export const applicationForm = defineMessages({
  de: {
    title: 'Antrag bearbeiten',
    intro: (call: string, organisation: string) => `Förderaufruf „${call}“ · Antragsteller: ${organisation}`,
    loadFailed: 'Der Antrag konnte nicht geladen werden.',
    notFound: 'Diesen Antrag gibt es nicht, oder Sie gehören nicht zu der Organisation, die ihn stellt.',
    retry: 'Erneut versuchen',
    notEditable:
      'Dieser Antrag ist eingereicht und kann nicht mehr bearbeitet werden. Wie es um ihn steht, sehen Sie auf seiner Statusseite.',
    toStatusPage: 'Zum Stand des Antrags',

    // Steps
    stepsNavigation: 'Schritte des Antrags',
    stepOf: (step: number, total: number) => `Schritt ${step} von ${total}`,
    stepOpenPoints: (count: number) => (count === 1 ? '1 offener Punkt' : `${count} offene Punkte`),
    steps: {
      project: 'Projekt',
      'target-groups': 'Zielgruppen & Region',
      period: 'Zeitraum',
      finance: 'Kosten- und Finanzierungsplan',
      documents: 'Unterlagen',
      declarations: 'Erklärungen',
      summary: 'Zusammenfassung',
    },
    previous: (step: string) => `Zurück: ${step}`,
    next: (step: string) => `Weiter: ${step}`,

    // Autosave
    saveStatusLabel: 'Speicherstand',
    saving: 'Wird gespeichert …',
    savedAt: (time: string) => `Gespeichert um ${time}`,
    lastSaved: (dateTime: string) => `Zuletzt gespeichert: ${dateTime}`,
    heldBack: (fields: string) => `Noch nicht gespeichert (unvollständig oder fehlerhaft): ${fields}.`,
    showHeldBack: 'Felder zeigen',
    saveFailed: (seconds: number) =>
      `Speichern ist fehlgeschlagen. Ihre Eingaben bleiben erhalten; neuer Versuch in ${seconds} Sekunden.`,
    saveNow: 'Jetzt speichern',
    signedOutNotSaved: 'Nicht gespeichert, weil Sie nicht angemeldet sind. Ihre Eingaben bleiben erhalten.',
    signInAndSave: 'Anmelden und speichern',
    conflictNotSaved: 'Nicht gespeichert: Bitte entscheiden Sie oben, welche Angaben gelten sollen.',
    lockedNotSaved:
      'Nicht gespeichert: Der Antrag ist inzwischen eingereicht worden und kann nicht mehr geändert werden.',
    refusedNotSaved: 'Nicht gespeichert: Der Server hat Angaben abgelehnt (siehe die markierten Felder).',

    // A version conflict
    conflictTitle: 'Jemand anderes hat den Antrag inzwischen gespeichert',
    conflictIntro: (count: number) =>
      count === 1
        ? 'Bei einer Angabe unterscheiden sich Ihre Eingabe und der gespeicherte Stand. Bitte wählen Sie, was gelten soll. Ihre Eingabe geht nicht verloren, bis Sie sich entscheiden.'
        : `Bei ${count} Angaben unterscheiden sich Ihre Eingabe und der gespeicherte Stand. Bitte wählen Sie jeweils, was gelten soll. Ihre Eingaben gehen nicht verloren, bis Sie sich entscheiden.`,
    conflictTaken: (fields: string) =>
      `Aus dem gespeicherten Stand übernommen, weil Sie diese Angaben nicht geändert hatten: ${fields}.`,
    yourInput: 'Ihre Eingabe',
    savedVersion: 'Gespeicherter Stand',
    keepMine: 'Meine Eingabe behalten',
    takeTheirs: 'Gespeicherten Stand übernehmen',
    applyChoices: 'Auswahl übernehmen und speichern',
    merged: (fields: string) =>
      `Jemand anderes hat inzwischen gespeichert. Ihre Änderungen passten dazu und sind gespeichert; übernommen wurden: ${fields}.`,
    empty: '(leer)',

    // Leaving with unsaved input
    leaveTitle: 'Nicht gespeicherte Eingaben',
    leaveText:
      'Einige Eingaben sind noch nicht gespeichert, weil sie unvollständig oder fehlerhaft sind. Wenn Sie die Seite jetzt verlassen, gehen sie verloren.',
    stay: 'Auf der Seite bleiben',
    leave: 'Seite trotzdem verlassen',

    // Input that cannot be read
    amountFormat: 'Bitte geben Sie einen Betrag in Euro ein, zum Beispiel 1.234,56.',
    amountDecimals: 'Bitte geben Sie höchstens zwei Nachkommastellen (Cent) an.',
    amountNegative: 'Der Betrag darf nicht negativ sein.',
    amountTooLarge: (maximum: string) => `Der Betrag darf höchstens ${maximum} sein.`,
    percentFormat: 'Bitte geben Sie eine Prozentzahl ein, zum Beispiel 50 oder 37,5.',
    percentRange: 'Der Stellenanteil muss größer als 0 und höchstens 100 Prozent sein.',
    wholeNumber: 'Bitte geben Sie eine ganze Zahl ein.',
    amountHint: 'Betrag in Euro, zum Beispiel 1.234,56',

    // Step: project
    projectIntro: 'Worum geht es in Ihrem Projekt? Titel und Kurzbeschreibung erscheinen so im Antrag.',
    titleLabel: 'Titel des Projekts',
    titleHint: 'Kurz und verständlich, höchstens 200 Zeichen.',
    summaryLabel: 'Kurzbeschreibung',
    summaryHint:
      'Was soll das Projekt erreichen, für wen, wo und mit welchen Mitteln? Höchstens 4.000 Zeichen.',
    characterCount: (count: string, maximum: string) => `${count} von ${maximum} Zeichen`,
    charactersOver: (count: string) => `${count} Zeichen zu viel`,

    // Step: target groups & region
    targetGroupsIntro: 'Wen erreicht das Projekt, und wo findet es statt?',
    targetGroupsLegend: 'Zielgruppen',
    targetGroupsHint: 'Mehrere Antworten sind möglich.',
    regionLabel: 'Region',
    regionHint: 'Der Landkreis oder die Kreisfreie Stadt, in der das Projekt stattfindet.',
    chooseRegion: 'Bitte wählen',

    // Step: period
    periodIntro: (start: string, end: string, months: number) =>
      `Dieser Aufruf fördert Projekte, die frühestens am ${start} beginnen, spätestens am ${end} enden und höchstens ${months} Monate dauern.`,
    startLabel: 'Projektbeginn',
    endLabel: 'Projektende',
    dateHint: 'Der erste und der letzte Tag zählen mit.',
    periodLength: (months: number) =>
      months === 1 ? 'Das Projekt dauert 1 Monat.' : `Das Projekt dauert ${months} Monate.`,
    monthCount: (months: number) => (months === 1 ? '1 Monat' : `${months} Monate`),

    // Step: finance
    financeIntro:
      'Tragen Sie alle Ausgaben des Projekts ein und wie sie finanziert werden. Die Übersicht rechnet mit und zeigt sofort, ob der Plan die Regeln des Aufrufs erfüllt.',
    costsHeading: 'Ausgaben',
    staffHeading: 'Personalausgaben',
    staffIntro:
      'Je Stelle: Anteil an einer Vollzeitstelle, Monate im Projekt und die Arbeitgeber-Bruttokosten einer Vollzeitstelle dieser Entgeltgruppe im Monat.',
    staffLine: (number: number) => `Stelle ${number}`,
    role: 'Funktion im Projekt',
    payGrade: 'Entgeltgruppe (TVöD / TV-L)',
    choosePayGrade: 'Bitte wählen',
    hoursShare: 'Stellenanteil in Prozent',
    hoursShareHint: 'Zum Beispiel 50 für eine halbe Stelle.',
    months: 'Monate im Projekt',
    monthlyFullTime: 'Monatliche Kosten einer Vollzeitstelle (Euro)',
    staffLineCost: (amount: string) => `Kosten dieser Stelle: ${amount}`,
    addStaff: 'Stelle hinzufügen',
    removeStaff: (number: number) => `Stelle ${number} entfernen`,
    materialHeading: 'Sachausgaben',
    materialIntro: 'Zum Beispiel Miete, Material, Fahrtkosten.',
    materialLine: (number: number) => `Sachausgabe ${number}`,
    addMaterial: 'Sachausgabe hinzufügen',
    removeMaterial: (number: number) => `Sachausgabe ${number} entfernen`,
    feesHeading: 'Honorare',
    feesIntro: 'Zum Beispiel für Sprachmittlung, Referentinnen und Referenten.',
    feeLine: (number: number) => `Honorar ${number}`,
    addFee: 'Honorar hinzufügen',
    removeFee: (number: number) => `Honorar ${number} entfernen`,
    description: 'Wofür',
    amount: 'Betrag (Euro)',
    adminFlatRate: (rate: string) => `Verwaltungskostenpauschale von ${rate} der direkten Ausgaben ansetzen`,
    adminFlatRateHint:
      'Verwaltungsausgaben wie Buchhaltung, Porto oder Telefon werden pauschal berechnet; Sie müssen sie nicht einzeln belegen.',
    noAdminFlatRate: 'Dieser Aufruf sieht keine Verwaltungskostenpauschale vor.',
    financingHeading: 'Finanzierung',
    financingIntro:
      'Eigenanteil, Drittmittel und beantragter Zuschuss müssen zusammen genau die Gesamtkosten ergeben.',
    ownContribution: 'Eigenanteil (Euro)',
    ownContributionHint: (share: string) =>
      `Eigene Mittel Ihrer Organisation, zum Beispiel Spenden oder Mitgliedsbeiträge; mindestens ${share} der Gesamtkosten.`,
    noOwnShareRequired: 'Eigene Mittel Ihrer Organisation; ein Mindestanteil ist nicht vorgeschrieben.',
    thirdPartyHeading: 'Drittmittel',
    thirdPartyIntro: 'Andere öffentliche oder private Mittel für dieses Projekt, beantragt oder bewilligt.',
    thirdPartyLine: (number: number) => `Drittmittel ${number}`,
    source: 'Geldgeber',
    fundsStatus: 'Stand',
    chooseStatus: 'Bitte wählen',
    statusApplied: 'beantragt',
    statusGranted: 'bewilligt',
    addThirdParty: 'Drittmittel hinzufügen',
    removeThirdParty: (number: number) => `Drittmittel ${number} entfernen`,
    requestedGrant: 'Beantragter Zuschuss (Euro)',
    requestedGrantHint: (maximum: string, rate: string) =>
      `Höchstens ${maximum} und höchstens ${rate} der Gesamtkosten.`,
    perYearHeading: 'Aufteilung nach Kalenderjahren',
    perYearIntro:
      'Wie verteilen sich die Gesamtkosten auf die Kalenderjahre des Projekts? Zusammen müssen die Beträge die Gesamtkosten ergeben.',
    yearLine: (number: number) => `Jahr ${number}`,
    year: 'Kalenderjahr',
    addYear: 'Jahr hinzufügen',
    removeYear: (number: number) => `Jahr ${number} entfernen`,

    // The live overview
    // (its figures: i18n/finance-figures.ts, shared with the back office)
    overviewHeading: 'Finanzübersicht',
    adminFlatRateTotal: 'Verwaltungskostenpauschale',
    rulesMet: 'Der Finanzplan erfüllt die Regeln dieses Aufrufs.',
    rulesBroken: (count: number) =>
      count === 1
        ? 'Eine Regel des Aufrufs ist nicht erfüllt; der Hinweis steht am Feld.'
        : `${count} Regeln des Aufrufs sind nicht erfüllt; die Hinweise stehen an den Feldern.`,

    // Step: documents
    documentsIntro: 'Diese Unterlagen verlangt der Aufruf:',
    documentsMandatory: 'erforderlich',
    documentsOptional: 'freiwillig',
    documentsComingSoon:
      'Das Hochladen der Unterlagen wird an dieser Stelle gerade eingerichtet. Ihre übrigen Angaben können Sie schon jetzt machen und speichern.',

    // Step: declarations
    declarationsIntro:
      'Bitte lesen Sie jede Erklärung und beantworten Sie sie. Was sie bedeutet, steht jeweils darunter in einfachen Worten.',
    notStartedYet:
      'Das Projekt hat noch nicht begonnen, und für das Projekt ist noch kein Vertrag geschlossen.',
    notStartedYetHint:
      'Gefördert werden nur Projekte, die noch nicht begonnen haben. Schon ein unterschriebener Vertrag für das Projekt, zum Beispiel ein Miet- oder Honorarvertrag, zählt als Beginn.',
    earlyStartRequested: 'Ich beantrage einen vorzeitigen Maßnahmebeginn.',
    earlyStartRequestedHint:
      'Muss das Projekt vor der Bewilligung beginnen, kann die Bewilligungsbehörde das vorher erlauben. Ein Anspruch auf die Förderung entsteht dadurch nicht.',
    earlyStartReason: 'Warum muss das Projekt vorzeitig beginnen?',
    subsidyFactsAcknowledged:
      'Ich habe zur Kenntnis genommen, dass die Angaben in diesem Antrag subventionserheblich sind (§ 264 Strafgesetzbuch).',
    subsidyFactsHint:
      'Subventionserheblich heißt: Von diesen Angaben hängt die Förderung ab. Wer hier wissentlich falsche Angaben macht oder Änderungen nicht mitteilt, kann sich wegen Subventionsbetrugs strafbar machen.',
    deMinimisLegend:
      'Hat Ihre Organisation in diesem oder den zwei vorangegangenen Jahren De-minimis-Beihilfen erhalten?',
    deMinimisHint:
      'De-minimis-Beihilfen sind kleinere staatliche Förderungen, die die EU über drei Jahre zusammenrechnet (Verordnung (EU) 2023/2831). Ob eine Förderung eine solche Beihilfe war, steht in ihrem Bescheid.',
    no: 'Nein',
    yes: 'Ja',
    deMinimisAmount: 'Summe der erhaltenen De-minimis-Beihilfen (Euro)',
    inputTaxLegend: 'Darf Ihre Organisation Vorsteuer abziehen?',
    inputTaxHint:
      'Wer die gezahlte Umsatzsteuer vom Finanzamt zurückerhält, trägt die Ausgaben ohne Umsatzsteuer (netto) in den Finanzplan ein.',
    inputTax: { none: 'Nein', partial: 'Teilweise', full: 'Ja, vollständig' },
    consent: 'Ich willige ein, dass mir der Bescheid elektronisch über dieses Portal bekannt gegeben wird.',
    consentHint:
      'Was das bedeutet: Den Bescheid über diesen Antrag bekommen Sie nicht per Post. Er wird hier im Portal für Ihre Organisation bereitgestellt, und Sie erhalten eine E-Mail, sobald er da ist. Er gilt am Tag nach dem ersten Abruf als bekannt gegeben (§ 41 Absatz 2a Verwaltungsverfahrensgesetz); von da an läuft die Frist von einem Monat für einen Widerspruch. Wird er nicht innerhalb von zehn Tagen abgerufen, gilt er auf diesem Weg nicht als bekannt gegeben. Ohne diese Einwilligung kann der Antrag nicht eingereicht werden, weil das Portal Bescheide nur elektronisch bereitstellt.',

    // Step: summary
    summaryIntro: 'Bitte prüfen Sie Ihre Angaben. Über „Ändern“ kommen Sie zum jeweiligen Schritt zurück.',
    change: 'Ändern',
    notEntered: 'nicht angegeben',
    ticked: 'Ja',
    notTicked: 'Nein',
    openPointsHeading: 'Noch offen vor dem Einreichen',
    openPointsIntro: 'Jeder Punkt führt zu dem Feld, um das es geht.',
    missingHeading: 'Fehlende Angaben',
    violationsHeading: 'Regeln des Aufrufs, die noch nicht erfüllt sind',
    notSavedHeading: 'Noch nicht gespeicherte Eingaben',
    documentGapsHeading: 'Unterlagen',
    organisationGaps: (count: number) =>
      count === 1
        ? 'Im Profil Ihrer Organisation fehlt noch eine Angabe.'
        : `Im Profil Ihrer Organisation fehlen noch ${count} Angaben.`,
    toOrganisation: 'Zum Profil der Organisation',
    legalFormHeading: 'Antragsberechtigung',
    readyToSubmit: 'Alle Angaben sind vollständig. Sie können den Antrag jetzt einreichen.',
    submitNote:
      'Mit dem Einreichen bestätigen Sie, dass Ihre Angaben richtig und vollständig sind. Danach können Sie den Antrag nicht mehr ändern.',
    submit: 'Antrag einreichen',
    supplement: 'Nachgereichte Angaben einreichen',
    submitting: 'Wird eingereicht …',
    submitted: 'Der Antrag ist eingereicht. Die Eingangsbestätigung kommt per E-Mail.',
    supplemented: 'Die nachgereichten Angaben sind eingereicht.',
    submitRefused: 'Der Antrag kann noch nicht eingereicht werden:',
    submitConflict:
      'Dieser Antrag kann nicht mehr eingereicht werden; er ist bereits eingereicht oder abgeschlossen.',
    submitFailed:
      'Das Einreichen hat nicht geklappt (keine Verbindung zum Server). Ihre Angaben sind gespeichert; bitte versuchen Sie es noch einmal.',
    notSavedBeforeSubmit:
      'Einige Eingaben sind noch nicht gespeichert. Bitte korrigieren Sie zuerst die markierten Felder.',

    // While a Nachforderung is open
    nachforderungHeading: 'Nachforderung: Bitte reichen Sie Folgendes nach',
    nachforderungDue: (dateTime: string) => `Frist: ${dateTime}`,
    nachforderungNote: (note: string) => `Hinweis der Bewilligungsbehörde: ${note}`,
  },
  en: {
    title: 'Edit application',
    intro: (call: string, organisation: string) => `Call “${call}” · Applicant: ${organisation}`,
    loadFailed: 'The application could not be loaded.',
    notFound: 'This application does not exist, or you do not belong to the organisation applying.',
    retry: 'Try again',
    notEditable:
      'This application has been submitted and can no longer be edited. Its status page shows where it stands.',
    toStatusPage: 'To the application’s status',

    stepsNavigation: 'Steps of the application',
    stepOf: (step: number, total: number) => `Step ${step} of ${total}`,
    stepOpenPoints: (count: number) => (count === 1 ? '1 open point' : `${count} open points`),
    steps: {
      project: 'Project',
      'target-groups': 'Target groups & region',
      period: 'Period',
      finance: 'Cost and financing plan',
      documents: 'Documents',
      declarations: 'Declarations',
      summary: 'Summary',
    },
    previous: (step: string) => `Back: ${step}`,
    next: (step: string) => `Next: ${step}`,

    saveStatusLabel: 'Saving status',
    saving: 'Saving …',
    savedAt: (time: string) => `Saved at ${time}`,
    lastSaved: (dateTime: string) => `Last saved: ${dateTime}`,
    heldBack: (fields: string) => `Not saved yet (incomplete or incorrect): ${fields}.`,
    showHeldBack: 'Show the fields',
    saveFailed: (seconds: number) =>
      `Saving failed. What you entered is kept; trying again in ${seconds} seconds.`,
    saveNow: 'Save now',
    signedOutNotSaved: 'Not saved because you are not signed in. What you entered is kept.',
    signInAndSave: 'Sign in and save',
    conflictNotSaved: 'Not saved: please decide above which entries should apply.',
    lockedNotSaved: 'Not saved: the application has been submitted meanwhile and can no longer be changed.',
    refusedNotSaved: 'Not saved: the server refused some entries (see the marked fields).',

    conflictTitle: 'Someone else has saved the application in the meantime',
    conflictIntro: (count: number) =>
      count === 1
        ? 'Your entry and the saved version differ in one place. Please choose which should apply. Your entry is not lost until you decide.'
        : `Your entries and the saved version differ in ${count} places. Please choose for each which should apply. Your entries are not lost until you decide.`,
    conflictTaken: (fields: string) =>
      `Taken from the saved version because you had not changed them: ${fields}.`,
    yourInput: 'Your entry',
    savedVersion: 'Saved version',
    keepMine: 'Keep my entry',
    takeTheirs: 'Take the saved version',
    applyChoices: 'Apply my choices and save',
    merged: (fields: string) =>
      `Someone else has saved in the meantime. Your changes fitted with theirs and are saved; taken over: ${fields}.`,
    empty: '(empty)',

    leaveTitle: 'Unsaved entries',
    leaveText:
      'Some entries are not saved yet because they are incomplete or incorrect. If you leave the page now, they are lost.',
    stay: 'Stay on the page',
    leave: 'Leave the page anyway',

    amountFormat: 'Please enter an amount in euros, for example 1,234.56.',
    amountDecimals: 'Please enter at most two decimal places (cents).',
    amountNegative: 'The amount must not be negative.',
    amountTooLarge: (maximum: string) => `The amount must be at most ${maximum}.`,
    percentFormat: 'Please enter a percentage, for example 50 or 37.5.',
    percentRange: 'The share of full time must be more than 0 and at most 100 per cent.',
    wholeNumber: 'Please enter a whole number.',
    amountHint: 'Amount in euros, for example 1,234.56',

    projectIntro: 'What is your project about? The title and summary appear like this in the application.',
    titleLabel: 'Project title',
    titleHint: 'Short and clear, at most 200 characters.',
    summaryLabel: 'Summary',
    summaryHint:
      'What should the project achieve, for whom, where and by which means? At most 4,000 characters.',
    characterCount: (count: string, maximum: string) => `${count} of ${maximum} characters`,
    charactersOver: (count: string) => `${count} characters too many`,

    targetGroupsIntro: 'Whom does the project reach, and where does it take place?',
    targetGroupsLegend: 'Target groups',
    targetGroupsHint: 'You can choose more than one.',
    regionLabel: 'Region',
    regionHint: 'The district or city where the project takes place.',
    chooseRegion: 'Please choose',

    periodIntro: (start: string, end: string, months: number) =>
      `This call funds projects that start on ${start} at the earliest, end on ${end} at the latest and last at most ${months} months.`,
    startLabel: 'Project start',
    endLabel: 'Project end',
    dateHint: 'The first and the last day both count.',
    periodLength: (months: number) =>
      months === 1 ? 'The project lasts 1 month.' : `The project lasts ${months} months.`,
    monthCount: (months: number) => (months === 1 ? '1 month' : `${months} months`),

    financeIntro:
      'Enter all the project’s costs and how they are financed. The overview calculates as you type and shows at once whether the plan meets the call’s rules.',
    costsHeading: 'Costs',
    staffHeading: 'Staff costs',
    staffIntro:
      'For each position: the share of a full-time position, the months in the project and the employer’s gross cost of a full-time position in this pay grade per month.',
    staffLine: (number: number) => `Position ${number}`,
    role: 'Role in the project',
    payGrade: 'Pay grade (TVöD / TV-L)',
    choosePayGrade: 'Please choose',
    hoursShare: 'Share of full time in per cent',
    hoursShareHint: 'For example 50 for a half-time position.',
    months: 'Months in the project',
    monthlyFullTime: 'Monthly cost of a full-time position (euros)',
    staffLineCost: (amount: string) => `Cost of this position: ${amount}`,
    addStaff: 'Add a position',
    removeStaff: (number: number) => `Remove position ${number}`,
    materialHeading: 'Material costs',
    materialIntro: 'For example rent, materials, travel.',
    materialLine: (number: number) => `Material cost ${number}`,
    addMaterial: 'Add a material cost',
    removeMaterial: (number: number) => `Remove material cost ${number}`,
    feesHeading: 'Fees',
    feesIntro: 'For example for interpreters and speakers.',
    feeLine: (number: number) => `Fee ${number}`,
    addFee: 'Add a fee',
    removeFee: (number: number) => `Remove fee ${number}`,
    description: 'What for',
    amount: 'Amount (euros)',
    adminFlatRate: (rate: string) => `Claim the administrative flat rate of ${rate} of the direct costs`,
    adminFlatRateHint:
      'Administrative costs such as bookkeeping, postage or telephone are calculated as a flat rate; you need not prove them one by one.',
    noAdminFlatRate: 'This call has no flat rate for administrative costs.',
    financingHeading: 'Financing',
    financingIntro:
      'Own contribution, third-party funds and the requested grant must add up to exactly the total costs.',
    ownContribution: 'Own contribution (euros)',
    ownContributionHint: (share: string) =>
      `Your organisation’s own money, for example donations or membership fees; at least ${share} of the total costs.`,
    noOwnShareRequired: 'Your organisation’s own money; no minimum share is required.',
    thirdPartyHeading: 'Third-party funds',
    thirdPartyIntro: 'Other public or private money for this project, applied for or granted.',
    thirdPartyLine: (number: number) => `Third-party funds ${number}`,
    source: 'Funder',
    fundsStatus: 'Status',
    chooseStatus: 'Please choose',
    statusApplied: 'applied for',
    statusGranted: 'granted',
    addThirdParty: 'Add third-party funds',
    removeThirdParty: (number: number) => `Remove third-party funds ${number}`,
    requestedGrant: 'Requested grant (euros)',
    requestedGrantHint: (maximum: string, rate: string) =>
      `At most ${maximum} and at most ${rate} of the total costs.`,
    perYearHeading: 'Split by calendar year',
    perYearIntro:
      'How are the total costs spread over the calendar years of the project? Together the amounts must equal the total costs.',
    yearLine: (number: number) => `Year ${number}`,
    year: 'Calendar year',
    addYear: 'Add a year',
    removeYear: (number: number) => `Remove year ${number}`,

    overviewHeading: 'Finance overview',
    adminFlatRateTotal: 'Administrative flat rate',
    rulesMet: 'The finance plan meets this call’s rules.',
    rulesBroken: (count: number) =>
      count === 1
        ? 'One rule of the call is not met; the note is at the field.'
        : `${count} rules of the call are not met; the notes are at the fields.`,

    documentsIntro: 'The call asks for these documents:',
    documentsMandatory: 'required',
    documentsOptional: 'optional',
    documentsComingSoon:
      'Uploading the documents is being set up here right now. You can already enter and save everything else.',

    declarationsIntro:
      'Please read each declaration and answer it. What it means is explained in plain words underneath.',
    notStartedYet: 'The project has not started, and no contract for the project has been signed.',
    notStartedYetHint:
      'Only projects that have not started can be funded. Even a signed contract for the project, for example a lease or a fee agreement, counts as starting.',
    earlyStartRequested: 'I request approval of an early start.',
    earlyStartRequestedHint:
      'If the project has to start before the grant is approved, the funding body can allow this beforehand. It creates no entitlement to the grant.',
    earlyStartReason: 'Why does the project have to start early?',
    subsidyFactsAcknowledged:
      'I acknowledge that the statements in this application are subsidy-relevant (section 264 of the German Criminal Code).',
    subsidyFactsHint:
      'Subsidy-relevant means: the grant depends on these statements. Anyone who knowingly gives false statements here or does not report changes may commit subsidy fraud.',
    deMinimisLegend: 'Has your organisation received de-minimis aid in this or the two previous years?',
    deMinimisHint:
      'De-minimis aid is smaller state funding that the EU adds up over three years (Regulation (EU) 2023/2831). Whether funding was such aid is stated in its notice.',
    no: 'No',
    yes: 'Yes',
    deMinimisAmount: 'Total de-minimis aid received (euros)',
    inputTaxLegend: 'May your organisation deduct input tax?',
    inputTaxHint:
      'If you get the VAT you pay back from the tax office, enter the costs without VAT (net) in the finance plan.',
    inputTax: { none: 'No', partial: 'Partly', full: 'Yes, fully' },
    consent: 'I consent to the decision letter being notified to me electronically through this portal.',
    consentHint:
      'What this means: you will not receive the decision letter (Bescheid) on this application by post. It is made available to your organisation here in the portal, and you get an email as soon as it is there. It counts as notified on the day after it is first retrieved (section 41 (2a) of the German Administrative Procedure Act); from then on the one-month period for an objection runs. If it is not retrieved within ten days, it does not count as notified this way. Without this consent the application cannot be submitted, because the portal delivers decision letters only electronically.',

    summaryIntro: 'Please check your entries. “Change” takes you back to the step.',
    change: 'Change',
    notEntered: 'not entered',
    ticked: 'Yes',
    notTicked: 'No',
    openPointsHeading: 'Still open before submitting',
    openPointsIntro: 'Each point leads to the field concerned.',
    missingHeading: 'Missing entries',
    violationsHeading: 'Rules of the call not met yet',
    notSavedHeading: 'Entries not saved yet',
    documentGapsHeading: 'Documents',
    organisationGaps: (count: number) =>
      count === 1
        ? 'One detail is still missing from your organisation’s profile.'
        : `${count} details are still missing from your organisation’s profile.`,
    toOrganisation: 'To the organisation’s profile',
    legalFormHeading: 'Eligibility',
    readyToSubmit: 'Everything is complete. You can submit the application now.',
    submitNote:
      'By submitting you confirm that your entries are correct and complete. Afterwards you cannot change the application.',
    submit: 'Submit application',
    supplement: 'Submit the missing items',
    submitting: 'Submitting …',
    submitted: 'The application has been submitted. The confirmation of receipt comes by email.',
    supplemented: 'The missing items have been submitted.',
    submitRefused: 'The application cannot be submitted yet:',
    submitConflict: 'This application can no longer be submitted; it has already been submitted or closed.',
    submitFailed:
      'Submitting did not work (no connection to the server). Your entries are saved; please try again.',
    notSavedBeforeSubmit: 'Some entries are not saved yet. Please correct the marked fields first.',

    nachforderungHeading: 'Request for missing items: please supply the following',
    nachforderungDue: (dateTime: string) => `Deadline: ${dateTime}`,
    nachforderungNote: (note: string) => `Note from the funding body: ${note}`,
  },
});
