import { randomUUID } from 'node:crypto';
import type { Call } from '../../shared/api/schemas/call.schema.ts';

const DAY = 86_400_000;

/** A valid call whose deadlines lie around `now`, with overrides for the case at hand. */
export function aCall(overrides: Partial<Call> = {}, now = new Date()): Call {
  return {
    id: `test-${randomUUID().slice(0, 8)}`,
    programme: { de: 'FRL Integrative Maßnahmen', en: 'FRL Integrative Measures' },
    strand: 'C',
    title: { de: 'Testaufruf Kleinprojekte', en: 'Test call small projects' },
    summary: { de: 'Ein Aufruf für Tests.', en: 'A call for tests.' },
    referencePrefix: 'IM-2027-C',
    selectionMode: 'rolling',
    financingType: 'fixed',
    budgetCents: 10_000_000,
    opensAt: new Date(now.getTime() - 10 * DAY).toISOString(),
    closesAt: new Date(now.getTime() + 30 * DAY).toISOString(),
    projectPeriod: { earliestStart: '2027-04-01', latestEnd: '2028-03-31', maxMonths: 12 },
    rules: { maxGrantCents: 1_500_000, maxFundingRateBps: 9500, minOwnShareBps: 500, adminFlatRateBps: 1000 },
    eligibleLegalForms: ['eingetragener-verein'],
    requiredDocuments: [],
    rubric: [{ id: 'konzept', weight: 1, label: { de: 'Konzept', en: 'Concept' } }],
    ...overrides,
  };
}
