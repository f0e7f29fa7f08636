import { beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  NotFoundError,
  RuleViolationError,
  SchemaViolationError,
  StaleVersionError,
} from '../../../shared/domain/errors.ts';
import { createCall } from '../../../shared/use-cases/create-call.ts';
import { updateCall } from '../../../shared/use-cases/update-call.ts';
import { aCall } from '../../support/calls.ts';
import { InMemoryCallRecords } from '../../support/in-memory-calls.ts';

const now = new Date('2027-01-10T10:00:00Z');
const admin = { sub: 'admin-sub' };

describe('updateCall', () => {
  let calls: InMemoryCallRecords;
  let deps: { calls: InMemoryCallRecords; clock: { now: () => Date } };
  const call = aCall({ id: 'im-2027-c', closesAt: '2027-01-31T23:59:59+01:00' }, now);

  beforeEach(async () => {
    calls = new InMemoryCallRecords();
    deps = { calls, clock: { now: () => now } };
    await createCall(deps, admin, call);
  });

  const patch = (body: Record<string, unknown>, expectedVersion = 1) =>
    updateCall(deps, { sub: 'editor-sub' }, { callId: call.id, expectedVersion, patch: body });

  it('changes the rules of a call nobody has applied to, as the next version', async () => {
    const saved = await patch({ rules: { maxGrantCents: 2_000_000 } });
    expect(saved).toMatchObject({ version: 2, updatedBy: 'editor-sub', createdBy: 'admin-sub' });
    expect(saved.rules).toEqual({ ...call.rules, maxGrantCents: 2_000_000 });
  });

  it('refuses a stale version and writes nothing', async () => {
    await patch({ budgetCents: 20_000_000 });
    await expect(patch({ budgetCents: 30_000_000 }, 1)).rejects.toEqual(new StaleVersionError(2));
    expect((await calls.find(call.id))?.budgetCents).toBe(20_000_000);
  });

  it('answers 404 for an unknown call', async () => {
    await expect(
      updateCall(deps, admin, { callId: 'unknown', expectedVersion: 1, patch: {} }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a result that does not fit the schema, and read-only fields', async () => {
    await expect(patch({ budgetCents: -1 })).rejects.toBeInstanceOf(SchemaViolationError);
    await expect(patch({ title: null })).rejects.toBeInstanceOf(SchemaViolationError);
    await expect(patch({ applicationCount: 0 })).rejects.toBeInstanceOf(SchemaViolationError);
    expect(calls.writes).toBe(1);
  });

  it('refuses a new id and broken rules with their paths', async () => {
    const error = await patch({ id: 'im-2027-x', rules: { minOwnShareBps: 1000 } }).catch((e) => e);
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).violations.map((v) => v.path)).toEqual([
      'id',
      'rules.minOwnShareBps',
    ]);
  });

  it('writes nothing for a patch that changes nothing', async () => {
    const saved = await patch({ closesAt: '2027-01-31T22:59:59Z' });
    expect(saved.version).toBe(1);
    expect(calls.writes).toBe(1);
  });

  describe('once someone has applied', () => {
    beforeEach(() => calls.apply(call.id));

    it('refuses a rule change with 409 naming the locked fields', async () => {
      const error = await patch({ rules: { maxGrantCents: 2_000_000 }, selectionMode: 'competitive' }).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).extensions).toEqual({
        lockedFields: ['selectionMode', 'rules.maxGrantCents'],
        applicationCount: 1,
      });
      expect((error as ConflictError).detail.de).toContain('rules.maxGrantCents');
      expect(calls.writes).toBe(1);
    });

    it('still extends the deadline, edits texts and raises the budget', async () => {
      const saved = await patch({
        closesAt: '2027-02-28T23:59:59+01:00',
        title: { de: 'Kleinprojekte 2027 (verlängert)' },
        budgetCents: call.budgetCents + 1,
      });
      expect(saved).toMatchObject({ version: 2, closesAt: '2027-02-28T23:59:59+01:00', applicationCount: 1 });
    });

    it('refuses to bring the deadline forward', async () => {
      const error = await patch({ closesAt: '2027-01-20T23:59:59+01:00' }).catch((e) => e);
      expect((error as ConflictError).extensions.lockedFields).toEqual(['closesAt']);
    });
  });

  describe('when someone acts between the read and the write', () => {
    it('answers 409 when the first draft appears meanwhile, and keeps the rules', async () => {
      calls.beforeWrite = () => calls.apply(call.id);
      const error = await patch({ rules: { maxGrantCents: 2_000_000 } }).catch((e) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).extensions.lockedFields).toEqual(['rules.maxGrantCents']);
      expect((await calls.find(call.id))?.rules.maxGrantCents).toBe(call.rules.maxGrantCents);
    });

    it('still extends the deadline when a draft appears meanwhile (no lock needed)', async () => {
      calls.beforeWrite = () => calls.apply(call.id);
      const saved = await patch({ closesAt: '2027-02-28T23:59:59+01:00' });
      expect(saved).toMatchObject({ version: 2, applicationCount: 1 });
    });

    it('answers 412 when someone else saves meanwhile', async () => {
      calls.beforeWrite = () => calls.touch(call.id);
      await expect(patch({ budgetCents: 20_000_000 })).rejects.toEqual(new StaleVersionError(2));
      expect((await calls.find(call.id))?.budgetCents).toBe(call.budgetCents);
    });
  });
});

describe('createCall', () => {
  it('stores version 1 with who created it, and refuses an existing id with 409', async () => {
    const calls = new InMemoryCallRecords();
    const deps = { calls, clock: { now: () => now } };
    const created = await createCall(deps, admin, aCall({ id: 'im-2027-b' }, now));
    expect(created).toMatchObject({
      version: 1,
      createdAt: now.toISOString(),
      createdBy: 'admin-sub',
      applicationCount: 0,
    });
    await expect(createCall(deps, admin, aCall({ id: 'im-2027-b' }, now))).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('refuses a call breaking the rules, writing nothing', async () => {
    const calls = new InMemoryCallRecords();
    const broken = aCall({ selectionMode: 'competitive', rubric: [] }, now);
    await expect(createCall({ calls, clock: { now: () => now } }, admin, broken)).rejects.toBeInstanceOf(
      RuleViolationError,
    );
    expect(calls.writes).toBe(0);
  });
});
