import { describe, expect, it } from 'vitest';
import type { Call } from '../../../shared/api/schemas/call.schema.ts';
import { RuleViolationError } from '../../../shared/domain/errors.ts';
import { createDraft } from '../../../shared/use-cases/create-draft.ts';
import { getApplicationForMember } from '../../../shared/use-cases/get-application.ts';
import { aCall } from '../../support/calls.ts';
import { fakeDeps } from '../../support/in-memory.ts';

const NOW = new Date('2026-11-25T10:00:00Z');
const ORG = '5b0c1f0e-2b1d-4a53-9a35-0c6f4f0e1a01';

function given(calls: Call[], members: [string, string][]) {
  const deps = fakeDeps({ calls, members, now: NOW });
  return { deps, applications: deps.applications };
}

describe('createDraft', () => {
  const open = aCall({ id: 'open-call' }, NOW);

  it('stores a draft at version 1 together with its creation event', async () => {
    const { deps, applications } = given([open], [[ORG, 'amira']]);

    const { application: draft, call } = await createDraft(
      deps,
      { sub: 'amira' },
      { orgId: ORG, callId: 'open-call', title: 'Sprachcafé' },
    );
    expect(call.id).toBe('open-call');

    expect(draft).toMatchObject({
      status: 'DRAFT',
      version: 1,
      createdBy: 'amira',
      createdAt: NOW.toISOString(),
    });
    expect(applications.items.get(draft.id)).toEqual(draft);
    expect(applications.events).toEqual([
      {
        applicationId: draft.id,
        version: 1,
        at: NOW.toISOString(),
        actor: 'amira',
        type: 'DRAFT_CREATED',
        to: 'DRAFT',
      },
    ]);
  });

  it('allows drafts before a call opens, so associations can prepare', async () => {
    const upcoming = aCall({
      id: 'upcoming',
      opensAt: '2027-01-01T00:00:00+01:00',
      closesAt: '2027-03-31T23:59:59+02:00',
    });
    const { deps } = given([upcoming], [[ORG, 'amira']]);
    await expect(
      createDraft(deps, { sub: 'amira' }, { orgId: ORG, callId: 'upcoming', title: 'Früh dran' }),
    ).resolves.toMatchObject({ application: { status: 'DRAFT' } });
  });

  it('names every broken rule at once and stores nothing', async () => {
    const closed = aCall({
      id: 'closed',
      opensAt: '2025-01-01T00:00:00+01:00',
      closesAt: '2025-07-31T23:59:59+02:00',
    });
    const { deps, applications } = given([closed], []);

    const attempt = createDraft(deps, { sub: 'mallory' }, { orgId: ORG, callId: 'closed', title: 'Zu spät' });

    await expect(attempt).rejects.toBeInstanceOf(RuleViolationError);
    const error = (await attempt.catch((e) => e)) as RuleViolationError;
    expect(error.violations.map((v) => `${v.path}:${v.code}`)).toEqual([
      'orgId:not-a-member',
      'callId:call-closed',
    ]);
    expect(applications.items.size).toBe(0);
  });

  it('refuses an unknown call', async () => {
    const { deps } = given([], [[ORG, 'amira']]);
    const error = (await createDraft(
      deps,
      { sub: 'amira' },
      { orgId: ORG, callId: 'nope', title: 'X-Projekt' },
    ).catch((e) => e)) as RuleViolationError;
    expect(error.violations).toEqual([expect.objectContaining({ path: 'callId', code: 'unknown-call' })]);
  });
});

describe('getApplicationForMember', () => {
  it("treats another organisation's application as not found", async () => {
    const { deps } = given([aCall({ id: 'open-call' }, NOW)], [[ORG, 'amira']]);
    const { application: draft } = await createDraft(
      deps,
      { sub: 'amira' },
      { orgId: ORG, callId: 'open-call', title: 'Unseres' },
    );

    await expect(getApplicationForMember(deps, { sub: 'amira' }, draft.id)).resolves.toMatchObject({
      application: draft,
      call: { id: 'open-call' },
    });
    await expect(getApplicationForMember(deps, { sub: 'mallory' }, draft.id)).rejects.toThrow(
      'application not found',
    );
    await expect(getApplicationForMember(deps, { sub: 'amira' }, 'missing')).rejects.toThrow(
      'application not found',
    );
  });
});
