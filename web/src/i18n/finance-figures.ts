import { defineMessages } from './messages.ts';

/** The figures of a Kosten- und Finanzierungsplan (components/finance-figures.tsx): the form's overview and the back office. */
export const financeFigures = defineMessages({
  de: {
    staffTotal: 'Personalausgaben',
    materialTotal: 'Sachausgaben',
    feesTotal: 'Honorare',
    directCosts: 'Direkte Ausgaben',
    adminFlatRateTotal: 'Verwaltungskostenpauschale',
    totalCosts: 'Gesamtkosten',
    ownContributionTotal: 'Eigenanteil',
    thirdPartyTotal: 'Drittmittel',
    requestedGrantTotal: 'Beantragter Zuschuss',
    totalFinancing: 'Finanzierung gesamt',
    fundingRate: 'Förderquote',
    ownShare: 'Eigenanteil in Prozent',
    rateOfAtMost: (rate: string, maximum: string) => `${rate} (höchstens ${maximum})`,
    rateOfAtLeast: (rate: string, minimum: string) => `${rate} (mindestens ${minimum})`,
    noCostsYet: '–',
  },
  en: {
    staffTotal: 'Staff costs',
    materialTotal: 'Material costs',
    feesTotal: 'Fees',
    directCosts: 'Direct costs',
    adminFlatRateTotal: 'Administrative flat rate',
    totalCosts: 'Total costs',
    ownContributionTotal: 'Own contribution',
    thirdPartyTotal: 'Third-party funds',
    requestedGrantTotal: 'Requested grant',
    totalFinancing: 'Total financing',
    fundingRate: 'Funding rate',
    ownShare: 'Own share',
    rateOfAtMost: (rate: string, maximum: string) => `${rate} (at most ${maximum})`,
    rateOfAtLeast: (rate: string, minimum: string) => `${rate} (at least ${minimum})`,
    noCostsYet: '–',
  },
});
