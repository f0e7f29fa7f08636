import { describe, expect, it } from 'vitest';
import type { DraftContent } from '../../../shared/api/schemas/draft.schema.ts';
import type { Application } from '../../../shared/domain/application.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../../../shared/domain/errors.ts';
import { createDraft } from '../../../shared/use-cases/create-draft.ts';
import { submitApplication } from '../../../shared/use-cases/submit-application.ts';
import { aCall } from '../../support/calls.ts';
import { aCompleteDraftContent } from '../../support/drafts.ts';
import { fakeDeps } from '../../support/in-memory.ts';
import { anOrganisationProfile } from '../../support/organisations.ts';

const ORG = '5b0c1f0e-2b1d-4a53-9a35-0c6f4f0e1a01';
const CREATED = new Date('2026-11-25T10:00:00Z');

/** A complete draft in a call that closes on 26 Nov 2026 23:59:59 Berlin time, unless overridden. */
async function givenDraft(
  now: Date,
  options: { call?: Parameters<typeof aCall>[0]; deps?: Partial<Parameters<typeof fakeDeps>[0]> } = {},
) {
  const call = aCall({ id: 'call-1', ...options.call }, CREATED);
  const deps = fakeDeps({ calls: [call], members: [[ORG, 'amira']], now, ...options.deps });
  const { application } = await createDraft(
    { ...deps, clock: { now: () => CREATED } },
    { sub: 'amira' },
    { orgId: ORG, callId: 'call-1', title: 'Elterncafé' },
  );
  const complete = { ...application, ...(aCompleteDraftContent() as DraftContent) };
  deps.applications.items.set(application.id, complete);
  return { deps, draft: complete };
}

const submitted = (outcome: Awaited<ReturnType<typeof submitApplication>>) => {
  if (!('result' in outcome)) throw new Error('expected a fresh result, got a replay');
  return outcome.result.application;
};

const request = (key: string) => ({
  key,
  fingerprint: 'POST /api/applications/x/submit',
  answer: (result: { application: Application }) => ({
    status: 202,
    body: { version: result.application.version },
  }),
});

describe('submitApplication', () => {
  const now = new Date('2026-11-26T09:00:00Z');

  it('moves a complete draft to SUBMITTED, marks intake as pending and records who submitted', async () => {
    const { deps, draft } = await givenDraft(now);

    const application = submitted(
      await submitApplication(deps, { sub: 'amira', email: 'amira@example.org' }, draft.id),
    );

    expect(application).toMatchObject({
      status: 'SUBMITTED',
      version: 2,
      submittedAt: now.toISOString(),
      submittedBy: 'amira',
      contactEmail: 'amira@example.org',
      pendingWork: 'intake',
      pendingSince: now.toISOString(),
      notificationConsent: { at: now.toISOString(), by: 'amira' },
    });
    expect(deps.applications.events.at(-1)).toMatchObject({
      type: 'SUBMITTED',
      from: 'DRAFT',
      to: 'SUBMITTED',
      version: 2,
    });
  });

  it('names every reason against submitting at once, and changes nothing', async () => {
    const { deps, draft } = await givenDraft(now, {
      call: {
        requiredDocuments: [{ id: 'satzung', label: { de: 'Satzung', en: 'Statutes' }, mandatory: true }],
      },
      deps: { organisations: { [ORG]: anOrganisationProfile({ address: undefined }) } },
    });
    deps.applications.items.set(draft.id, {
      ...draft,
      declarations: { ...draft.declarations, subsidyFactsAcknowledged: false },
      financePlan: { ...draft.financePlan, requestedGrantCents: 2_000_000 },
    });

    const error = (await submitApplication(deps, { sub: 'amira' }, draft.id).catch(
      (e) => e,
    )) as RuleViolationError;

    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error.violations.map((v) => [v.path, v.code])).toEqual(
      expect.arrayContaining([
        ['financePlan.requestedGrantCents', 'max-grant-exceeded'],
        ['declarations.subsidyFactsAcknowledged', 'required'],
        ['organisation.address.street', 'missing'],
        ['documents.satzung', 'document-missing'],
      ]),
    );
    expect((await deps.applications.get(draft.id))?.status).toBe('DRAFT');
  });

  it('refuses without consent to electronic notification (§ 41 (2a) VwVfG), and changes nothing', async () => {
    const { deps, draft } = await givenDraft(now);
    deps.applications.items.set(draft.id, {
      ...draft,
      declarations: { ...draft.declarations, electronicNotificationConsent: false },
    });

    const error = (await submitApplication(deps, { sub: 'amira' }, draft.id).catch(
      (e) => e,
    )) as RuleViolationError;

    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error.violations.map((v) => [v.path, v.code])).toEqual([
      ['declarations.electronicNotificationConsent', 'required'],
    ]);
    expect(error.violations[0]?.message.de).toContain('§ 41 Abs. 2a VwVfG');
    const stored = await deps.applications.get(draft.id);
    expect(stored?.status).toBe('DRAFT');
    expect(stored?.notificationConsent).toBeUndefined();
  });

  it('refuses to submit twice with 409 and the current status', async () => {
    const { deps, draft } = await givenDraft(now);
    await submitApplication(deps, { sub: 'amira' }, draft.id);

    const error = await submitApplication(deps, { sub: 'amira' }, draft.id).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).extensions).toEqual({ currentStatus: 'SUBMITTED' });
  });

  it('answers a retry with the same Idempotency-Key as the first time, and changes nothing', async () => {
    const { deps, draft } = await givenDraft(now);

    const first = await submitApplication(deps, { sub: 'amira' }, draft.id, request('key-0001'));
    const retry = await submitApplication(deps, { sub: 'amira' }, draft.id, request('key-0001'));

    expect(submitted(first).version).toBe(2);
    expect(retry).toEqual({ replay: { status: 202, body: { version: 2 } } });
    expect(deps.applications.events.filter((event) => event.type === 'SUBMITTED')).toHaveLength(1);
  });

  it('scopes keys to the caller and refuses a key reused for another request', async () => {
    const { deps, draft } = await givenDraft(now);
    await submitApplication(deps, { sub: 'amira' }, draft.id, request('key-0002'));

    const reused = await submitApplication(deps, { sub: 'amira' }, draft.id, {
      ...request('key-0002'),
      fingerprint: 'POST /api/applications/other/submit',
    }).catch((e) => e);
    expect((reused as RuleViolationError).violations[0]?.code).toBe('idempotency-key-reused');

    // Another person's identical key is theirs: no replay of Amira's answer to a stranger.
    const stranger = await submitApplication(deps, { sub: 'mallory' }, draft.id, request('key-0002')).catch(
      (e) => e,
    );
    expect(stranger).toBeInstanceOf(NotFoundError);
  });

  it('refuses after the deadline, to the second', async () => {
    const closesAt = '2026-11-26T23:59:59+01:00';
    const { deps, draft } = await givenDraft(new Date('2026-11-26T23:00:00Z'), { call: { closesAt } });
    const error = await submitApplication(deps, { sub: 'amira' }, draft.id).catch((e) => e);
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).violations.map((v) => v.code)).toEqual(['call-closed']);

    const { deps: inTime, draft: other } = await givenDraft(new Date('2026-11-26T22:59:59Z'), {
      call: { closesAt },
    });
    expect(submitted(await submitApplication(inTime, { sub: 'amira' }, other.id)).status).toBe('SUBMITTED');
  });

  it('accepts a supplement after the call has closed, until the Nachforderung is due', async () => {
    const closesAt = '2026-11-26T23:59:59+01:00';
    const afterClose = new Date('2026-12-01T10:00:00Z');
    const { deps, draft } = await givenDraft(afterClose, { call: { closesAt } });
    const incomplete: Application = {
      ...draft,
      status: 'INCOMPLETE',
      reference: 'IM-2027-C-000007',
      submittedAt: '2026-11-26T09:00:00.000Z',
      nachforderung: {
        requestedAt: '2026-11-26T09:01:00.000Z',
        requestedBy: 'system',
        dueAt: '2026-12-10T22:59:59.000Z',
        items: [],
      },
    };
    deps.applications.items.set(draft.id, incomplete);

    const application = submitted(await submitApplication(deps, { sub: 'amira' }, draft.id));

    expect(application).toMatchObject({
      status: 'SUBMITTED',
      reference: 'IM-2027-C-000007',
      submittedAt: '2026-11-26T09:00:00.000Z',
      supplementedAt: afterClose.toISOString(),
      pendingWork: 'intake',
    });
    expect(deps.applications.events.at(-1)).toMatchObject({ type: 'RESUBMITTED', from: 'INCOMPLETE' });

    // After the due date the supplement is refused.
    deps.applications.items.set(draft.id, incomplete);
    const late = new Date('2026-12-11T08:00:00Z');
    const error = await submitApplication(
      { ...deps, clock: { now: () => late } },
      { sub: 'amira' },
      draft.id,
    ).catch((e) => e);
    expect((error as RuleViolationError).violations.map((v) => v.code)).toEqual(['supplement-overdue']);
  });

  it('hides the application from non-members', async () => {
    const { deps, draft } = await givenDraft(now);
    await expect(submitApplication(deps, { sub: 'mallory' }, draft.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
