import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanScanStandIn } from '../../../shared/adapters/malware-scan-results.ts';
import type { NewDocumentBody } from '../../../shared/api/schemas/document.schema.ts';
import { newDraft } from '../../../shared/domain/application.ts';
import { MAX_DOCUMENTS_PER_APPLICATION } from '../../../shared/domain/document-upload.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../../../shared/domain/errors.ts';
import { completeDocument } from '../../../shared/use-cases/documents/complete-document.ts';
import { createDocument } from '../../../shared/use-cases/documents/create-document.ts';
import { deleteDocument } from '../../../shared/use-cases/documents/delete-document.ts';
import { listDocuments } from '../../../shared/use-cases/documents/list-documents.ts';
import { aCall } from '../../support/calls.ts';
import { InMemoryApplications } from '../../support/in-memory.ts';
import { InMemoryDocumentStore, InMemoryDocuments } from '../../support/in-memory-documents.ts';

const ORG = '5b0c1f0e-2b1d-4a53-9a35-0c6f4f0e1a01';
const APP = '0b6f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const amira = { sub: 'amira' };
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const EXE = new TextEncoder().encode(`MZ${'\0'.repeat(PDF.length - 2)}`);

function world() {
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
  let n = 0;
  let now = new Date('2026-11-25T11:00:00Z').getTime();
  const deps = {
    applications,
    calls: { list: async () => [call], get: async (id: string) => (id === call.id ? call : undefined) },
    memberships: { isMember: async (orgId: string, sub: string) => orgId === ORG && sub === 'amira' },
    documents: new InMemoryDocuments(applications),
    store: new InMemoryDocumentStore(),
    scans: cleanScanStandIn,
    // Each reading a second later, so upload order is well defined.
    clock: {
      now: () => {
        now += 1000;
        return new Date(now);
      },
    },
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
  const submit = () => {
    const current = applications.items.get(APP);
    if (current) applications.items.set(APP, { ...current, status: 'SUBMITTED' });
  };
  return { deps, submit };
}

type Deps = ReturnType<typeof world>['deps'];

const body = (overrides: Partial<NewDocumentBody> = {}): NewDocumentBody => ({
  type: 'satzung',
  fileName: 'Satzung.pdf',
  contentType: 'application/pdf',
  size: PDF.length,
  ...overrides,
});

/** Announces a document and "uploads" these bytes under its key, as the browser would. */
async function uploaded(deps: Deps, bytes: Uint8Array, overrides: Partial<NewDocumentBody> = {}) {
  const { document } = await createDocument(deps, amira, { applicationId: APP, body: body(overrides) });
  deps.store.objects.set(document.key, bytes);
  return document;
}

const complete = (deps: Deps, documentId: string) =>
  completeDocument(deps, amira, { applicationId: APP, documentId });

afterEach(() => vi.restoreAllMocks());

describe('createDocument', () => {
  it('stores a pending document under a key of ids and returns a form for exactly that key', async () => {
    const { deps } = world();
    const created = await createDocument(deps, amira, {
      applicationId: APP,
      body: body({ fileName: '../../etc/passwd' }),
    });
    expect(created.document).toMatchObject({
      status: 'pending',
      fileName: 'passwd.pdf',
      key: `applications/${APP}/${created.document.id}`,
    });
    expect(created.upload.fields).toMatchObject({
      key: created.document.key,
      'Content-Type': 'application/pdf',
    });
    expect(created.upload.expiresAt).toBe('2026-11-25T11:15:01.000Z');
    expect(await deps.documents.listByApplication(APP)).toEqual([created.document]);
  });

  it('refuses a type the call does not ask for (422 on `type`)', async () => {
    const { deps } = world();
    const error = await createDocument(deps, amira, {
      applicationId: APP,
      body: body({ type: 'lebenslauf' }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).violations.map((v) => v.path)).toEqual(['type']);
  });

  it('refuses non-members as if the application did not exist', async () => {
    const { deps } = world();
    await expect(
      createDocument(deps, { sub: 'mallory' }, { applicationId: APP, body: body() }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses one document more than the limit with 409 naming the limit', async () => {
    const { deps } = world();
    for (let i = 0; i < MAX_DOCUMENTS_PER_APPLICATION; i++) {
      await createDocument(deps, amira, { applicationId: APP, body: body({ type: 'other' }) });
    }
    const error = await createDocument(deps, amira, { applicationId: APP, body: body() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).extensions).toEqual({ limit: MAX_DOCUMENTS_PER_APPLICATION });
  });

  it('answers 409 when the application is submitted between the check and the write', async () => {
    const { deps, submit } = world();
    const get = deps.calls.get;
    // The call is read after the status check and before the write: submit right then.
    deps.calls.get = async (id) => {
      submit();
      return get(id);
    };
    const error = await createDocument(deps, amira, { applicationId: APP, body: body() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).extensions).toEqual({ currentStatus: 'SUBMITTED' });
    expect(deps.documents.items.size).toBe(0);
  });
});

describe('completeDocument', () => {
  it('verifies a real PDF, records the checked object, and answers the same when called again', async () => {
    const { deps } = world();
    const document = await uploaded(deps, PDF);

    const verified = await complete(deps, document.id);
    expect(verified).toMatchObject({
      status: 'verified',
      verifiedAt: '2026-11-25T11:00:02.000Z',
      checkedObject: { etag: `"${PDF.length}"` },
    });

    const readsBefore = deps.store.reads;
    expect(await complete(deps, document.id)).toEqual(verified);
    expect(deps.store.reads).toBe(readsBefore);
  });

  it('rejects a renamed program, deletes it, and keeps the reason', async () => {
    const { deps } = world();
    const document = await uploaded(deps, EXE);

    const rejected = await complete(deps, document.id);
    expect(rejected.status).toBe('rejected');
    expect(rejected.rejection?.code).toBe('type-disguised');
    expect(rejected.rejection?.reason.de).toContain('Die Datei ist kein PDF, obwohl sie so heißt.');
    expect(deps.store.objects.has(document.key)).toBe(false);
    expect(await complete(deps, document.id)).toEqual(rejected);
  });

  it('lets two completions racing each other agree: the second answers the first verdict', async () => {
    const { deps } = world();
    const document = await uploaded(deps, PDF);

    const [first, second] = await Promise.all([complete(deps, document.id), complete(deps, document.id)]);
    expect(second).toEqual(first);
    expect(await deps.documents.get(APP, document.id)).toEqual(first);
  });

  it('replaces the earlier file of the same type once the new one is verified', async () => {
    const { deps } = world();
    const old = await uploaded(deps, PDF);
    await complete(deps, old.id);
    const replacement = await uploaded(deps, PDF, { fileName: 'Satzung neu.pdf' });

    await complete(deps, replacement.id);
    const documents = await listDocuments(deps, amira, APP);
    expect(documents.map((d) => [d.fileName, d.status])).toEqual([['Satzung neu.pdf', 'verified']]);
    expect(deps.store.objects.has(old.key)).toBe(false);
    expect(deps.store.objects.has(replacement.key)).toBe(true);
  });

  it('keeps the verified file while its replacement is rejected', async () => {
    const { deps } = world();
    const old = await uploaded(deps, PDF);
    await complete(deps, old.id);
    const replacement = await uploaded(deps, EXE);

    await complete(deps, replacement.id);
    const documents = await listDocuments(deps, amira, APP);
    expect(documents.map((d) => [d.id, d.status])).toEqual([
      [old.id, 'verified'],
      [replacement.id, 'rejected'],
    ]);
  });

  it('leaves exactly one verified file when two of the same type are completed at once', async () => {
    const { deps } = world();
    const a = await uploaded(deps, PDF);
    const b = await uploaded(deps, PDF);

    await Promise.all([complete(deps, a.id), complete(deps, b.id)]);
    const documents = await listDocuments(deps, amira, APP);
    expect(documents).toHaveLength(1);
    expect(documents[0]?.status).toBe('verified');
  });

  it('refuses to decide a pending document of a submitted application (409), but still shows a decided one', async () => {
    const { deps, submit } = world();
    const decided = await uploaded(deps, PDF);
    await complete(deps, decided.id);
    const pending = await uploaded(deps, PDF, { type: 'other' });
    submit();

    await expect(complete(deps, pending.id)).rejects.toBeInstanceOf(ConflictError);
    expect((await complete(deps, decided.id)).status).toBe('verified');
  });

  it('stands by its verdict when deleting an object fails, and logs the orphan', async () => {
    const { deps } = world();
    const document = await uploaded(deps, EXE);
    deps.store.failingDeletes.add(document.key);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    expect((await complete(deps, document.id)).status).toBe('rejected');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(document.key));
  });
});

describe('deleteDocument', () => {
  it('removes the item and the object; a second delete finds nothing', async () => {
    const { deps } = world();
    const document = await uploaded(deps, PDF);

    await deleteDocument(deps, amira, { applicationId: APP, documentId: document.id });
    expect(await deps.documents.listByApplication(APP)).toEqual([]);
    expect(deps.store.objects.has(document.key)).toBe(false);
    await expect(
      deleteDocument(deps, amira, { applicationId: APP, documentId: document.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps the documents of a submitted application (409)', async () => {
    const { deps, submit } = world();
    const document = await uploaded(deps, PDF);
    submit();
    await expect(
      deleteDocument(deps, amira, { applicationId: APP, documentId: document.id }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(deps.store.objects.has(document.key)).toBe(true);
  });
});
