import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, RuleViolationError } from '../../../shared/domain/errors.ts';
import { createDraft } from '../../../shared/use-cases/create-draft.ts';
import { submitApplication } from '../../../shared/use-cases/submit-application.ts';
import { aCall } from '../../support/calls.ts';
import { fakeDeps } from '../../support/in-memory.ts';

const ORG = '5b0c1f0e-2b1d-4a53-9a35-0c6f4f0e1a01';

async function givenDraft(now: Date, callOverrides = {}) {
  const call = aCall({ id: 'call-1', ...callOverrides }, new Date('2026-11-25T10:00:00Z'));
  const deps = fakeDeps({ calls: [call], members: [[ORG, 'amira']], now });
  const { application: draft } = await createDraft(
    { ...deps, clock: { now: () => new Date('2026-11-25T10:00:00Z') } },
    { sub: 'amira' },
    { orgId: ORG, callId: 'call-1', title: 'Elterncafé' },
  );
  return { deps, draft };
}

describe('submitApplication', () => {
  const now = new Date('2026-11-26T09:00:00Z');

  it('moves a draft to SUBMITTED, marks intake as pending and records who submitted', async () => {
    const { deps, draft } = await givenDraft(now);

    const { application: submitted } = await submitApplication(
      deps,
      { sub: 'amira', email: 'amira@example.org' },
      draft.id,
    );

    expect(submitted).toMatchObject({
      status: 'SUBMITTED',
      version: 2,
      submittedAt: now.toISOString(),
      submittedBy: 'amira',
      contactEmail: 'amira@example.org',
      pendingWork: 'intake',
      pendingSince: now.toISOString(),
    });
    expect(deps.applications.events.at(-1)).toMatchObject({
      type: 'SUBMITTED',
      from: 'DRAFT',
      to: 'SUBMITTED',
      version: 2,
    });
  });

  it('refuses to submit twice with 409 and the current status', async () => {
    const { deps, draft } = await givenDraft(now);
    await submitApplication(deps, { sub: 'amira' }, draft.id);

    const error = await submitApplication(deps, { sub: 'amira' }, draft.id).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).extensions).toEqual({ currentStatus: 'SUBMITTED' });
  });

  it('refuses after the deadline, to the second', async () => {
    const closesAt = '2026-11-26T23:59:59+01:00';
    const { deps, draft } = await givenDraft(new Date('2026-11-26T23:00:00Z'), { closesAt });
    const error = await submitApplication(deps, { sub: 'amira' }, draft.id).catch((e) => e);
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).violations[0]?.code).toBe('call-closed');

    const { deps: inTime, draft: other } = await givenDraft(new Date('2026-11-26T22:59:59Z'), { closesAt });
    await expect(submitApplication(inTime, { sub: 'amira' }, other.id)).resolves.toMatchObject({
      application: { status: 'SUBMITTED' },
    });
  });

  it('hides the application from non-members', async () => {
    const { deps, draft } = await givenDraft(now);
    await expect(submitApplication(deps, { sub: 'mallory' }, draft.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
