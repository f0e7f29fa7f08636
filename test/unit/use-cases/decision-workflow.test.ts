import { describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/domain/application.ts';
import type { Decision, WaitingListPlace } from '../../../shared/domain/decision.ts';
import { applicantTimeline } from '../../../shared/domain/timeline.ts';
import { loadLetterFonts } from '../../../shared/letters/fonts.ts';
import type { ClaimResult } from '../../../shared/ports/email-claims.ts';
import type { OutgoingEmail } from '../../../shared/ports/mailer.ts';
import { letterIdFor } from '../../../shared/use-cases/decision-workflow/decision-letter.ts';
import { issueLetter } from '../../../shared/use-cases/decision-workflow/issue-letter.ts';
import { sendDecisionNotice } from '../../../shared/use-cases/decision-workflow/send-decision-notice.ts';
import type { WorkflowInput } from '../../../shared/workflows/workflow-input.ts';
import { aSubmittedApplication } from '../../support/applications.ts';
import { aCall } from '../../support/calls.ts';
import { InMemoryApplications } from '../../support/in-memory.ts';
import { anOrganisationProfile } from '../../support/organisations.ts';
import { pdfText } from '../../support/pdf-text.ts';

const DECIDED_AT = '2027-05-03T08:30:00.000Z';
const call = aCall({ id: 'call-1', title: { de: 'Kleinprojekte 2027', en: 'Small projects 2027' } });

const approval: Decision = {
  outcome: 'approved',
  grantedCents: 1_200_000,
  financingType: 'fixed',
  conditions: ['Ein Zwischenbericht ist bis zum 30.09.2027 vorzulegen.'],
  reasons: 'Verpflegung ist nicht zuwendungsfähig.',
  decidedBy: 'approver',
  decidedAt: DECIDED_AT,
};
const rejection: Decision = {
  outcome: 'rejected',
  financingType: 'fixed',
  conditions: [],
  reasons: 'Das Konzept erreicht die Zielgruppe nicht erkennbar.',
  rejectionGround: 'merits',
  decidedBy: 'approver',
  decidedAt: DECIDED_AT,
};
const place: WaitingListPlace = {
  batchId: 'batch-1',
  rank: 2,
  proposedGrantCents: 1_000_000,
  conditions: [],
  placedBy: 'approver',
  placedAt: DECIDED_AT,
};

function world(overrides: Partial<Application> = { status: 'APPROVED', decision: approval }) {
  const application = aSubmittedApplication({
    pendingWork: 'decision',
    pendingSince: DECIDED_AT,
    version: 9,
    ...overrides,
  });
  const applications = new InMemoryApplications();
  applications.items.set(application.id, structuredClone(application));
  const files = new Map<string, { pdf: Uint8Array; fileName: string }>();
  let puts = 0;
  const claims = new Map<string, { sentAt?: string }>();
  const sent: OutgoingEmail[] = [];
  const reports: string[] = [];
  const deps = {
    applications,
    calls: { get: async (id: string) => (id === call.id ? call : undefined) },
    organisations: {
      get: async () => anOrganisationProfile({ legalName: 'Verein Zukunft Łódź–Київ e.V.' }),
    },
    letters: {
      put: async (key: string, pdf: Uint8Array, fileName: string) => {
        puts++;
        files.set(key, { pdf, fileName });
      },
    },
    fonts: loadLetterFonts,
    clock: { now: () => new Date('2027-05-03T08:31:00.000Z') },
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
        _id: string,
        at: string,
      ) => void claims.set(`${key.applicationId}#${key.eventKey}#${key.template}`, { sentAt: at }),
    },
    mailer: {
      send: async (email: OutgoingEmail) => {
        sent.push(email);
        return `msg-${sent.length}`;
      },
    },
    report: (message: string) => void reports.push(message),
  };
  const input: WorkflowInput = {
    applicationId: application.id,
    workflow: 'decision',
    pendingSince: DECIDED_AT,
    status: application.status,
    version: application.version,
  };
  return { application, applications, deps, files, puts: () => puts, sent, reports, input };
}

describe('IssueLetter', () => {
  it('stores the Zuwendungsbescheid under letters/<application>/<letter>.pdf and records it with LETTER_ISSUED in one write, keeping the pending marker', async () => {
    const { application, applications, deps, files, input } = world();
    const result = await issueLetter(deps, input);
    const letterId = letterIdFor(application.id, approval);
    expect(result).toMatchObject({ letter: 'issued', letterId });
    const key = `letters/${application.id}/${letterId}.pdf`;
    expect([...files.keys()]).toEqual([key]);
    expect(files.get(key)?.fileName).toBe('zuwendungsbescheid-IM-2027-C-000042.pdf');
    const { text } = await pdfText(files.get(key)?.pdf as Uint8Array);
    expect(text).toContain('Zuwendungsbescheid');
    expect(text).toContain('IM-2027-C-000042');
    expect(text).toContain('12.000,00 €');
    expect(text).toContain('Verein Zukunft Łódź–Київ e.V.');

    const stored = applications.items.get(application.id) as Application;
    expect(stored.letters).toEqual([
      { id: letterId, kind: 'zuwendungsbescheid', key, createdAt: '2027-05-03T08:31:00.000Z' },
    ]);
    expect(stored.version).toBe(10);
    expect(stored.status).toBe('APPROVED');
    expect([stored.pendingWork, stored.pendingSince]).toEqual(['decision', DECIDED_AT]);
    expect(applications.events).toEqual([
      expect.objectContaining({
        type: 'LETTER_ISSUED',
        version: 10,
        actor: 'system',
        from: 'APPROVED',
        to: 'APPROVED',
      }),
    ]);
  });

  it('issues no second letter for the same decision: not when retried, not when dispatched again with a new marking', async () => {
    const { application, applications, deps, input, puts } = world();
    await issueLetter(deps, input);
    expect(await issueLetter(deps, input)).toMatchObject({ letter: 'issued-before' });
    expect(await issueLetter(deps, { ...input, pendingSince: '2027-05-03T09:00:00.000Z' })).toMatchObject({
      letter: 'issued-before',
    });
    expect(applications.items.get(application.id)?.letters).toHaveLength(1);
    expect(applications.events).toHaveLength(1);
    expect(puts()).toBe(1);
  });

  it('reads again when the application changed under it, and still records one letter', async () => {
    const { application, applications, deps, input, puts } = world();
    let first = true;
    const save = applications.save.bind(applications);
    applications.save = async (...args: Parameters<typeof save>) => {
      if (first) {
        first = false;
        // Someone else wrote the application between the read and this write.
        const current = applications.items.get(application.id) as Application;
        applications.items.set(application.id, { ...current, version: current.version + 1 });
      }
      return save(...args);
    };
    expect(await issueLetter(deps, input)).toMatchObject({ letter: 'issued' });
    expect(applications.items.get(application.id)?.letters).toHaveLength(1);
    expect(applications.items.get(application.id)?.version).toBe(11);
    expect(puts()).toBe(1); // rendered and stored once
  });

  it('issues an Ablehnungsbescheid for a rejection', async () => {
    const { application, applications, deps, files, input } = world({
      status: 'REJECTED',
      decision: rejection,
    });
    await issueLetter(deps, input);
    const letter = applications.items.get(application.id)?.letters?.[0];
    expect(letter?.kind).toBe('ablehnungsbescheid');
    const { text } = await pdfText(files.get(letter?.key as string)?.pdf as Uint8Array);
    expect(text).toContain('Ablehnungsbescheid');
    expect(text).toContain('Das Konzept erreicht die Zielgruppe nicht erkennbar.');
  });

  it('gives a later decision on the same application a letter of its own', () => {
    const id = '7d3f6a2e-4b1c-4e8a-9f00-000000000001';
    expect(letterIdFor(id, approval)).toBe(letterIdFor(id, { ...approval }));
    expect(letterIdFor(id, approval)).not.toBe(
      letterIdFor(id, { ...approval, decidedAt: '2027-07-01T10:00:00Z' }),
    );
    expect(letterIdFor(id, approval)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('writes no letter for a waiting-list place, and treats an application that moved on without one as stale work', async () => {
    const waiting = world({ status: 'WAITLISTED', waitingList: place });
    expect(await issueLetter(waiting.deps, waiting.input)).toEqual({ letter: 'none-waitlisted' });
    expect(waiting.puts()).toBe(0);

    const withdrawn = world({ status: 'WITHDRAWN', decision: approval, pendingWork: 'withdrawal' });
    await expect(issueLetter(withdrawn.deps, withdrawn.input)).rejects.toMatchObject({
      name: 'StaleWorkError',
    });
    expect(withdrawn.puts()).toBe(0);
  });
});

describe('SendDecisionNotice', () => {
  it('emails once per letter that a Bescheid waits in the portal, what retrieving it starts, and attaches nothing', async () => {
    const { deps, input, sent } = world();
    await issueLetter(deps, input);
    expect(await sendDecisionNotice(deps, input)).toEqual({ notice: 'sent', kind: 'decision' });
    expect(await sendDecisionNotice(deps, input)).toEqual({ notice: 'already-sent', kind: 'decision' });
    expect(await sendDecisionNotice(deps, { ...input, pendingSince: 'redispatched' })).toEqual({
      notice: 'already-sent',
      kind: 'decision',
    });
    expect(sent).toHaveLength(1);
    const [email] = sent as [OutgoingEmail];
    expect(email.to).toBe('amira@example.org');
    expect(email.subject).toContain('Ein Bescheid zu Ihrem Antrag IM-2027-C-000042 liegt im Portal bereit');
    expect(email.attachments).toBeUndefined();
    for (const expected of [
      'ein Bescheid zu Ihrem Antrag IM-2027-C-000042 liegt im Portal bereit.',
      'am Tag nach seinem ersten Abruf im Portal als bekannt gegeben (§ 41 Abs. 2a VwVfG)',
      'Frist von einem Monat, in der Widerspruch erhoben werden kann',
      'nicht innerhalb von zehn Tagen',
      '— English —',
      'counts as notified on the day after you first retrieve it',
      'one-month period for lodging an objection',
      'within ten days',
    ]) {
      expect(email.text, expected).toContain(expected);
    }
    // The decision itself is notified by retrieval, not in the email.
    expect(email.text).not.toMatch(/bewilligt|abgelehnt|12\.000/);
  });

  it('sends the waiting-list notice for a place on the waiting list: no Bescheid yet, moves up if funds are released', async () => {
    const { deps, input, sent } = world({ status: 'WAITLISTED', waitingList: place });
    expect(await sendDecisionNotice(deps, input)).toEqual({ notice: 'sent', kind: 'waiting-list' });
    expect(await sendDecisionNotice(deps, input)).toEqual({ notice: 'already-sent', kind: 'waiting-list' });
    expect(sent).toHaveLength(1);
    const [email] = sent as [OutgoingEmail];
    expect(email.subject).toContain('steht auf der Warteliste');
    expect(email.text).toContain('auf Rang 2');
    expect(email.text).toContain('Ein Bescheid ergeht noch nicht.');
    expect(email.text).toContain('rückt Ihr Antrag nach seinem Rang nach');
    expect(email.text).toContain('No decision letter is issued yet.');
  });

  it('fails loudly (to be retried) while the letter of the decision is not issued, and sends nothing', async () => {
    const { deps, input, sent } = world();
    const error = await sendDecisionNotice(deps, input).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).not.toBe('StaleWorkError');
    expect(sent).toHaveLength(0);
  });

  it('sends nothing once the letter was retrieved, treats a withdrawn application as stale, and reports a missing address', async () => {
    const letterId = letterIdFor('7d3f6a2e-4b1c-4e8a-9f00-000000000001', approval);
    const retrieved = world({
      status: 'NOTIFIED',
      decision: approval,
      letters: [
        {
          id: letterId,
          kind: 'zuwendungsbescheid',
          key: `letters/x/${letterId}.pdf`,
          createdAt: DECIDED_AT,
          firstRetrievedAt: '2027-05-04T10:00:00.000Z',
          firstRetrievedBy: 'amira',
        },
      ],
    });
    expect(await sendDecisionNotice(retrieved.deps, retrieved.input)).toEqual({
      notice: 'already-retrieved',
    });
    expect(retrieved.sent).toHaveLength(0);

    const withdrawn = world({ status: 'WITHDRAWN', decision: approval, pendingWork: 'withdrawal' });
    await expect(sendDecisionNotice(withdrawn.deps, withdrawn.input)).rejects.toMatchObject({
      name: 'StaleWorkError',
    });

    const noAddress = world({ status: 'APPROVED', decision: approval, contactEmail: undefined });
    await issueLetter(noAddress.deps, noAddress.input);
    expect(await sendDecisionNotice(noAddress.deps, noAddress.input)).toEqual({ notice: 'no-address' });
    expect(noAddress.reports).toEqual([expect.stringContaining('no contact email')]);
  });
});

describe('the applicant timeline', () => {
  it('says that the Bescheid waits in the portal and what retrieving it starts, on behalf of the funding body', () => {
    const [entry] = applicantTimeline(
      [
        {
          applicationId: 'a',
          version: 10,
          at: '2027-05-03T08:31:00.000Z',
          actor: 'system',
          type: 'LETTER_ISSUED',
          from: 'APPROVED',
          to: 'APPROVED',
          reason: 'zuwendungsbescheid 5e1c…',
        },
      ],
      new Map(),
    );
    expect(entry).toMatchObject({
      type: 'LETTER_ISSUED',
      title: { de: 'Bescheid liegt im Portal bereit', en: 'Decision letter ready in the portal' },
      by: { kind: 'funding-body' },
      status: 'APPROVED',
    });
    expect(entry?.detail?.de).toContain('am Tag nach dem ersten Abruf');
    // The event's reason is an internal note (the letter id), not shown.
    expect(JSON.stringify(entry)).not.toContain('5e1c');
  });
});
