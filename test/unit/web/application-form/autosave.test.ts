import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApplicationView } from '../../../../shared/api/schemas/application.schema.ts';
import type { DraftContent } from '../../../../shared/api/schemas/draft.schema.ts';
import { applyMergePatch } from '../../../../shared/domain/merge-patch.ts';
import {
  Autosave,
  type AutosaveSnapshot,
  type Request,
} from '../../../../web/src/features/application-form/autosave.ts';
import {
  type DraftFormValues,
  getAt,
  setAt,
  toFormValues,
} from '../../../../web/src/features/application-form/draft-form.ts';
import { aCompleteDraftContent } from '../../../support/drafts.ts';

/** What the portal's API client throws for an error answer (web/src/api.ts). */
class ApiError extends Error {
  readonly status: number;
  readonly problem: Record<string, unknown>;
  constructor(status: number, problem: Record<string, unknown>) {
    super(`HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** A stored application and a fake API that applies patches to it the way the server does. */
function aServer(content: DraftContent) {
  let stored: ApplicationView = {
    ...content,
    id: '2f0c3c3e-7a0e-4f3e-9d1a-0b1c2d3e4f50',
    orgId: '2f0c3c3e-7a0e-4f3e-9d1a-0b1c2d3e4f51',
    callId: 'im-2027-c',
    status: 'DRAFT',
    version: 3,
    createdAt: '2027-01-10T09:00:00+01:00',
    createdBy: 'a',
    updatedAt: '2027-01-10T09:00:00+01:00',
    updatedBy: 'a',
    processing: false,
    totals: {} as ApplicationView['totals'],
    violations: [],
    missing: [],
  };
  const requests: { method: string; body?: unknown; ifMatch?: string }[] = [];
  let failNext: unknown;
  const request: Request = async <T>(method: string, _path: string, options: Parameters<Request>[2] = {}) => {
    requests.push({ method, body: options.body, ifMatch: options.headers?.['if-match'] });
    if (failNext) {
      const error = failNext;
      failNext = undefined;
      throw error;
    }
    if (method === 'PATCH') {
      if (options.headers?.['if-match'] !== `"${stored.version}"`) {
        throw new ApiError(412, { currentVersion: stored.version });
      }
      stored = {
        ...(applyMergePatch(stored, options.body) as ApplicationView),
        version: stored.version + 1,
        updatedAt: '2027-01-10T14:03:00+01:00',
      };
    }
    return { body: structuredClone(stored) as T };
  };
  return {
    request,
    requests,
    get stored() {
      return stored;
    },
    /** Another member saves a change. */
    otherSaves(change: Partial<DraftContent>) {
      stored = { ...stored, ...change, version: stored.version + 1 };
    },
    failNextWith(error: unknown) {
      failNext = error;
    },
  };
}

function aForm(server: ReturnType<typeof aServer>) {
  let values: DraftFormValues = toFormValues(server.stored, 'de');
  const snapshots: AutosaveSnapshot[] = [];
  const autosave = new Autosave({
    initial: server.stored,
    getValues: () => values,
    setUnit: (unit, value) => {
      values = setAt(values, unit, value) as DraftFormValues;
    },
    setServerErrors: () => {},
    formatLanguage: () => 'de',
    request: server.request,
    onChange: (snapshot) => snapshots.push(snapshot),
  });
  return {
    autosave,
    snapshots,
    get values() {
      return values;
    },
    type(path: string, value: unknown) {
      values = setAt(values, path, value) as DraftFormValues;
      autosave.changed();
    },
  };
}

const complete = (): DraftContent => ({ title: 'Sprachcafé', ...aCompleteDraftContent() }) as DraftContent;

describe('autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves a second after typing stops, only what changed, against the version it edited', async () => {
    const server = aServer(complete());
    const form = aForm(server);
    form.type('summary', 'Erste Fassung');
    await vi.advanceTimersByTimeAsync(500);
    form.type('summary', 'Zweite Fassung');
    await vi.advanceTimersByTimeAsync(999);
    expect(server.requests).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toEqual([
      { method: 'PATCH', body: { summary: 'Zweite Fassung' }, ifMatch: '"3"' },
    ]);
    expect(form.snapshots.map((s) => s.state.kind)).toEqual(['saving', 'saved']);
    expect(form.autosave.snapshot.version).toBe(4);
    expect(form.autosave.hasUnsavedInput()).toBe(false);

    // The next change goes against the new version.
    form.type('financePlan.ownContributionCents', '900,00');
    await form.autosave.flush();
    expect(server.requests[1]).toEqual({
      method: 'PATCH',
      body: { financePlan: { ownContributionCents: 90_000 } },
      ifMatch: '"4"',
    });
  });

  it('holds back a half-typed line and keeps it in the form', async () => {
    const server = aServer(complete());
    const form = aForm(server);
    form.type('financePlan.fees.1', { id: 'neu', description: 'Dolmetschen', amountCents: '' });
    form.type('title', 'Sprachcafé Grünau');
    await form.autosave.flush();
    expect(server.requests.map((r) => r.body)).toEqual([{ title: 'Sprachcafé Grünau' }]);
    expect(server.stored.financePlan?.fees).toHaveLength(1);
    expect(form.autosave.hasUnsavedInput()).toBe(true);

    form.type('financePlan.fees.1.amountCents', '250,00');
    await form.autosave.flush();
    expect(server.stored.financePlan?.fees?.[1]).toEqual({
      id: 'neu',
      description: 'Dolmetschen',
      amountCents: 25_000,
    });
    expect(form.autosave.hasUnsavedInput()).toBe(false);
  });

  it('keeps the input after a failure and tries again later', async () => {
    const server = aServer(complete());
    const form = aForm(server);
    server.failNextWith(new TypeError('Failed to fetch'));
    form.type('summary', 'Offline getippt');
    await form.autosave.flush();
    expect(form.autosave.snapshot.state).toEqual({ kind: 'failed', seconds: 5 });
    expect(form.values.summary).toBe('Offline getippt');
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.stored.summary).toBe('Offline getippt');
    expect(form.autosave.snapshot.state.kind).toBe('saved');
  });

  it('keeps the input when the sign-in is cancelled, and saves when asked again', async () => {
    const server = aServer(complete());
    const form = aForm(server);
    server.failNextWith(new ApiError(401, { title: 'sign-in was cancelled' }));
    form.type('summary', 'Vor dem Anmelden');
    await form.autosave.flush();
    expect(form.autosave.snapshot.state.kind).toBe('signed-out');
    await form.autosave.flush();
    expect(server.stored.summary).toBe('Vor dem Anmelden');
  });

  it('after a 412 takes what only the other changed, keeps mine, and lets me choose where both did', async () => {
    const server = aServer(complete());
    const form = aForm(server);
    server.otherSaves({ summary: 'Fassung der Kollegin', region: 'dresden' });
    form.type('summary', 'Meine Fassung');
    form.type('title', 'Mein Titel');
    await form.autosave.flush();

    const conflict = form.autosave.snapshot.conflict;
    expect(conflict?.units).toEqual(['summary']);
    expect(conflict?.taken).toEqual(['region']);
    // Mine is still in the form; theirs came in where I had not changed anything.
    expect(form.values.summary).toBe('Meine Fassung');
    expect(form.values.region).toBe('dresden');
    expect(getAt(conflict?.theirsValues, 'summary')).toBe('Fassung der Kollegin');
    // Nothing is saved while the person has not chosen.
    form.type('title', 'Mein Titel, neu');
    await form.autosave.flush();
    expect(server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);

    await form.autosave.resolve({ summary: 'mine' });
    const last = server.requests.at(-1);
    expect(last).toEqual({
      method: 'PATCH',
      body: { title: 'Mein Titel, neu', summary: 'Meine Fassung' },
      ifMatch: '"4"',
    });
    expect(server.stored).toMatchObject({
      title: 'Mein Titel, neu',
      summary: 'Meine Fassung',
      region: 'dresden',
    });
  });

  it('takes the saved version where the person chooses it', async () => {
    const server = aServer(complete());
    const form = aForm(server);
    server.otherSaves({ summary: 'Fassung der Kollegin' });
    form.type('summary', 'Meine Fassung');
    await form.autosave.flush();
    await form.autosave.resolve({ summary: 'theirs' });
    expect(form.values.summary).toBe('Fassung der Kollegin');
    expect(server.stored.summary).toBe('Fassung der Kollegin');
    expect(form.autosave.hasUnsavedInput()).toBe(false);
  });

  it('merges without asking when the changes do not overlap', async () => {
    const server = aServer(complete());
    const form = aForm(server);
    server.otherSaves({ region: 'dresden' });
    form.type('summary', 'Meine Fassung');
    await form.autosave.flush();
    expect(form.autosave.snapshot.conflict).toBeUndefined();
    expect(form.autosave.snapshot.merged).toEqual(['region']);
    expect(server.stored).toMatchObject({ summary: 'Meine Fassung', region: 'dresden' });
    expect(server.requests.at(-1)?.ifMatch).toBe('"4"');
  });
});
