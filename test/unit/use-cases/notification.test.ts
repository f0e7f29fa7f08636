import { describe, expect, it } from 'vitest';
import type { Application, ApplicationEvent } from '../../../shared/domain/application.ts';
import { ConcurrentChangeError, ConflictError, NotFoundError } from '../../../shared/domain/errors.ts';
import { finalizeAfterAppealPeriod } from '../../../shared/domain/notification.ts';
import type { Assignment } from '../../../shared/domain/review.ts';
import { applicantTimeline } from '../../../shared/domain/timeline.ts';
import { toApplicationView } from '../../../shared/http/views.ts';
import { lodgeObjectionAgainstDecision } from '../../../shared/use-cases/notification/lodge-objection.ts';
import { retrieveLetter } from '../../../shared/use-cases/notification/retrieve-letter.ts';
import { aSubmittedApplication } from '../../support/applications.ts';
import { aCall } from '../../support/calls.ts';
import { fakeDeps } from '../../support/in-memory.ts';

const ORG = '5b0c1f0e-2b1d-4a53-9a35-0c6f4f0e1a01';
const LETTER = '3e0a9a4c-1111-4a53-9a35-0c6f4f0e1a01';
/** Sunday 14 March 2027, 10:00 in Berlin. */
const RETRIEVED = new Date('2027-03-14T09:00:00Z');

/** An approved application whose Bescheid was issued on 12 March 2027 and not yet retrieved. */
function anApprovedApplication(overrides: Partial<Application> = {}): Application {
  const { pendingWork: _work, pendingSince: _since, ...submitted } = aSubmittedApplication();
  return {
    ...submitted,
    status: 'APPROVED',
    version: 9,
    decision: {
      outcome: 'approved',
      grantedCents: 1_200_000,
      financingType: 'fixed',
      conditions: ['Öffentlichkeitsarbeit mit Logo des Freistaats'],
      reasons: 'Die Honorarkosten sind nur teilweise notwendig.',
      decidedBy: 'approver-sub',
      decidedAt: '2027-03-11T15:00:00.000Z',
    },
    letters: [
      {
        id: LETTER,
        kind: 'zuwendungsbescheid',
        key: `letters/${submitted.id}/${LETTER}.pdf`,
        createdAt: '2027-03-12T08:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

function givenDeps(application: Application, now = RETRIEVED, assignments: Assignment[] = []) {
  const deps = fakeDeps({ calls: [aCall({ id: 'call-1' })], members: [[ORG, 'amira']], now });
  deps.applications.items.set(application.id, application);
  const signed: { key: string; expiresInSeconds: number; fileName: string }[] = [];
  return {
    ...deps,
    assignments: { listByApplication: async () => assignments },
    links: {
      downloadUrl: async (key: string, options: { expiresInSeconds: number; fileName: string }) => {
        signed.push({ key, ...options });
        return `https://bucket.example/${key}?signed`;
      },
    },
    signed,
  };
}

const member = { sub: 'amira', groups: ['applicant'] };
const approver = { sub: 'ines', groups: ['approver'] };

describe('retrieveLetter', () => {
  it("notifies on the member's first retrieval: NOTIFIED, the letter's first retrieval, the dates, one event", async () => {
    const application = anApprovedApplication();
    const deps = givenDeps(application);

    const answer = await retrieveLetter(deps, member, { id: application.id, letterId: LETTER });

    expect(answer).toEqual({
      url: `https://bucket.example/letters/${application.id}/${LETTER}.pdf?signed`,
      expiresAt: '2027-03-14T09:05:00.000Z',
      letter: { id: LETTER, kind: 'zuwendungsbescheid', createdAt: '2027-03-12T08:00:00.000Z' },
    });
    expect(deps.signed).toEqual([
      {
        key: `letters/${application.id}/${LETTER}.pdf`,
        expiresInSeconds: 300,
        fileName: 'IM-2027-C-000042-zuwendungsbescheid.pdf',
      },
    ]);
    const stored = await deps.applications.get(application.id);
    expect(stored).toMatchObject({
      status: 'NOTIFIED',
      version: 10,
      notification: {
        letterId: LETTER,
        retrievedAt: '2027-03-14T09:00:00.000Z',
        notifiedOn: '2027-03-15',
        appealPeriodEndsAt: '2027-04-15T23:59:59+02:00',
      },
    });
    expect(stored?.letters?.[0]).toMatchObject({
      firstRetrievedAt: '2027-03-14T09:00:00.000Z',
      firstRetrievedBy: 'amira',
    });
    expect(deps.applications.events).toEqual([
      expect.objectContaining({ type: 'NOTIFIED', from: 'APPROVED', to: 'NOTIFIED', actor: 'amira' }),
    ]);
  });

  it('does not notify again on a later retrieval, and still answers the link', async () => {
    const application = anApprovedApplication();
    const deps = givenDeps(application);
    await retrieveLetter(deps, member, { id: application.id, letterId: LETTER });

    const later = await retrieveLetter(deps, member, { id: application.id, letterId: LETTER });

    expect(later.url).toContain(LETTER);
    expect(deps.applications.events.map((event) => event.type)).toEqual(['NOTIFIED']);
    expect((await deps.applications.get(application.id))?.notification?.retrievedAt).toBe(
      RETRIEVED.toISOString(),
    );
  });

  it('loses a race to a concurrent retrieval without failing or notifying twice', async () => {
    const application = anApprovedApplication();
    const deps = givenDeps(application);
    // The other retrieval writes between this one's read and its write.
    const save = deps.applications.save.bind(deps.applications);
    let raced = false;
    deps.applications.save = async (next, event, expectedVersion, options) => {
      if (!raced) {
        raced = true;
        await save(
          {
            ...next,
            notification: next.notification && { ...next.notification, retrievedAt: 'the other one' },
          },
          event,
          expectedVersion,
        );
      }
      return save(next, event, expectedVersion, options);
    };

    const answer = await retrieveLetter(deps, member, { id: application.id, letterId: LETTER });

    expect(answer.url).toContain(LETTER);
    expect(deps.applications.events.filter((event) => event.type === 'NOTIFIED')).toHaveLength(1);
    expect((await deps.applications.get(application.id))?.notification?.retrievedAt).toBe('the other one');
  });

  it('retries from a fresh read when something else changed the application meanwhile', async () => {
    const application = anApprovedApplication();
    const deps = givenDeps(application);
    const save = deps.applications.save.bind(deps.applications);
    let first = true;
    deps.applications.save = async (next, event, expectedVersion, options) => {
      if (first) {
        first = false;
        // A reminder was recorded concurrently: a new version, still APPROVED.
        const current = (await deps.applications.get(application.id)) as Application;
        deps.applications.items.set(application.id, {
          ...current,
          version: current.version + 1,
          letterReminderSentAt: '2027-03-14T08:59:59.000Z',
        });
        throw new ConcurrentChangeError();
      }
      return save(next, event, expectedVersion, options);
    };

    await retrieveLetter(deps, member, { id: application.id, letterId: LETTER });

    const stored = await deps.applications.get(application.id);
    expect(stored).toMatchObject({ status: 'NOTIFIED', version: 11 });
    expect(stored?.letterReminderSentAt).toBe('2027-03-14T08:59:59.000Z');
  });

  it('never notifies on a back-office retrieval (approvers and admins may read every letter)', async () => {
    const application = anApprovedApplication();
    const deps = givenDeps(application);

    for (const caller of [approver, { sub: 'karin', groups: ['admin'] }]) {
      const answer = await retrieveLetter(deps, caller, { id: application.id, letterId: LETTER });
      expect(answer.letter.id).toBe(LETTER);
    }

    expect(await deps.applications.get(application.id)).toMatchObject({ status: 'APPROVED', version: 9 });
    expect(deps.applications.events).toEqual([]);
  });

  it('lets a reviewer read it only when assigned and declared free of conflicts', async () => {
    const application = anApprovedApplication();
    const assignment = (declaration?: Assignment['declaration']): Assignment =>
      ({
        applicationId: application.id,
        callId: 'call-1',
        role: 'content',
        reviewerSub: 'petra',
        assignedAt: '2027-03-01T00:00:00.000Z',
        dueAt: '2027-03-20T00:00:00.000Z',
        ...(declaration ? { declaration } : {}),
      }) as Assignment;
    const reviewer = { sub: 'petra', groups: ['reviewer'] };
    const read = (assignments: Assignment[]) =>
      retrieveLetter(givenDeps(application, RETRIEVED, assignments), reviewer, {
        id: application.id,
        letterId: LETTER,
      });

    await expect(read([])).rejects.toBeInstanceOf(NotFoundError);
    await expect(read([assignment()])).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      read([assignment({ conflict: true, declaredAt: '2027-03-02T00:00:00.000Z' })]),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      read([assignment({ conflict: false, declaredAt: '2027-03-02T00:00:00.000Z' })]),
    ).resolves.toMatchObject({ letter: { id: LETTER } });
  });

  it('answers 404 for an unknown letter, and for members of other organisations', async () => {
    const application = anApprovedApplication();
    const deps = givenDeps(application);

    await expect(
      retrieveLetter(deps, member, { id: application.id, letterId: 'no-such-letter' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      retrieveLetter(
        deps,
        { sub: 'stranger', groups: ['applicant'] },
        { id: application.id, letterId: LETTER },
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(deps.applications.events).toEqual([]);
  });
});

describe('lodgeObjectionAgainstDecision', () => {
  const notified = () =>
    anApprovedApplication({
      status: 'NOTIFIED',
      version: 10,
      notification: {
        letterId: LETTER,
        retrievedAt: RETRIEVED.toISOString(),
        notifiedOn: '2027-03-15',
        appealPeriodEndsAt: '2027-04-15T23:59:59+02:00',
      },
    });
  const reason = 'Die Kürzung der Honorarkosten ist nicht nachvollziehbar begründet.';

  it('moves a notified decision to APPEALED within the period, with the objection and its event', async () => {
    const application = notified();
    const deps = givenDeps(application, new Date('2027-04-15T21:59:59Z'));

    const outcome = await lodgeObjectionAgainstDecision(deps, member, { id: application.id, reason });

    expect('result' in outcome && outcome.result.application).toMatchObject({
      status: 'APPEALED',
      version: 11,
      objection: { at: '2027-04-15T21:59:59.000Z', by: 'amira', reason },
    });
    expect(deps.applications.events).toEqual([
      expect.objectContaining({ type: 'OBJECTION_LODGED', from: 'NOTIFIED', to: 'APPEALED', reason }),
    ]);
  });

  it('refuses after the period with 409 naming its end, whether or not the decision is FINAL yet', async () => {
    for (const status of ['NOTIFIED', 'FINAL'] as const) {
      const application = { ...notified(), status };
      const deps = givenDeps(application, new Date('2027-04-15T22:00:00Z'));

      const error = (await lodgeObjectionAgainstDecision(deps, member, { id: application.id, reason }).catch(
        (e) => e,
      )) as ConflictError;

      expect(error).toBeInstanceOf(ConflictError);
      expect(error.extensions).toEqual({
        currentStatus: status,
        appealPeriodEndsAt: '2027-04-15T23:59:59+02:00',
      });
      expect(error.detail.de).toContain('15.04.2027');
      expect(deps.applications.events).toEqual([]);
    }
  });

  it('refuses an objection before notification, or a second one, with 409 and the current status', async () => {
    for (const application of [anApprovedApplication(), { ...notified(), status: 'APPEALED' as const }]) {
      const deps = givenDeps(application, new Date('2027-03-20T10:00:00Z'));
      const error = (await lodgeObjectionAgainstDecision(deps, member, { id: application.id, reason }).catch(
        (e) => e,
      )) as ConflictError;
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.extensions).toEqual({ currentStatus: application.status });
    }
  });

  it('answers a retry with the same Idempotency-Key as the first time, and records one objection', async () => {
    const application = notified();
    const deps = givenDeps(application, new Date('2027-03-20T10:00:00Z'));
    const request = {
      key: 'objection-0001',
      fingerprint: `POST /api/applications/${application.id}/objection`,
      answer: (result: { application: Application }) => ({
        status: 200,
        body: { status: result.application.status, version: result.application.version },
      }),
    };

    await lodgeObjectionAgainstDecision(deps, member, { id: application.id, reason }, request);
    const retry = await lodgeObjectionAgainstDecision(deps, member, { id: application.id, reason }, request);

    expect(retry).toEqual({ replay: { status: 200, body: { status: 'APPEALED', version: 11 } } });
    expect(deps.applications.events.filter((event) => event.type === 'OBJECTION_LODGED')).toHaveLength(1);
  });

  it('answers 404 to a member of another organisation', async () => {
    const application = notified();
    const deps = givenDeps(application, new Date('2027-03-20T10:00:00Z'));
    await expect(
      lodgeObjectionAgainstDecision(deps, { sub: 'stranger' }, { id: application.id, reason }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('finality after the objection period', () => {
  const notified = anApprovedApplication({
    status: 'NOTIFIED',
    version: 10,
    notification: {
      letterId: LETTER,
      retrievedAt: RETRIEVED.toISOString(),
      notifiedOn: '2027-03-15',
      appealPeriodEndsAt: '2027-04-15T23:59:59+02:00',
    },
  });

  it('is FINAL once the last second of the period has passed, not before', () => {
    expect(finalizeAfterAppealPeriod(notified, new Date('2027-04-15T21:59:59Z'), 'system')).toBeUndefined();
    const change = finalizeAfterAppealPeriod(notified, new Date('2027-04-15T22:00:00Z'), 'system');
    expect(change?.next).toMatchObject({ status: 'FINAL', version: 11, updatedBy: 'system' });
    expect(change?.event).toMatchObject({ type: 'FINAL', from: 'NOTIFIED', to: 'FINAL', actor: 'system' });
  });

  it('leaves an appealed decision alone', () => {
    expect(
      finalizeAfterAppealPeriod(
        { ...notified, status: 'APPEALED' },
        new Date('2027-05-01T00:00:00Z'),
        'system',
      ),
    ).toBeUndefined();
  });
});

describe("the applicant's view and timeline of a decision", () => {
  it('shows the decision without who decided, the letters without their storage keys, and the dates', () => {
    const application = anApprovedApplication({
      status: 'NOTIFIED',
      letterReminderSentAt: '2027-03-17T08:00:00.000Z',
      notification: {
        letterId: LETTER,
        retrievedAt: RETRIEVED.toISOString(),
        notifiedOn: '2027-03-15',
        appealPeriodEndsAt: '2027-04-15T23:59:59+02:00',
      },
      waitingList: {
        batchId: 'batch-1',
        rank: 2,
        proposedGrantCents: 1_200_000,
        conditions: [],
        placedBy: 'ines',
        placedAt: '2027-03-01T00:00:00.000Z',
      },
    });

    const view = toApplicationView(application, aCall({ id: 'call-1' }), 'de');

    expect(view.decision).toEqual({
      outcome: 'approved',
      grantedCents: 1_200_000,
      financingType: 'fixed',
      conditions: ['Öffentlichkeitsarbeit mit Logo des Freistaats'],
      reasons: 'Die Honorarkosten sind nur teilweise notwendig.',
      decidedAt: '2027-03-11T15:00:00.000Z',
    });
    expect(view.letters).toEqual([
      { id: LETTER, kind: 'zuwendungsbescheid', createdAt: '2027-03-12T08:00:00.000Z' },
    ]);
    expect(view.notification).toEqual({
      notifiedOn: '2027-03-15',
      appealPeriodEndsAt: '2027-04-15T23:59:59+02:00',
    });
    // No longer waiting: the old place is history.
    expect(view.waitingList).toBeUndefined();
    expect(JSON.stringify(view)).not.toMatch(/approver-sub|letters\/|batch-1|letterReminderSentAt/);
  });

  it('shows the waiting-list rank while waiting', () => {
    const view = toApplicationView(
      anApprovedApplication({
        status: 'WAITLISTED',
        decision: undefined,
        letters: undefined,
        waitingList: {
          batchId: 'batch-1',
          rank: 3,
          proposedGrantCents: 1_000_000,
          conditions: [],
          placedBy: 'ines',
          placedAt: '2027-03-01T00:00:00.000Z',
        },
      }),
      aCall({ id: 'call-1' }),
      'en',
    );
    expect(view.waitingList).toEqual({ rank: 3 });
  });

  it('tells the steps after a decision in plain language, with the last day to object', () => {
    const event = (type: ApplicationEvent['type'], actor: string, reason?: string): ApplicationEvent => ({
      applicationId: 'a1',
      version: 0,
      at: '2027-03-14T09:00:00.000Z',
      actor,
      type,
      to: 'NOTIFIED',
      ...(reason ? { reason } : {}),
    });
    const events = [
      event('APPROVED', 'ines', 'granted 1200000 cents'),
      event('LETTER_REMINDER_SENT', 'system'),
      event('NOTIFIED', 'amira', 'notified on 2027-03-15; objection period ends 2027-04-15T23:59:59+02:00'),
      event('OBJECTION_LODGED', 'amira', 'Die Kürzung ist nicht begründet.'),
      event('FINAL', 'system'),
    ].map((each, index) => ({ ...each, version: index + 1 }));

    const timeline = applicantTimeline(events, new Map([['amira', 'amira@example.org']]));

    expect(timeline.map((entry) => entry.title.de)).toEqual([
      'Antrag bewilligt',
      'Erinnerung: Bescheid wartet im Portal',
      'Bescheid bekannt gegeben',
      'Widerspruch eingelegt',
      'Bescheid bestandskräftig',
    ]);
    expect(timeline[0]?.by).toEqual({ kind: 'funding-body' });
    expect(JSON.stringify(timeline[0])).not.toContain('1200000');
    expect(timeline[2]?.by).toEqual({ kind: 'member', email: 'amira@example.org' });
    expect(timeline[2]?.detail?.de).toContain('bis zum 15.04.2027');
    expect(timeline[2]?.detail?.en).toContain('until 2027-04-15');
    expect(timeline[3]?.detail?.de).toBe('Begründung: Die Kürzung ist nicht begründet.');
  });
});
