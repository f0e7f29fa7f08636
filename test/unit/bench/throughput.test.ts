import { describe, expect, it } from 'vitest';
import {
  checkSubmissions,
  type SubmittedApplication,
  withConcurrency,
} from '../../../bench/support/throughput.ts';

describe('the throughput check: no submission lost or doubled', () => {
  const done = (id: string, reference: string): SubmittedApplication => ({
    id,
    status: 'IN_REVIEW',
    reference,
    events: ['DRAFT_CREATED', 'DRAFT_UPDATED', 'SUBMITTED', 'REFERENCE_ALLOCATED'],
  });
  const receipt = (reference: string) => `Eingangsbestätigung: Ihr Antrag ${reference}`;

  it('counts every application taken in once, with its own reference and one receipt', () => {
    const check = checkSubmissions({
      answers: [
        { id: 'a', status: 202 },
        { id: 'b', status: 202 },
      ],
      applications: new Map([
        ['a', done('a', 'IM-2027-C-000001')],
        ['b', done('b', 'IM-2027-C-000002')],
      ]),
      emailSubjects: [
        receipt('IM-2027-C-000001'),
        receipt('IM-2027-C-000002'),
        'Erinnerung IM-2027-C-000001',
      ],
    });
    expect(check).toEqual({ accepted: 2, intakeOnce: 2, uniqueReferences: 2, oneReceipt: 2, problems: [] });
  });

  it('finds a refused submit, a doubled intake, a shared reference, a missing or second receipt and a lost application', () => {
    const check = checkSubmissions({
      answers: [
        { id: 'a', status: 202 },
        { id: 'b', status: 409 },
        { id: 'c', status: 202 },
        { id: 'lost', status: 202 },
      ],
      applications: new Map([
        [
          'a',
          {
            ...done('a', 'IM-2027-C-000001'),
            events: ['SUBMITTED', 'REFERENCE_ALLOCATED', 'REFERENCE_ALLOCATED'],
          },
        ],
        ['b', done('b', 'IM-2027-C-000002')],
        ['c', { ...done('c', 'IM-2027-C-000002'), pendingWork: 'intake' }],
      ]),
      emailSubjects: [receipt('IM-2027-C-000001'), receipt('IM-2027-C-000001')],
    });
    expect(check.accepted).toBe(3);
    expect(check.intakeOnce).toBe(1);
    expect(check.uniqueReferences).toBe(1);
    expect(check.oneReceipt).toBe(0);
    expect(check.problems).toEqual([
      'a: IN_REVIEW, 1× SUBMITTED, 2× REFERENCE_ALLOCATED',
      'a: 2 receipt emails for IM-2027-C-000001',
      'b: submit answered 409',
      'b: reference IM-2027-C-000002 given 2 times',
      'b: 0 receipt emails for IM-2027-C-000002',
      'c: IN_REVIEW, 1× SUBMITTED, 1× REFERENCE_ALLOCATED, intake still pending',
      'c: reference IM-2027-C-000002 given 2 times',
      'c: 0 receipt emails for IM-2027-C-000002',
      'lost: not found after the drain',
    ]);
  });
});

describe('running tasks a few at a time', () => {
  it('never runs more than the concurrency at once and keeps the results in order', async () => {
    let running = 0;
    let most = 0;
    const results = await withConcurrency([5, 1, 3, 2, 4], 2, async (value) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, value));
      running--;
      return value * 10;
    });
    expect(results).toEqual([50, 10, 30, 20, 40]);
    expect(most).toBe(2);
  });
});
