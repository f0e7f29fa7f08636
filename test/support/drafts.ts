/**
 * Draft content that passes every rule of `aCall()` (strand C, up to 15,000 €, 95 % funding rate, 5 %
 * own share, 10 % flat rate, 2027-04-01..2028-03-31, at most 12 months): a language café with a
 * part-time project lead, rent, material and an interpreter's fee.
 */
export const aCompleteDraftContent = () => ({
  summary: 'Wöchentliches Sprachcafé mit Kinderbetreuung für neu zugewanderte Familien in Leipzig-Grünau.',
  targetGroups: ['neuzugewanderte', 'eltern'],
  region: 'leipzig',
  projectPeriod: { start: '2027-04-01', end: '2028-03-31' },
  declarations: {
    notStartedYet: true,
    earlyStartRequested: false,
    subsidyFactsAcknowledged: true,
    deMinimisReceived: false,
    inputTaxDeduction: 'none',
    electronicNotificationConsent: true,
  },
  financePlan: {
    staff: [
      {
        id: 'leitung',
        role: 'Projektleitung',
        payGrade: 'E9',
        hoursShareBps: 2000,
        months: 12,
        monthlyFullTimeCents: 480_000,
      },
    ],
    material: [
      { id: 'miete', description: 'Raummiete Begegnungscafé', amountCents: 120_000 },
      { id: 'lernmaterial', description: 'Lernmaterial Deutsch', amountCents: 30_000 },
    ],
    fees: [{ id: 'sprachmittlung', description: 'Honorar Sprachmittlung', amountCents: 80_000 }],
    claimsAdminFlatRate: true,
    ownContributionCents: 80_000,
    requestedGrantCents: 1_440_200,
  },
});
