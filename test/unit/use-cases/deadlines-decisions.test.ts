import { describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/domain/application.ts';
import { letterReminderDueAt } from '../../../shared/domain/decision.ts';
import { ConcurrentChangeError } from '../../../shared/domain/errors.ts';
import type { ClaimResult } from '../../../shared/ports/email-claims.ts';
import type { OutgoingEmail } from '../../../shared/ports/mailer.ts';
import { finalizeAppealPeriods } from '../../../shared/use-cases/deadlines/finalize-appeal-periods.ts';
import { remindUnretrievedLetters } from '../../../shared/use-cases/deadlines/remind-unretrieved-letters.ts';
import { aSubmittedApplication } from '../../support/applications.ts';
import { InMemoryApplications } from '../../support/in-memory.ts';

const LETTER = '3e0a9a4c-1111-4a53-9a35-0c6f4f0e1a01';

function aDecidedApplication(id: string, overrides: Partial<Application> = {}): Application {
  const { pendingWork: _work, pendingSince: _since, ...submitted } = aSubmittedApplication({ id });
  return {
    ...submitted,
    status: 'REJECTED',
    version: 9,
    decision: {
      outcome: 'rejected',
      financingType: 'fixed',
      conditions: [],
      reasons: 'Das Vorhaben passt nicht zu den Zielen der Richtlinie.',
      decidedBy: 'ines',
      decidedAt: '2027-03-11T15:00:00.000Z',
    },
    letters: [
      {
        id: LETTER,
        kind: 'ablehnungsbescheid',
        key: `letters/${id}/${LETTER}.pdf`,
        createdAt: '2027-03-12T08:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

const notified = (id: string, appealPeriodEndsAt: string) =>
  aDecidedApplication(id, {
    status: 'NOTIFIED',
    notification: {
      letterId: LETTER,
      retrievedAt: '2027-03-14T09:00:00.000Z',
      notifiedOn: '2027-03-15',
      appealPeriodEndsAt,
    },
  });

/** The due-date index as the DynamoDB adapter derives it: whatever the fakes hold, by its due instant. */
function world(now: Date, applications: Application[]) {
  const store = new InMemoryApplications();
  for (const application of applications) store.items.set(application.id, application);
  const claims = new Map<string, { sentAt?: string }>();
  const sent: OutgoingEmail[] = [];
  const reports: string[] = [];
  const due = (select: (application: Application) => string | undefined) => async (before: string) =>
    [...store.items.values()]
      .map((application) => [application.id, select(application)] as const)
      .filter(([, at]) => at !== undefined && new Date(at).toISOString() < before)
      .map(([id]) => id);
  return {
    store,
    sent,
    reports,
    claims,
    deps: {
      applications: store,
      deadlines: {
        appealPeriodsEndedBefore: due((application) =>
          application.status === 'NOTIFIED' ? application.notification?.appealPeriodEndsAt : undefined,
        ),
        letterRemindersDueBefore: due(letterReminderDueAt),
      },
      claims: {
        claim: async (key: {
          applicationId: string;
          eventKey: string;
          template: string;
        }): Promise<ClaimResult> => {
          const id = `${key.applicationId}#${key.eventKey}#${key.template}`;
          const existing = claims.get(id);
          if (existing) return existing.sentAt ? 'already-sent' : 'claimed-not-sent';
          claims.set(id, {});
          return 'claimed';
        },
        recordSent: async (
          key: { applicationId: string; eventKey: string; template: string },
          _m: string,
          at: string,
        ) => void claims.set(`${key.applicationId}#${key.eventKey}#${key.template}`, { sentAt: at }),
      },
      mailer: {
        send: async (email: OutgoingEmail) => {
          sent.push(email);
          return `message-${sent.length}`;
        },
      },
      clock: { now: () => now },
      report: (message: string) => void reports.push(message),
    },
  };
}

describe('finalizeAppealPeriods', () => {
  it('marks FINAL what is past its period, leaves the rest, and records the event', async () => {
    const { deps, store } = world(new Date('2027-04-16T06:00:00Z'), [
      notified('a-over', '2027-04-15T23:59:59+02:00'),
      notified('a-running', '2027-04-16T23:59:59+02:00'),
      { ...notified('a-appealed', '2027-04-15T23:59:59+02:00'), status: 'APPEALED' },
    ]);

    expect(await finalizeAppealPeriods(deps)).toEqual({ finalized: 1, skipped: 0 });

    expect(store.items.get('a-over')).toMatchObject({ status: 'FINAL', version: 10, updatedBy: 'system' });
    expect(store.items.get('a-running')?.status).toBe('NOTIFIED');
    expect(store.items.get('a-appealed')?.status).toBe('APPEALED');
    expect(store.events).toEqual([
      expect.objectContaining({ applicationId: 'a-over', type: 'FINAL', from: 'NOTIFIED', to: 'FINAL' }),
    ]);
    // A second run finds nothing left to do.
    expect(await finalizeAppealPeriods(deps)).toEqual({ finalized: 0, skipped: 0 });
  });

  it('skips an application that an objection changed between reading and writing', async () => {
    const { deps, store } = world(new Date('2027-04-16T06:00:00Z'), [
      notified('a-over', '2027-04-15T23:59:59+02:00'),
    ]);
    deps.applications = Object.assign(Object.create(store), {
      save: async () => {
        throw new ConcurrentChangeError();
      },
    });

    expect(await finalizeAppealPeriods(deps)).toEqual({ finalized: 0, skipped: 1 });
  });
});

describe('remindUnretrievedLetters', () => {
  const issuedAt = '2027-03-12T08:00:00.000Z';
  const fiveDaysLater = new Date(Date.parse(issuedAt) + 5 * 86_400_000 + 60_000);

  it('reminds once, five days after the letter was issued, and takes it off the list', async () => {
    const { deps, store, sent } = world(fiveDaysLater, [
      aDecidedApplication('a-waiting'),
      aDecidedApplication('a-fresh', {
        letters: [
          { id: LETTER, kind: 'ablehnungsbescheid', key: 'k', createdAt: '2027-03-16T08:00:00.000Z' },
        ],
      }),
      notified('a-retrieved', '2027-04-15T23:59:59+02:00'),
    ]);

    expect(await remindUnretrievedLetters(deps)).toEqual({ sent: 1, recorded: 1, skipped: 0 });

    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe('amira@example.org');
    expect(sent[0]?.subject).toContain('IM-2027-C-000042');
    expect(sent[0]?.text).toContain('§ 41 Abs. 2a VwVfG');
    expect(sent[0]?.text).toContain('zehn Tagen');
    expect(sent[0]?.text).toContain('ten days');
    expect(store.items.get('a-waiting')).toMatchObject({
      status: 'REJECTED',
      version: 10,
      letterReminderSentAt: fiveDaysLater.toISOString(),
    });
    expect(store.events).toEqual([
      expect.objectContaining({ applicationId: 'a-waiting', type: 'LETTER_REMINDER_SENT', to: 'REJECTED' }),
    ]);
    expect(await remindUnretrievedLetters(deps)).toEqual({ sent: 0, recorded: 0, skipped: 0 });
    expect(sent).toHaveLength(1);
  });

  it('records a reminder whose write lost a race on the next run, without sending it again', async () => {
    const { deps, store, sent } = world(fiveDaysLater, [aDecidedApplication('a-waiting')]);
    const save = store.save.bind(store);
    let fail = true;
    store.save = async (...args: Parameters<typeof save>) => {
      if (fail) {
        fail = false;
        throw new ConcurrentChangeError();
      }
      return save(...args);
    };

    expect(await remindUnretrievedLetters(deps)).toEqual({ sent: 1, recorded: 0, skipped: 1 });
    expect(await remindUnretrievedLetters(deps)).toEqual({ sent: 0, recorded: 1, skipped: 0 });

    expect(sent).toHaveLength(1);
    expect(store.items.get('a-waiting')?.letterReminderSentAt).toBe(fiveDaysLater.toISOString());
  });
});
