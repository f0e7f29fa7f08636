import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoApplications } from '../../infra/local/demo-applications.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/local-stack.ts';
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_USERS } from '../../infra/local/seed.ts';
import { api, cognito, signIn } from '../support/local-stack.ts';

interface Summary {
  id: string;
  orgId: string;
  callId: string;
  title: string;
  status: string;
  version: number;
  reference?: string;
}

interface ApplicationBody extends Summary {
  missing: { path: string }[];
  violations: { code: string }[];
  totals: { totalCostsCents: number; requestedGrantCents: number; ownShareBps?: number };
  financePlan?: { requestedGrantCents?: number };
  notificationConsent?: { at: string };
  decision?: { outcome: string; grantedCents?: number; conditions: string[] };
  letters?: { id: string; kind: string; firstRetrievedAt?: string }[];
  notification?: unknown;
}

interface ReviewView {
  access: 'limited' | 'full';
  status?: string;
  assignments?: { role: string; reviewerSub: string; declaration?: { conflict: boolean } }[];
  assessments?: { role: string; reviewerSub: string }[];
  assessmentSummary?: {
    recommendations: { content: string; financial: string };
    recommendedGrantCents: number;
    maxScore: number;
    totalScore: number;
  };
  decision?: { outcome: string; decidedBy: string; grantedCents?: number };
}

const [LEIPZIG, LAUSITZ, SONNENBERG] = DEMO_ORGS;
const ACCOUNTS = {
  amira: 'amira.haddad@example.org',
  jonas: 'jonas.weber@example.org',
  lena: 'lena.krause@example.org',
  petra: 'petra.schulz@example.org',
  tobias: 'tobias.kranz@example.org',
  ines: 'ines.vogel@example.org',
  karin: 'admin@example.org',
} as const;
type Account = keyof typeof ACCOUNTS;

const subOf = (token: string) =>
  (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub: string }).sub;

// What `npm start` shows: a stack of its own, seeded with the demo applications as start.ts asks for
// them, looked at through the API as each demo account sees it.
describe('demo applications (npm start)', () => {
  let own: LocalStack;
  let dataDir: string;
  const logged: string[] = [];
  const tokens = {} as Record<Account, string>;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'foerderflow-demo-'));
    own = await startLocalStack({
      dataDir,
      seed: true,
      demoApplications: true,
      log: (line) => logged.push(line),
    });
    for (const [account, email] of Object.entries(ACCOUNTS))
      tokens[account as Account] = await signIn(email, DEMO_PASSWORD, own);
  });
  afterAll(async () => {
    await own?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = async <T>(account: Account, route: string) => {
    const response = await api<T>('GET', route, { token: tokens[account], on: own });
    expect(response.status, response.text).toBe(200);
    return response.body;
  };
  const listOf = async (account: Account) =>
    (await get<{ items: Summary[] }>(account, '/api/applications')).items;
  const byTitle = async (account: Account, title: string) => {
    const found = (await listOf(account)).find((item) => item.title === title);
    if (!found) throw new Error(`${account} does not see “${title}”`);
    return get<ApplicationBody>(account, `/api/applications/${found.id}`);
  };

  it('logs one line naming what it created, and no failure', () => {
    const lines = logged.filter((line) => line.includes('demo applications'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^demo applications created in \d+\.\d s: /);
    expect(lines[0]).toContain('Lena Krause “Sprachcafé am Lessingplatz” APPROVED IM-');
    // The demo's own requests are not in the log (errors would be).
    expect(logged.some((line) => line.startsWith('POST /api/applications'))).toBe(false);
  });

  it('Lena Krause has a half-filled draft in the competitive strand-B call', async () => {
    const draft = await byTitle('lena', 'Stadtteilmütter auf dem Sonnenberg');
    expect(draft).toMatchObject({ status: 'DRAFT', orgId: SONNENBERG.id });
    expect(draft.callId).toMatch(/^im-\d{4}-b$/);
    expect(draft.reference).toBeUndefined();
    // Costs are planned; financing and declarations are still to do, so it cannot be submitted yet.
    expect(draft.totals.totalCostsCents).toBeGreaterThan(0);
    expect(draft.violations.map((v) => v.code)).toContain('plan-unbalanced');
    expect(draft.missing.map((m) => m.path)).toEqual(
      expect.arrayContaining(['declarations.notStartedYet', 'declarations.subsidyFactsAcknowledged']),
    );
    const documents = await get<{ items: { type: string; status: string }[] }>(
      'lena',
      `/api/applications/${draft.id}/documents`,
    );
    expect(documents.items.map((d) => [d.type, d.status])).toEqual([['satzung', 'verified']]);
  });

  it('Jonas Weber has one application in review, assigned to both demo reviewers who have not declared yet', async () => {
    const items = await listOf('jonas');
    expect(items).toHaveLength(1);
    const [application] = items as [Summary];
    expect(application).toMatchObject({
      orgId: LAUSITZ.id,
      status: 'IN_REVIEW',
      title: 'Deutsch im Betrieb – Sprachpatenschaften im Bautzener Handwerk',
    });
    expect(application.callId).toMatch(/^im-\d{4}-c$/);
    expect(application.reference).toMatch(/^IM-\d{4}-C-\d+$/);

    const roles: string[] = [];
    for (const reviewer of ['petra', 'tobias'] as const) {
      const queue = await get<{ items: { id: string; assignment?: { role: string } }[] }>(
        reviewer,
        '/api/review/applications?assignee=me',
      );
      // Their only open assignment: the two assessed ones are done.
      expect(queue.items.map((item) => item.id)).toEqual([application.id]);
      roles.push(queue.items[0]?.assignment?.role ?? '');
      const view = await get<ReviewView>(reviewer, `/api/review/applications/${application.id}`);
      expect(view.access).toBe('limited');
    }
    expect(roles.sort()).toEqual(['content', 'financial']);
  });

  it('Amira Haddad’s application is ASSESSED by both reviewers, waiting for the approver', async () => {
    const items = await listOf('amira');
    expect(items.map((item) => [item.title, item.status])).toEqual([
      ['Elterncafé International im Leipziger Osten', 'ASSESSED'],
    ]);
    const application = await byTitle('amira', 'Elterncafé International im Leipziger Osten');
    expect(application.orgId).toBe(LEIPZIG.id);
    expect(application.callId).toMatch(/^im-\d{4}-c$/);
    expect(application.notificationConsent?.at).toBeTruthy();
    expect(application.totals.ownShareBps).toBeGreaterThanOrEqual(500);

    const view = await get<ReviewView>('ines', `/api/review/applications/${application.id}`);
    const reviewerSubs = [subOf(tokens.petra), subOf(tokens.tobias)].sort();
    expect(view.status).toBe('ASSESSED');
    expect(view.assignments?.map((a) => a.reviewerSub).sort()).toEqual(reviewerSubs);
    expect(view.assignments?.every((a) => a.declaration?.conflict === false)).toBe(true);
    expect(view.assessments?.map((a) => a.role).sort()).toEqual(['content', 'financial']);
    expect(view.assessments?.map((a) => a.reviewerSub).sort()).toEqual(reviewerSubs);
    expect(view.assessmentSummary).toMatchObject({
      recommendations: { content: 'fund', financial: 'fund' },
      recommendedGrantCents: application.financePlan?.requestedGrantCents,
    });
    expect(view.decision).toBeUndefined();

    const queue = await get<{ items: { id: string }[] }>(
      'ines',
      `/api/review/applications?callId=${application.callId}&status=ASSESSED`,
    );
    expect(queue.items.map((item) => item.id)).toEqual([application.id]);
  });

  it('Lena Krause’s Sprachcafé is APPROVED by Dr. Ines Vogel, its Zuwendungsbescheid issued and not yet retrieved', async () => {
    const application = await byTitle('lena', 'Sprachcafé am Lessingplatz');
    const requested = application.financePlan?.requestedGrantCents;
    expect(application).toMatchObject({ status: 'APPROVED', orgId: SONNENBERG.id });
    expect(application.decision).toMatchObject({ outcome: 'approved', grantedCents: requested });
    expect(application.decision?.conditions).toHaveLength(2);
    expect(application.letters).toEqual([expect.objectContaining({ kind: 'zuwendungsbescheid' })]);
    expect(application.letters?.[0]?.firstRetrievedAt).toBeUndefined();
    expect(application.notification).toBeUndefined();

    const view = await get<ReviewView>('ines', `/api/review/applications/${application.id}`);
    expect(view.decision).toMatchObject({ outcome: 'approved', decidedBy: subOf(tokens.ines) });
    const budget = await get<{ committedCents: number; applicationsByStatus: Record<string, number> }>(
      'karin',
      `/api/admin/calls/${application.callId}/budget`,
    );
    expect(budget.committedCents).toBe(requested);
    expect(budget.applicationsByStatus).toMatchObject({ APPROVED: 1, ASSESSED: 1, IN_REVIEW: 1 });
  });

  it('Lena, also a member in Leipzig, sees her two and Amira’s application; the references follow submission', async () => {
    const items = await listOf('lena');
    expect(items.map((item) => item.status).sort()).toEqual(['APPROVED', 'ASSESSED', 'DRAFT']);
    const references = [...items, ...(await listOf('jonas'))]
      .filter((item) => item.reference)
      .sort((a, b) => (a.reference ?? '').localeCompare(b.reference ?? ''))
      .map((item) => item.status);
    expect(references).toEqual(['APPROVED', 'ASSESSED', 'IN_REVIEW']);
  });

  it('a second run creates nothing new', async () => {
    const before = await Promise.all((['amira', 'jonas', 'lena'] as const).map(listOf));
    const again = await seedDemoApplications({
      apiUrl: own.apiUrl,
      controlUrl: own.controlUrl,
      cognito: { client: cognito(own), userPoolClientId: own.userPoolClientId },
      users: DEMO_USERS,
    });
    expect(again).toMatchObject({ skipped: true });
    const after = await Promise.all((['amira', 'jonas', 'lena'] as const).map(listOf));
    expect(after).toEqual(before);
  });
});
