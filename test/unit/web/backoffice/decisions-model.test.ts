import { describe, expect, it } from 'vitest';
import type { RankingEntry, RankingView } from '../../../../shared/api/schemas/competitive.schema.ts';
import {
  decidedDecision,
  defaultRow,
  type Row,
  readBatch,
} from '../../../../web/src/features/backoffice/decisions/batch.ts';
import { describeFailure } from '../../../../web/src/features/backoffice/decisions/failure.ts';
import { checkGrant, convertAmountText } from '../../../../web/src/features/backoffice/decisions/grant.ts';
import { aCall } from '../../../support/calls.ts';

const REQUESTED = 1_440_200;
const call = aCall({ selectionMode: 'competitive' });
/** aCall's 95 % of the complete draft's total costs (15.202,00 €). */
const TOTAL_COSTS = 1_520_200;

const entry = (rank: number, overrides: Partial<RankingEntry> = {}): RankingEntry => ({
  rank,
  applicationId: `00000000-0000-4000-8000-00000000000${rank}`,
  reference: `IM-2027-B-00000${rank}`,
  title: `Projekt ${rank}`,
  status: 'ASSESSED',
  totalScore: 6 - rank,
  maxScore: 5,
  requestedGrantCents: REQUESTED,
  recommendedGrantCents: REQUESTED,
  proposedGrantCents: REQUESTED,
  aboveLine: rank <= 2,
  totalCostsCents: TOTAL_COSTS,
  ...overrides,
});

const ranking = (entries: RankingEntry[]): RankingView => ({
  callId: call.id,
  budgetCents: 3_000_000,
  committedCents: 0,
  remainingCents: 3_000_000,
  entries,
  line: {
    position: 2,
    proposedTotalCents: 2 * REQUESTED,
    remainingAfterLineCents: 3_000_000 - 2 * REQUESTED,
  },
});

const rowsOf = (view: RankingView, patch: Record<number, Partial<Row>> = {}) =>
  new Map(
    view.entries.map((e) => [e.applicationId, { ...defaultRow(e, 'de'), ...(patch[e.rank] ?? {}) }] as const),
  );

describe('the ranking page’s batch', () => {
  it('defaults from the line: approve above it, the waiting list below, reject a proposal of nothing', () => {
    expect(defaultRow(entry(1), 'de')).toEqual({ choice: 'approved', amount: '14.402,00', reasons: '' });
    expect(defaultRow(entry(3), 'en')).toEqual({ choice: 'waitlisted', amount: '14,402.00', reasons: '' });
    expect(defaultRow(entry(4, { proposedGrantCents: 0 }), 'de').choice).toBe('rejected-merits');
  });

  it('reads the choices into the API body in ranking order, with the total the approvals commit', () => {
    const view = ranking([entry(1), entry(2), entry(3), entry(4)]);
    const batch = readBatch(view, rowsOf(view, { 4: { choice: 'rejected-funds' } }), call, 'de');
    expect(batch.errors.size).toBe(0);
    expect(batch.decisions).toEqual([
      { applicationId: entry(1).applicationId, outcome: 'approved', grantedCents: REQUESTED },
      { applicationId: entry(2).applicationId, outcome: 'approved', grantedCents: REQUESTED },
      { applicationId: entry(3).applicationId, outcome: 'waitlisted', grantedCents: REQUESTED },
      { applicationId: entry(4).applicationId, outcome: 'rejected', reasonCode: 'lack-of-funds' },
    ]);
    expect(batch.approvedCents).toBe(2 * REQUESTED);
    expect(batch.counts).toEqual({ approved: 2, waitlisted: 1, rejected: 1 });
  });

  it('puts the shared rules’ findings and unreadable amounts at their rows', () => {
    const view = ranking([entry(1), entry(2), entry(3)]);
    const batch = readBatch(
      view,
      rowsOf(view, {
        1: { amount: '12.000,00' },
        2: { amount: '12,505' },
        3: { choice: 'rejected-merits', reasons: 'zu kurz' },
      }),
      call,
      'de',
    );
    expect(batch.errors.get(entry(1).applicationId)).toEqual({
      reasons: 'Wird weniger als beantragt bewilligt, ist das zu begründen.',
    });
    expect(batch.errors.get(entry(2).applicationId)?.amount).toBe('Höchstens zwei Nachkommastellen (Cent).');
    expect(batch.errors.get(entry(3).applicationId)?.reasons).toContain('Eine Ablehnung ist zu begründen');
  });

  it('sends what a continued batch wrote already unchanged, and checks only the open rows', () => {
    const view = ranking([
      entry(1, { status: 'APPROVED', grantedCents: 1_200_000 }),
      entry(2),
      entry(3, {
        status: 'WAITLISTED',
        waitingListRank: 1,
        waitingList: { rank: 1, proposedGrantCents: 1_000_000, movedUp: false },
      }),
      entry(4, { status: 'REJECTED' }),
    ]);
    const rows = new Map([[entry(2).applicationId, defaultRow(entry(2), 'de')]]);
    const batch = readBatch(view, rows, call, 'de');
    expect(batch.errors.size).toBe(0);
    expect(batch.decisions).toEqual([
      { applicationId: entry(1).applicationId, outcome: 'approved', grantedCents: 1_200_000 },
      { applicationId: entry(2).applicationId, outcome: 'approved', grantedCents: REQUESTED },
      { applicationId: entry(3).applicationId, outcome: 'waitlisted', grantedCents: 1_000_000 },
      { applicationId: entry(4).applicationId, outcome: 'rejected', reasonCode: 'lack-of-funds' },
    ]);
    // Only what this request still writes counts against the remaining budget.
    expect(batch.approvedCents).toBe(REQUESTED);
    expect(decidedDecision(entry(4, { status: 'REJECTED' })).outcome).toBe('rejected');
  });
});

describe('a typed grant', () => {
  const basis = { requestedGrantCents: REQUESTED, totalCostsCents: TOTAL_COSTS };

  it('is judged by the shared rule, in the UI language', () => {
    expect(checkGrant('14.402,00', '', basis, call, 'de')).toEqual({ cents: REQUESTED });
    expect(checkGrant('15,000.00', '', basis, call, 'en').amountError).toContain(
      'At most the amount requested can be granted',
    );
    expect(checkGrant('10.000', '', basis, call, 'de')).toEqual({
      cents: 1_000_000,
      reasonsError: 'Wird weniger als beantragt bewilligt, ist das zu begründen.',
    });
    expect(checkGrant('', '', basis, call, 'de').amountError).toBe('Bitte geben Sie den Betrag an.');
  });

  it('is rewritten, not lost, when the language changes', () => {
    expect(convertAmountText('14.402,00', 'de', 'en')).toBe('14,402.00');
    expect(convertAmountText('12,5x', 'de', 'en')).toBe('12,5x');
  });
});

/** What api.ts throws for an error answer (an ApiError: its name, status and problem). */
const refusal = (status: number, problem: Record<string, unknown>) =>
  Object.assign(new Error('refused'), { name: 'ApiError', status, problem });

describe('failures in words', () => {
  it('names the remaining budget of a 409 and the status of a stale one', () => {
    const over = describeFailure(
      refusal(409, { title: 'Conflict', remainingCents: 559_800, requestedCents: REQUESTED }),
      'de',
    );
    expect(over.kind).toBe('over-budget');
    expect(over.remainingCents).toBe(559_800);
    expect(over.message.replace(/\u00a0/g, ' ')).toContain(
      'Es verbleiben 5.598,00 €, Sie wollten 14.402,00 € binden.',
    );
    const stale = describeFailure(refusal(409, { currentStatus: 'APPROVED' }), 'en');
    expect(stale).toMatchObject({ kind: 'stale', currentStatus: 'APPROVED' });
    expect(stale.message).toContain('it is now “Approved”');
  });

  it('gives the four-eyes reason with what to do, and a lost connection as such', () => {
    const refused = describeFailure(refusal(403, { detail: 'Vier-Augen-Prinzip: …' }), 'de');
    expect(refused.message).toBe(
      'Vier-Augen-Prinzip: … Bitten Sie eine andere Person mit der Rolle Bewilligung, zu entscheiden.',
    );
    expect(describeFailure(new TypeError('Failed to fetch'), 'de')).toMatchObject({
      kind: 'network',
      message: 'Keine Verbindung zum Server. Bitte versuchen Sie es erneut.',
    });
  });
});
