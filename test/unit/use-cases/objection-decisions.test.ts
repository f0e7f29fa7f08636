import { describe, expect, it } from 'vitest';
import type { ObjectionDecisionBody } from '../../../shared/api/schemas/objection-decision.schema.ts';
import type { Application, ApplicationEvent } from '../../../shared/domain/application.ts';
import type { CallRecord } from '../../../shared/domain/call.ts';
import type { Decision, WaitingListPlace } from '../../../shared/domain/decision.ts';
import {
  BudgetExceededError,
  ConcurrentChangeError,
  ConflictError,
  ForbiddenError,
  RuleViolationError,
} from '../../../shared/domain/errors.ts';
import type { IdempotencyRecord } from '../../../shared/domain/idempotency.ts';
import type { Assignment } from '../../../shared/domain/review.ts';
import { loadLetterFonts } from '../../../shared/letters/fonts.ts';
import {
  type BudgetChange,
  BudgetConditionFailedError,
} from '../../../shared/ports/application-repository.ts';
import type { ClaimResult } from '../../../shared/ports/email-claims.ts';
import type { OutgoingEmail } from '../../../shared/ports/mailer.ts';
import { decideObjectionOfApplication } from '../../../shared/use-cases/decisions/decide-objection.ts';
import { retrieveLetter } from '../../../shared/use-cases/notification/retrieve-letter.ts';
import { issueObjectionLetter } from '../../../shared/use-cases/objection-workflow/issue-objection-letter.ts';
import { moveUpAfterObjection } from '../../../shared/use-cases/objection-workflow/move-up-after-objection.ts';
import { objectionLetterIdFor } from '../../../shared/use-cases/objection-workflow/objection-letter.ts';
import { sendObjectionNotice } from '../../../shared/use-cases/objection-workflow/send-objection-notice.ts';
import { StaleWorkError, type WorkflowInput } from '../../../shared/workflows/workflow-input.ts';
import { aSubmittedApplication } from '../../support/applications.ts';
import { aCall } from '../../support/calls.ts';
import { InMemoryApplications } from '../../support/in-memory.ts';
import { InMemoryCallRecords } from '../../support/in-memory-calls.ts';
import { anOrganisationProfile } from '../../support/organisations.ts';

const REQUESTED = 1_440_200;
const NOW = new Date('2027-05-20T09:00:00.000Z');
const CALL_ID = 'wettbewerb-1';
const APPROVER = 'bernd-approver';
const REVIEWER = 'rita-reviewer';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Saves that move the call's committed sum with the DynamoDB adapter's conditions. */
class BudgetedApplications extends InMemoryApplications {
  readonly calls: InMemoryCallRecords;
  /** Runs before a save: lets a test have someone else move the budget at that moment. */
  beforeSave: (() => void) | undefined;
  constructor(calls: InMemoryCallRecords) {
    super();
    this.calls = calls;
  }
  override async save(
    next: Application,
    event: ApplicationEvent,
    expectedVersion: number,
    options: { idempotency?: IdempotencyRecord; budget?: BudgetChange } = {},
  ) {
    const before = this.beforeSave;
    this.beforeSave = undefined;
    before?.();
    if (this.items.get(next.id)?.version !== expectedVersion) throw new ConcurrentChangeError();
    const { budget } = options;
    const call = budget ? this.calls.items.get(budget.callId) : undefined;
    if (budget && call && 'reserveCents' in budget) {
      if (
        call.budgetCents !== budget.budgetCents ||
        call.committedCents + budget.reserveCents > call.budgetCents
      )
        throw new BudgetConditionFailedError();
    }
    await super.save(next, event, expectedVersion, options);
    if (budget && call)
      call.committedCents += 'releaseCents' in budget ? -budget.releaseCents : budget.reserveCents;
  }
}

const approval = (grantedCents: number): Decision => ({
  outcome: 'approved',
  grantedCents,
  financingType: 'fixed',
  conditions: [],
  decidedBy: 'anna-approver',
  decidedAt: '2027-04-02T08:00:00.000Z',
});
const rejection: Decision = {
  outcome: 'rejected',
  financingType: 'fixed',
  conditions: [],
  reasons: 'Das Konzept erreicht die Zielgruppe nicht erkennbar.',
  rejectionGround: 'merits',
  decidedBy: 'anna-approver',
  decidedAt: '2027-04-02T08:00:00.000Z',
};

function world(options: { budgetCents: number; committedCents: number }) {
  const calls = new InMemoryCallRecords();
  const call: CallRecord = {
    ...aCall({ id: CALL_ID, selectionMode: 'competitive', budgetCents: options.budgetCents }),
    version: 1,
    applicationCount: 0,
    committedCents: options.committedCents,
  } as CallRecord;
  calls.items.set(CALL_ID, call);
  const applications = new BudgetedApplications(calls);
  const add = (n: number, overrides: Partial<Application>) => {
    const { pendingWork: _work, pendingSince: _since, ...submitted } = aSubmittedApplication();
    const application: Application = { ...submitted, id: id(n), callId: CALL_ID, version: 10, ...overrides };
    applications.items.set(application.id, structuredClone(application));
    return application;
  };
  const deps = {
    applications,
    calls,
    assignments: {
      listByApplication: async (applicationId: string): Promise<Assignment[]> =>
        applicationId === id(1)
          ? [
              {
                applicationId,
                callId: CALL_ID,
                role: 'content',
                reviewerSub: REVIEWER,
                assignedAt: '2027-03-01T08:00:00.000Z',
                dueAt: '2027-03-22T22:59:59.000Z',
              },
            ]
          : [],
    },
    assessments: { listByApplication: async () => [] },
    idempotency: applications.idempotency,
    clock: { now: () => NOW },
    pause: async () => {},
    callApplications: {
      listByStatus: async (callId: string, statuses: readonly string[]) =>
        [...applications.items.values()].filter(
          (application) => application.callId === callId && statuses.includes(application.status),
        ),
    },
  };
  return { calls, applications, deps, add, committed: () => calls.items.get(CALL_ID)?.committedCents };
}

const objection = { at: '2027-04-20T10:00:00.000Z', by: 'amira', reason: 'Die Kürzung ist nicht begründet.' };
const lower: ObjectionDecisionBody = {
  outcome: 'remedied',
  grantedCents: 1_000_000,
  reasons: 'Die Honorare sind nur zum Teil förderfähig.',
};
const decide = (
  deps: ReturnType<typeof world>['deps'],
  appId: string,
  body: ObjectionDecisionBody,
  sub = APPROVER,
) => decideObjectionOfApplication(deps, { sub }, { id: appId, body });
const inputOf = (application: Application): WorkflowInput => ({
  applicationId: application.id,
  workflow: 'objection',
  pendingSince: application.pendingSince as string,
  status: application.status,
  version: application.version,
});

describe('deciding an objection', () => {
  it('remedies with a lower grant: FINAL and the difference released from the committed sum in the same write', async () => {
    const { deps, add, committed, applications } = world({
      budgetCents: 3_000_000,
      committedCents: REQUESTED,
    });
    const appealed = add(2, { status: 'APPEALED', decision: approval(REQUESTED), objection });

    const outcome = await decide(deps, appealed.id, lower);

    expect(outcome).toMatchObject({ result: { status: 'FINAL', pendingWork: 'objection' } });
    expect(committed()).toBe(1_000_000);
    expect(applications.events.map((event) => event.type)).toEqual(['OBJECTION_DECIDED']);
  });

  it('remedies a rejection within the budget: the grant is reserved', async () => {
    const { deps, add, committed } = world({ budgetCents: 3_000_000, committedCents: 1_000_000 });
    const appealed = add(2, { status: 'APPEALED', decision: rejection, objection });
    await decide(deps, appealed.id, {
      outcome: 'remedied',
      grantedCents: REQUESTED,
      reasons: 'Die Zielgruppe ist im Konzept doch hinreichend beschrieben.',
    });
    expect(committed()).toBe(1_000_000 + REQUESTED);
  });

  it('refuses a remedy the remaining budget cannot cover (409 with what remains) and writes nothing', async () => {
    const { deps, add, committed, applications } = world({
      budgetCents: 2_000_000,
      committedCents: 1_500_000,
    });
    const appealed = add(2, { status: 'APPEALED', decision: rejection, objection });
    const refused = await decide(deps, appealed.id, {
      outcome: 'remedied',
      grantedCents: 1_000_000,
      reasons: 'Die Zielgruppe ist im Konzept doch hinreichend beschrieben.',
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BudgetExceededError);
    expect(refused).toMatchObject({ remainingCents: 500_000, requestedCents: 1_000_000 });
    expect(committed()).toBe(1_500_000);
    expect((await applications.get(appealed.id))?.status).toBe('APPEALED');
    expect(applications.events).toEqual([]);
  });

  it('reads again when another approval took the budget meanwhile, and then answers with what remains', async () => {
    const { deps, add, committed, applications, calls } = world({
      budgetCents: 2_000_000,
      committedCents: 0,
    });
    const appealed = add(2, { status: 'APPEALED', decision: rejection, objection });
    applications.beforeSave = () => {
      const call = calls.items.get(CALL_ID);
      if (call) call.committedCents = 1_500_000; // a concurrent approval
    };
    const refused = await decide(deps, appealed.id, {
      outcome: 'remedied',
      grantedCents: 1_000_000,
      reasons: 'Die Zielgruppe ist im Konzept doch hinreichend beschrieben.',
    }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ name: 'BudgetExceededError', remainingCents: 500_000 });
    expect(committed()).toBe(1_500_000);
  });

  it('refuses an approver who is assigned to the application (four-eyes, 403)', async () => {
    const { deps, add } = world({ budgetCents: 3_000_000, committedCents: REQUESTED });
    const appealed = add(1, { status: 'APPEALED', decision: approval(REQUESTED), objection });
    await expect(decide(deps, appealed.id, lower, REVIEWER)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses an application whose objection is not pending (409 with the status)', async () => {
    const { deps, add } = world({ budgetCents: 3_000_000, committedCents: REQUESTED });
    const notified = add(2, { status: 'NOTIFIED', decision: approval(REQUESTED) });
    const refused = await decide(deps, notified.id, lower).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).extensions).toEqual({ currentStatus: 'NOTIFIED' });
  });

  it('refuses a remedy above the amount requested (422)', async () => {
    const { deps, add } = world({ budgetCents: 30_000_000, committedCents: 0 });
    const appealed = add(2, { status: 'APPEALED', decision: rejection, objection });
    await expect(
      decide(deps, appealed.id, {
        outcome: 'remedied',
        grantedCents: REQUESTED + 1,
        reasons: 'Versehentlich zu viel.',
      }),
    ).rejects.toBeInstanceOf(RuleViolationError);
  });

  it('answers a retry with the same Idempotency-Key from the stored answer, moving nothing twice', async () => {
    const { deps, add, committed } = world({ budgetCents: 3_000_000, committedCents: REQUESTED });
    const appealed = add(2, { status: 'APPEALED', decision: approval(REQUESTED), objection });
    const request = {
      key: 'k-1',
      fingerprint: 'POST objection-decision',
      answer: (application: Application) => ({ status: 200, body: { status: application.status } }),
    };
    const first = await decideObjectionOfApplication(
      deps,
      { sub: APPROVER },
      { id: appealed.id, body: lower },
      request,
    );
    const again = await decideObjectionOfApplication(
      deps,
      { sub: APPROVER },
      { id: appealed.id, body: lower },
      request,
    );
    expect(first).toHaveProperty('result');
    expect(again).toEqual({ replay: { status: 200, body: { status: 'FINAL' } } });
    expect(committed()).toBe(1_000_000);
  });
});

describe('the objection workflow', () => {
  const place = (rank: number, proposedGrantCents: number): WaitingListPlace => ({
    batchId: 'batch-1',
    rank,
    proposedGrantCents,
    conditions: [],
    reasons: 'Gekürzt auf das Notwendige.',
    placedBy: 'anna-approver',
    placedAt: '2027-04-02T08:00:00.000Z',
  });

  async function remediedWorld(body: ObjectionDecisionBody = lower) {
    const setup = world({ budgetCents: 2_000_000, committedCents: REQUESTED });
    const appealed = setup.add(2, { status: 'APPEALED', decision: approval(REQUESTED), objection });
    const waiting = setup.add(3, { status: 'WAITLISTED', waitingList: place(1, 800_000) });
    await decide(setup.deps, appealed.id, body);
    const decided = (await setup.applications.get(appealed.id)) as Application;
    const files = new Map<string, Uint8Array>();
    const claims = new Map<string, boolean>();
    const sent: OutgoingEmail[] = [];
    const reports: string[] = [];
    const taskDeps = {
      ...setup.deps,
      calls: {
        get: async (callId: string) => setup.calls.find(callId),
        find: async (callId: string) => setup.calls.find(callId),
      },
      organisations: { get: async () => anOrganisationProfile({ legalName: 'Verein Zukunft e.V.' }) },
      letters: {
        put: async (key: string, pdf: Uint8Array) => void files.set(key, pdf),
      },
      fonts: loadLetterFonts,
      claims: {
        claim: async (key: { applicationId: string; eventKey: string }): Promise<ClaimResult> => {
          const claimId = `${key.applicationId}#${key.eventKey}`;
          if (claims.has(claimId)) return claims.get(claimId) ? 'already-sent' : 'claimed-not-sent';
          claims.set(claimId, false);
          return 'claimed';
        },
        recordSent: async (key: { applicationId: string; eventKey: string }) =>
          void claims.set(`${key.applicationId}#${key.eventKey}`, true),
      },
      mailer: {
        send: async (email: OutgoingEmail) => {
          sent.push(email);
          return `msg-${sent.length}`;
        },
      },
      report: (message: string) => void reports.push(message),
    };
    return { ...setup, decided, waiting, files, sent, reports, taskDeps, input: inputOf(decided) };
  }

  it('issues the Abhilfebescheid once under a deterministic id, recorded with LETTER_ISSUED, keeping the marker', async () => {
    const { decided, taskDeps, input, files, applications } = await remediedWorld();
    const letterId = objectionLetterIdFor(decided.id, { outcome: 'remedied', decidedAt: NOW.toISOString() });

    expect(await issueObjectionLetter(taskDeps, input)).toMatchObject({ letter: 'issued', letterId });
    expect(await issueObjectionLetter(taskDeps, input)).toEqual({ letter: 'issued-before', letterId });

    expect([...files.keys()]).toEqual([`letters/${decided.id}/${letterId}.pdf`]);
    const stored = (await applications.get(decided.id)) as Application;
    expect(stored.letters).toEqual([
      {
        id: letterId,
        kind: 'abhilfebescheid',
        key: `letters/${decided.id}/${letterId}.pdf`,
        createdAt: NOW.toISOString(),
      },
    ]);
    expect(stored).toMatchObject({
      status: 'FINAL',
      pendingWork: 'objection',
      pendingSince: input.pendingSince,
    });
    expect(applications.events.filter((event) => event.type === 'LETTER_ISSUED')).toEqual([
      expect.objectContaining({ reason: `abhilfebescheid ${letterId}`, from: 'FINAL', to: 'FINAL' }),
    ]);
  });

  it('emails once per letter that a letter about the objection waits in the portal', async () => {
    const { taskDeps, input, sent } = await remediedWorld();
    await expect(sendObjectionNotice(taskDeps, input)).rejects.toThrow('not issued');
    await issueObjectionLetter(taskDeps, input);
    expect(await sendObjectionNotice(taskDeps, input)).toMatchObject({ notice: 'sent' });
    expect(await sendObjectionNotice(taskDeps, input)).toMatchObject({ notice: 'already-sent' });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe('amira@example.org');
    expect(sent[0]?.subject).toContain('Ein Schreiben zu Ihrem Widerspruch (Antrag IM-2027-C-000042)');
    // It says where the letter is, not how the objection ended.
    expect(sent[0]?.text).not.toMatch(/abgeholfen|zurückgewiesen|10\.000/);
  });

  it('moves the waiting list up into the budget a lower grant released, once', async () => {
    const { taskDeps, input, waiting, applications, committed } = await remediedWorld();
    expect(committed()).toBe(1_000_000);

    expect(await moveUpAfterObjection(taskDeps, input)).toEqual({
      releasedCents: 440_200,
      movedUp: [waiting.id],
      remainingCents: 200_000,
    });
    expect((await applications.get(waiting.id))?.status).toBe('APPROVED');
    expect(committed()).toBe(1_800_000);
    // A retry finds nobody waiting and moves nothing.
    expect(await moveUpAfterObjection(taskDeps, input)).toMatchObject({ movedUp: [] });
    expect(committed()).toBe(1_800_000);
  });

  it('moves nobody up after a dismissal, and calls other work stale', async () => {
    const { taskDeps, input, waiting, applications, committed } = await remediedWorld({
      outcome: 'dismissed',
      reasons: 'Die Kürzung folgt den Förderrichtlinien.',
    });
    expect(await moveUpAfterObjection(taskDeps, input)).toEqual({ releasedCents: 0, movedUp: [] });
    expect((await applications.get(waiting.id))?.status).toBe('WAITLISTED');
    expect(committed()).toBe(REQUESTED);
    await expect(
      moveUpAfterObjection(taskDeps, { ...input, pendingSince: '2027-01-01T00:00:00.000Z' }),
    ).rejects.toBeInstanceOf(StaleWorkError);
  });

  it('a member retrieving the letter on the objection gets the link and notifies nothing (FINAL stays)', async () => {
    const { taskDeps, input, decided, applications } = await remediedWorld();
    const { letterId } = await issueObjectionLetter(taskDeps, input);
    const versionBefore = (await applications.get(decided.id))?.version;
    const answer = await retrieveLetter(
      {
        applications,
        memberships: {
          isMember: async (orgId: string, sub: string) => orgId === decided.orgId && sub === 'amira',
        },
        assignments: { listByApplication: async () => [] },
        links: { downloadUrl: async (key: string) => `https://bucket.example/${key}?signed` },
        clock: { now: () => new Date('2027-05-21T09:00:00.000Z') },
      } as unknown as Parameters<typeof retrieveLetter>[0],
      { sub: 'amira', groups: ['applicant'] },
      { id: decided.id, letterId },
    );
    expect(answer.letter).toMatchObject({ id: letterId, kind: 'abhilfebescheid' });
    expect(answer.url).toContain(`letters/${decided.id}/${letterId}.pdf`);
    const after = (await applications.get(decided.id)) as Application;
    expect(after.status).toBe('FINAL');
    expect(after.version).toBe(versionBefore);
    expect(applications.events.map((event) => event.type)).not.toContain('NOTIFIED');
  });
});
