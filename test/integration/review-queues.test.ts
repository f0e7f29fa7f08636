import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { berlinDate, berlinTimestamp } from '../../shared/domain/berlin-time.ts';
import { aCall } from '../support/calls.ts';
import {
  api,
  documentClient,
  givenCall,
  givenOrganisation,
  givenUser,
  stack,
  type TestUser,
} from '../support/local-stack.ts';
import { anOrganisationProfile } from '../support/organisations.ts';
import { anApplicationItem, anAssignmentItem, parseCsv, writeItems } from '../support/review-queue.ts';

interface Line {
  id: string;
  title: string;
  status: string;
  submittedAt?: string;
  organisationName?: string;
  reference?: string;
  dueAt?: string;
  assignment?: { role: string; dueAt: string };
  [field: string]: unknown;
}
interface Page {
  items: Line[];
  nextCursor?: string;
}

const DAY = 86_400_000;
const at = (minutes: number) => new Date(Date.UTC(2027, 0, 10, 8, 0) + minutes * 60_000).toISOString();
const dueIn = (days: number) => berlinTimestamp(berlinDate(new Date(Date.now() + days * DAY)), '23:59:59');

describe('work queues', () => {
  let reviewer: TestUser;
  let otherReviewer: TestUser;
  let approver: TestUser;
  let applicant: TestUser;
  let callId: string;
  let otherCallId: string;
  /** The call's applications by title; the working ones in queue order (oldest submission first). */
  const ids: Record<string, string> = {};
  const idOf = (title: string) => {
    const id = ids[title];
    if (!id) throw new Error(`no application ${title}`);
    return id;
  };
  const workingOrder = ['B', 'A', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'];

  beforeAll(async () => {
    [reviewer, otherReviewer, approver, applicant] = await Promise.all([
      givenUser(['reviewer'], 'queue-reviewer'),
      givenUser(['reviewer'], 'queue-other'),
      givenUser(['approver'], 'queue-approver'),
      givenUser(['applicant'], 'queue-applicant'),
    ]);
    const orgId = await givenOrganisation(
      [applicant],
      undefined,
      anOrganisationProfile({ legalName: 'Bürgerverein Görlitz-Weinhübel e.V.' }),
    );
    callId = (await givenCall(aCall())).id;
    otherCallId = (await givenCall(aCall())).id;
    // Twelve working applications over four statuses, interleaved in time, plus some the default
    // queue leaves out (approved, withdrawn, a draft) and one of another call.
    const working: [string, string, number][] = [
      ['A', 'IN_REVIEW', 2],
      ['B', 'SUBMITTED', 1],
      ['C', 'INCOMPLETE', 3],
      ['D', 'ASSESSED', 4],
      ['E', 'SUBMITTED', 5],
      ['F', 'IN_REVIEW', 6],
      ['G', 'IN_REVIEW', 7],
      ['H', 'ASSESSED', 8],
      ['I', 'SUBMITTED', 9],
      ['J', 'INCOMPLETE', 10],
      ['K', 'IN_REVIEW', 11],
      ['L', 'SUBMITTED', 12],
    ];
    const items = working.map(([title, status, minute], index) =>
      anApplicationItem({
        callId,
        orgId,
        status: status as 'SUBMITTED',
        submittedAt: at(minute),
        title,
        reference: `IM-2027-C-${String(index + 1).padStart(6, '0')}`,
        ...(status === 'INCOMPLETE' ? { nachforderungDueAt: dueIn(14) } : {}),
      }),
    );
    items.push(
      anApplicationItem({ callId, orgId, status: 'APPROVED', submittedAt: at(0), title: 'Approved' }),
      anApplicationItem({ callId, orgId, status: 'WITHDRAWN', submittedAt: at(0), title: 'Withdrawn' }),
      anApplicationItem({ callId, orgId, status: 'DRAFT', submittedAt: at(0), title: 'Draft' }),
      anApplicationItem({
        callId: otherCallId,
        orgId,
        status: 'SUBMITTED',
        submittedAt: at(0),
        title: 'Other',
      }),
    );
    for (const item of items) ids[item.title as string] = item.id as string;
    await writeItems(documentClient(), stack().tableName, items);
  });

  const list = (user: TestUser, query: string) =>
    api<Page>('GET', `/api/review/applications?${query}`, { token: user.token });

  it('lists the working statuses of a call, the oldest submission first, with organisation and no content', async () => {
    const response = await list(reviewer, `callId=${callId}&limit=100`);

    expect(response.status).toBe(200);
    expect(response.body.items.map((line) => line.title)).toEqual(workingOrder);
    expect(response.body.nextCursor).toBeUndefined();
    const first = response.body.items[0];
    expect(first).toMatchObject({
      id: ids.B,
      status: 'SUBMITTED',
      callId,
      submittedAt: at(1),
      organisationName: 'Bürgerverein Görlitz-Weinhübel e.V.',
      reference: expect.stringMatching(/^IM-2027-C-/),
    });
    expect(first).not.toHaveProperty('summary');
    const incomplete = response.body.items.find((line) => line.title === 'C');
    expect(incomplete?.dueAt).toBe(dueIn(14));
  });

  it('filters by status, and the approver sees the same lists', async () => {
    const approved = await list(approver, `callId=${callId}&status=APPROVED`);
    expect(approved.status).toBe(200);
    expect(approved.body.items.map((line) => line.title)).toEqual(['Approved']);
    const inReview = await list(reviewer, `callId=${callId}&status=IN_REVIEW`);
    expect(inReview.body.items.map((line) => line.title)).toEqual(['A', 'F', 'G', 'K']);
  });

  it('walks every page with the cursor: each line once, in queue order', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const response = await list(
        reviewer,
        `callId=${callId}&limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(response.status).toBe(200);
      sizes.push(response.body.items.length);
      seen.push(...response.body.items.map((line) => line.title));
      cursor = response.body.nextCursor;
    } while (cursor);

    expect(seen).toEqual(workingOrder);
    expect(sizes).toEqual([5, 5, 2]);
  });

  it('refuses a tampered or foreign cursor with 422, never a 500', async () => {
    const first = await list(reviewer, `callId=${callId}&limit=3`);
    const cursor = first.body.nextCursor as string;
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const tampered = [
      'not a cursor!',
      Buffer.from('{"v":1').toString('base64url'),
      encode({ ...decoded, callId: otherCallId }),
      encode({ ...decoded, after: { APPROVED: decoded.after.SUBMITTED } }),
      encode({ ...decoded, after: { SUBMITTED: 'CALL#x#STATUS#APPROVED' } }),
      encode({ ...decoded, kind: 'assignments' }),
      encode({ pk: 'ORG#x', sk: 'PROFILE' }),
    ];
    for (const bad of tampered) {
      const response = await list(reviewer, `callId=${callId}&limit=3&cursor=${encodeURIComponent(bad)}`);
      expect(response.status, bad).toBe(422);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.body).toMatchObject({
        errors: [expect.objectContaining({ path: 'cursor', in: 'query' })],
      });
    }
    // The same cursor with the other call's filter belongs to other filters.
    const foreign = await list(reviewer, `callId=${otherCallId}&limit=3&cursor=${cursor}`);
    expect(foreign.status).toBe(422);
    // With other statuses too.
    const otherStatus = await list(reviewer, `callId=${callId}&status=APPROVED&cursor=${cursor}`);
    expect(otherStatus.status).toBe(422);
  });

  it('refuses filters that do not combine or are out of range with 422', async () => {
    for (const query of [
      '',
      `callId=${callId}&status=DRAFT`,
      `callId=${callId}&status=UNKNOWN`,
      `callId=${callId}&limit=0`,
      `callId=${callId}&limit=101`,
      `callId=${callId}&limit=abc`,
      `callId=${callId}&dueSoon=7`,
      'assignee=me&status=IN_REVIEW',
      'assignee=someone',
      'callId=NOT_A_CALL',
    ]) {
      const response = await list(reviewer, query);
      expect(response.status, query).toBe(422);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  describe('assigned to me', () => {
    beforeAll(async () => {
      await writeItems(documentClient(), stack().tableName, [
        anAssignmentItem({
          applicationId: idOf('K'),
          callId,
          role: 'content',
          reviewerSub: reviewer.sub,
          dueAt: dueIn(3),
        }),
        anAssignmentItem({
          applicationId: idOf('A'),
          callId,
          role: 'financial',
          reviewerSub: reviewer.sub,
          dueAt: dueIn(20),
        }),
        anAssignmentItem({
          applicationId: idOf('F'),
          callId,
          role: 'content',
          reviewerSub: reviewer.sub,
          dueAt: dueIn(-2),
        }),
        anAssignmentItem({
          applicationId: idOf('Other'),
          callId: otherCallId,
          role: 'content',
          reviewerSub: reviewer.sub,
          dueAt: dueIn(10),
        }),
        // Someone else's: never in my queue.
        anAssignmentItem({
          applicationId: idOf('G'),
          callId,
          role: 'content',
          reviewerSub: otherReviewer.sub,
          dueAt: dueIn(1),
        }),
        anAssignmentItem({
          applicationId: idOf('A'),
          callId,
          role: 'content',
          reviewerSub: otherReviewer.sub,
          dueAt: dueIn(2),
        }),
      ]);
    });

    it('lists my open assignments, the earliest due first (overdue on top), with my role', async () => {
      const response = await list(reviewer, 'assignee=me');

      expect(response.status).toBe(200);
      expect(response.body.items.map((line) => line.title)).toEqual(['F', 'K', 'Other', 'A']);
      expect(response.body.items[3]).toMatchObject({
        id: ids.A,
        status: 'IN_REVIEW',
        organisationName: 'Bürgerverein Görlitz-Weinhübel e.V.',
        dueAt: dueIn(20),
        assignment: { role: 'financial', dueAt: dueIn(20) },
      });
      const other = await list(otherReviewer, 'assignee=me');
      expect(other.body.items.map((line) => line.title)).toEqual(['G', 'A']);
    });

    it('narrows to what is due within n days, and to one call', async () => {
      const dueSoon = await list(reviewer, 'assignee=me&dueSoon=7');
      expect(dueSoon.body.items.map((line) => line.title)).toEqual(['F', 'K']);
      const today = await list(reviewer, 'assignee=me&dueSoon=0');
      expect(today.body.items.map((line) => line.title)).toEqual(['F']);
      const ofCall = await list(reviewer, `assignee=me&callId=${callId}`);
      expect(ofCall.body.items.map((line) => line.title)).toEqual(['F', 'K', 'A']);
    });

    it('pages my queue with the cursor; a cursor cannot open another reviewer’s queue', async () => {
      const first = await list(reviewer, 'assignee=me&limit=2');
      expect(first.body.items.map((line) => line.title)).toEqual(['F', 'K']);
      const cursor = first.body.nextCursor as string;
      const second = await list(reviewer, `assignee=me&limit=2&cursor=${cursor}`);
      expect(second.body.items.map((line) => line.title)).toEqual(['Other', 'A']);
      // The partition comes from the caller, not the cursor: the other reviewer only ever sees theirs.
      const borrowed = await list(otherReviewer, `assignee=me&limit=2&cursor=${cursor}`);
      expect(borrowed.status).toBe(200);
      for (const line of borrowed.body.items) expect(['G', 'A']).toContain(line.title);
      expect(borrowed.body.items.some((line) => line.assignment?.role === 'financial')).toBe(false);
      // A cursor of the due-soon range whose position lies beyond the range is refused.
      const beyond = await list(reviewer, `assignee=me&dueSoon=0&cursor=${second.body.nextCursor ?? cursor}`);
      expect(beyond.status).toBe(422);
    });
  });

  it('counts the call’s applications per status', async () => {
    const response = await api<{ callId: string; counts: Record<string, number> }>(
      'GET',
      `/api/review/calls/${callId}/counts`,
      { token: approver.token },
    );

    expect(response.status).toBe(200);
    expect(response.body.counts).toEqual({
      SUBMITTED: 4,
      INCOMPLETE: 2,
      CLOSED_INCOMPLETE: 0,
      IN_REVIEW: 4,
      ASSESSED: 2,
      WAITLISTED: 0,
      APPROVED: 1,
      REJECTED: 0,
      NOTIFIED: 0,
      APPEALED: 0,
      FINAL: 0,
      WITHDRAWN: 1,
    });
  });

  it('refuses applicants on every queue route', async () => {
    for (const path of [
      `/api/review/applications?callId=${callId}`,
      `/api/review/applications/export.csv?callId=${callId}`,
      `/api/review/calls/${callId}/counts`,
    ]) {
      const response = await api('GET', path, { token: applicant.token });
      expect(response.status, path).toBe(403);
    }
  });

  describe('CSV export', () => {
    let tricky: Record<string, string>;

    beforeAll(async () => {
      const orgId = await givenOrganisation(
        [applicant],
        undefined,
        anOrganisationProfile({ legalName: '@Verein "Miteinander", Zittau e.V.' }),
      );
      const exportCall = (await givenCall(aCall())).id;
      const items = [
        anApplicationItem({
          callId: exportCall,
          orgId,
          status: 'SUBMITTED',
          submittedAt: at(1),
          title: '=HYPERLINK("http://x")',
        }),
        anApplicationItem({
          callId: exportCall,
          orgId,
          status: 'IN_REVIEW',
          submittedAt: at(2),
          title: 'Sprachcafé für Geflüchtete, "Begegnung" & mehr',
        }),
        anApplicationItem({
          callId: exportCall,
          orgId,
          status: 'ASSESSED',
          submittedAt: at(3),
          title: '-1+2',
        }),
      ];
      await writeItems(documentClient(), stack().tableName, items);
      tricky = { callId: exportCall };
    });

    const exportCsv = (query: string, headers: Record<string, string> = {}) =>
      api('GET', `/api/review/applications/export.csv?${query}`, { token: reviewer.token, headers });

    it('exports every line of the filtered list as UTF-8 CSV with BOM, German headers and guarded formulas', async () => {
      const response = await exportCsv(`callId=${tricky.callId}`);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="antraege-${tricky.callId}-${berlinDate(new Date())}.csv"`,
      );
      // fetch's text() drops the BOM; the raw bytes keep it.
      const raw = await fetch(
        `${stack().apiUrl}/api/review/applications/export.csv?callId=${tricky.callId}`,
        {
          headers: { authorization: `Bearer ${reviewer.token}` },
        },
      );
      const bytes = new Uint8Array(await raw.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1));
      expect(rows[0]).toEqual([
        'Aktenzeichen',
        'Titel',
        'Organisation',
        'Aufruf',
        'Status',
        'Eingereicht am',
        'Fällig am',
        'Meine Rolle',
        'Antrags-ID',
      ]);
      expect(rows.slice(1).map((row) => [row[1], row[2], row[4]])).toEqual([
        [`'=HYPERLINK("http://x")`, `'@Verein "Miteinander", Zittau e.V.`, 'SUBMITTED'],
        [
          'Sprachcafé für Geflüchtete, "Begegnung" & mehr',
          `'@Verein "Miteinander", Zittau e.V.`,
          'IN_REVIEW',
        ],
        [`'-1+2`, `'@Verein "Miteinander", Zittau e.V.`, 'ASSESSED'],
      ]);
      // RFC 4180 quoting in the text itself: the comma and the quotes are inside one quoted field.
      expect(bytes.length).toBeGreaterThan(0);
      expect(new TextDecoder().decode(bytes)).toContain('"Sprachcafé für Geflüchtete, ""Begegnung"" & mehr"');
      expect(new TextDecoder().decode(bytes)).toContain('\r\n');
    });

    it('writes English headers with lang=en and semicolons on request', async () => {
      const response = await exportCsv(
        `callId=${tricky.callId}&lang=en&separator=semicolon&status=IN_REVIEW`,
      );
      const rows = parseCsv(response.text.replace(/^\uFEFF/, ''), ';');
      expect(rows[0]?.slice(0, 3)).toEqual(['Reference', 'Title', 'Organisation']);
      expect(rows).toHaveLength(2);
      expect(rows[1]?.[1]).toBe('Sprachcafé für Geflüchtete, "Begegnung" & mehr');
    });

    it('exports my assignments and the whole queue across pages', async () => {
      const mine = await exportCsv('assignee=me');
      expect(mine.status).toBe(200);
      expect(mine.headers.get('content-disposition')).toContain('antraege-zuweisungen-');
      expect(
        parseCsv(mine.text.replace(/^\uFEFF/, ''))
          .slice(1)
          .map((row) => row[7]),
      ).toEqual(['content', 'content', 'content', 'financial']);
      const all = await exportCsv(`callId=${callId}`);
      expect(
        parseCsv(all.text.replace(/^\uFEFF/, ''))
          .slice(1)
          .map((row) => row[1]),
      ).toEqual(workingOrder);
      expect(all.headers.get('x-export-truncated')).toBeNull();
      const refused = await exportCsv('status=SUBMITTED');
      expect(refused.status).toBe(422);
    });
  });

  it('keeps ids unguessable through the queue: an unknown call is an empty list', async () => {
    const response = await list(reviewer, `callId=no-such-call-${randomUUID().slice(0, 6)}`);
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([]);
  });
});
