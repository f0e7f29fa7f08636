import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/local-stack.ts';
import { aCall } from '../support/calls.ts';
import {
  api,
  drain,
  givenCall,
  givenCompleteDraft,
  givenOrganisation,
  givenUser,
  sentEmails,
  type TestUser,
} from '../support/local-stack.ts';

// This file stops the workflows and moves the clock, so it runs a stack of its own: other files keep
// theirs undisturbed.
describe('workflows survive a crash of the runner; time is movable', () => {
  let own: LocalStack;
  let dataDir: string;
  let member: TestUser;
  let orgId: string;
  let callId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'foerderflow-recovery-'));
    own = await startLocalStack({ dataDir });
    member = await givenUser(['applicant'], 'recovery', own);
    orgId = await givenOrganisation([member], own);
    callId = (await givenCall(aCall({ referencePrefix: 'IM-2027-D' }), own)).id;
  });
  afterAll(async () => {
    await own?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const read = async (id: string) =>
    (
      await api<{ reference?: string; processing: boolean }>('GET', `/api/applications/${id}`, {
        token: member.token,
        on: own,
      })
    ).body;

  it('completes the intake exactly once after the runner is killed mid-workflow and started again', async () => {
    // Given a runner that will stop dead after allocating the reference, before the receipt is sent
    await own.stopWorkflows();
    await own.startWorkflows({ holdAfterState: 'AllocateReference' });
    const draft = await givenCompleteDraft(member, orgId, callId, 'Mentoring für Azubis', own);

    // When the application is submitted and the runner dies mid-workflow
    expect(
      (await api('POST', `/api/applications/${draft.id}/submit`, { token: member.token, on: own })).status,
    ).toBe(202);
    let reference: string | undefined;
    for (let i = 0; i < 200 && !reference; i++) {
      reference = (await read(draft.id)).reference;
      if (!reference) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(reference).toMatch(/^IM-2027-D-\d{6}$/);
    await own.stopWorkflows();
    expect((await sentEmails(own)).filter((m) => m.subject.includes(reference as string))).toHaveLength(0);
    expect((await read(draft.id)).processing).toBe(true);

    // Then a new runner, reading the stream from its checkpoint on disk, finishes the work once
    await own.startWorkflows();
    await drain(own);
    const after = await read(draft.id);
    expect(after.reference).toBe(reference);
    expect(after.processing).toBe(false);
    expect((await sentEmails(own)).filter((m) => m.subject.includes(reference as string))).toHaveLength(1);
  });

  it('refuses to submit after the deadline once the clock has moved past it', async () => {
    const call = await givenCall(
      aCall({ closesAt: new Date(Date.now() + 2 * 86_400_000).toISOString() }),
      own,
    );
    const draft = await givenCompleteDraft(member, orgId, call.id, 'Kurz vor Schluss', own);
    const moved = await fetch(`${own.controlUrl}/clock`, {
      method: 'PUT',
      body: JSON.stringify({ offsetMs: 3 * 86_400_000 }),
    });
    expect(moved.status).toBe(200);
    try {
      const late = await api<{ errors: { code: string }[] }>('POST', `/api/applications/${draft.id}/submit`, {
        token: member.token,
        on: own,
      });
      expect(late.status).toBe(422);
      expect(late.body.errors[0]?.code).toBe('call-closed');
    } finally {
      await fetch(`${own.controlUrl}/clock`, { method: 'PUT', body: JSON.stringify({ offsetMs: 0 }) });
    }
    const inTime = await api('POST', `/api/applications/${draft.id}/submit`, {
      token: member.token,
      on: own,
    });
    expect(inTime.status).toBe(202);
    await drain(own);
  });
});
