import { describe, expect, it } from 'vitest';
import { newDraft } from '../../../shared/domain/application.ts';
import type { MalwareScanResults } from '../../../shared/ports/malware-scan-results.ts';
import { tokenGroups } from '../../../shared/use-cases/auth/token-groups.ts';
import { completeDocument } from '../../../shared/use-cases/documents/complete-document.ts';
import { createDocument } from '../../../shared/use-cases/documents/create-document.ts';
import { aCall } from '../../support/calls.ts';
import { InMemoryApplications } from '../../support/in-memory.ts';
import { InMemoryDocumentStore, InMemoryDocuments } from '../../support/in-memory-documents.ts';

const ORG = '5b0c1f0e-2b1d-4a53-9a35-0c6f4f0e1a01';
const APP = '0b6f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const amira = { sub: 'amira' };
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');

/** A scanner whose answer the test sets, recording which objects were asked about. */
class ScriptedScans implements MalwareScanResults {
  status: string | undefined;
  asked: { key: string; versionId?: string }[] = [];
  async statusOf(object: { key: string; versionId?: string }) {
    this.asked.push(object);
    return this.status;
  }
}

async function uploadedPdf() {
  const call = aCall({
    id: 'call-1',
    requiredDocuments: [{ id: 'satzung', label: { de: 'Satzung', en: 'Articles' }, mandatory: true }],
  });
  const applications = new InMemoryApplications();
  const { application } = newDraft({
    id: APP,
    orgId: ORG,
    callId: call.id,
    title: 'Elterncafé',
    actor: 'amira',
    now: new Date('2026-11-25T10:00:00Z'),
  });
  applications.items.set(APP, application);
  const scans = new ScriptedScans();
  const deps = {
    applications,
    calls: { list: async () => [call], get: async (id: string) => (id === call.id ? call : undefined) },
    memberships: { isMember: async (orgId: string, sub: string) => orgId === ORG && sub === 'amira' },
    documents: new InMemoryDocuments(applications),
    store: new InMemoryDocumentStore(),
    scans,
    clock: { now: () => new Date('2026-11-25T11:00:00Z') },
    newId: () => '00000000-0000-4000-8000-000000000001',
  };
  const { document } = await createDocument(deps, amira, {
    applicationId: APP,
    body: { type: 'satzung', fileName: 'Satzung.pdf', contentType: 'application/pdf', size: PDF.length },
  });
  deps.store.objects.set(document.key, PDF);
  const complete = () => completeDocument(deps, amira, { applicationId: APP, documentId: document.id });
  return { deps, scans, document, complete };
}

describe('completing an upload with the malware scan', () => {
  it('leaves a genuine PDF pending while it is not scanned, and verifies it once the scan says clean', async () => {
    const { deps, scans, document, complete } = await uploadedPdf();
    scans.status = undefined;
    expect((await complete()).status).toBe('pending');
    expect((await deps.documents.get(APP, document.id))?.status).toBe('pending');

    scans.status = 'NO_THREATS_FOUND';
    const verified = await complete();
    expect(verified.status).toBe('verified');
    expect(scans.asked.at(-1)?.key).toBe(document.key);
  });

  it('rejects a file with malware and deletes it', async () => {
    const { deps, scans, document, complete } = await uploadedPdf();
    scans.status = 'THREATS_FOUND';
    const rejected = await complete();
    expect(rejected).toMatchObject({ status: 'rejected', rejection: { code: 'malware-found' } });
    expect(deps.store.objects.has(document.key)).toBe(false);
  });

  it('does not ask the scanner about a file that already failed the type check', async () => {
    const { deps, scans, document, complete } = await uploadedPdf();
    deps.store.objects.set(document.key, new TextEncoder().encode(`MZ${'\0'.repeat(PDF.length - 2)}`));
    scans.status = 'NO_THREATS_FOUND';
    expect((await complete()).status).toBe('rejected');
    expect(scans.asked).toEqual([]);
  });
});

describe('tokenGroups (pre-token-generation)', () => {
  it('looks up MFA only for staff, and withholds staff groups without it', async () => {
    const looked: string[] = [];
    const mfa = {
      isEnabled: async ({ username }: { username: string }) => {
        looked.push(username);
        return username === 'rita';
      },
    };
    const ask = (username: string, groups: string[]) =>
      tokenGroups({ mfa }, { userPoolId: 'pool', username, groups });
    expect((await ask('amira', ['applicant'])).groups).toEqual(['applicant']);
    expect(looked).toEqual([]);
    expect((await ask('rita', ['reviewer'])).groups).toEqual(['reviewer']);
    expect(await ask('paul', ['approver'])).toEqual({
      groups: [],
      withheld: ['approver'],
      claimsToAdd: { 'foerderflow:withheld_groups': 'approver' },
    });
    // Nothing withheld, no claim: applicants and staff with TOTP get their token as it is.
    expect((await ask('amira', ['applicant'])).claimsToAdd).toEqual({});
    expect((await ask('rita', ['reviewer', 'admin'])).claimsToAdd).toEqual({});
  });
});
