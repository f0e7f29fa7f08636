import { beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationProfile } from '../../../shared/api/schemas/organisation.schema.ts';
import type { Application } from '../../../shared/domain/application.ts';
import type { ApplicationDocument } from '../../../shared/domain/document.ts';
import { nachforderungDueAt } from '../../../shared/domain/intake.ts';
import { type LetterFonts, loadLetterFonts } from '../../../shared/letters/fonts.ts';
import type { ClaimResult } from '../../../shared/ports/email-claims.ts';
import type { OutgoingEmail } from '../../../shared/ports/mailer.ts';
import { checkCompleteness } from '../../../shared/use-cases/intake/check-completeness.ts';
import { renderSubmittedCopy } from '../../../shared/use-cases/intake/render-submitted-copy.ts';
import { sendReceipt } from '../../../shared/use-cases/intake/send-receipt.ts';
import type { WorkflowInput } from '../../../shared/workflows/workflow-input.ts';
import { aDocument, aSubmittedApplication } from '../../support/applications.ts';
import { aCall } from '../../support/calls.ts';
import { InMemoryApplications } from '../../support/in-memory.ts';
import { anOrganisationProfile } from '../../support/organisations.ts';
import { pdfText } from '../../support/pdf-text.ts';

const SUBMITTED_AT = '2027-03-12T09:15:00.000Z';
/** The call closes a week after the submission (and opened well before it). */
const call = aCall(
  {
    id: 'call-1',
    closesAt: '2027-03-19T23:59:59+01:00',
    requiredDocuments: [
      { id: 'satzung', label: { de: 'Satzung', en: 'Articles of association' }, mandatory: true },
    ],
  },
  new Date('2027-03-01T00:00:00Z'),
);

function inputFor(application: Application): WorkflowInput {
  return {
    applicationId: application.id,
    workflow: 'intake',
    pendingSince: application.pendingSince as string,
    status: application.status,
    version: application.version,
  };
}

function world(
  options: {
    application?: Partial<Application>;
    organisation?: OrganisationProfile | undefined;
    documents?: ApplicationDocument[];
    now?: string;
  } = {},
) {
  const application = aSubmittedApplication({
    submittedAt: SUBMITTED_AT,
    pendingSince: SUBMITTED_AT,
    ...options.application,
  });
  const applications = new InMemoryApplications();
  applications.items.set(application.id, structuredClone(application));
  const copies = new Map<string, Uint8Array>();
  const claims = new Map<string, { sentAt?: string }>();
  const sent: OutgoingEmail[] = [];
  const reports: string[] = [];
  const deps = {
    applications,
    calls: { get: async (id: string) => (id === call.id ? call : undefined) },
    organisations: {
      get: async () => ('organisation' in options ? options.organisation : anOrganisationProfile()),
    },
    documents: {
      listByApplication: async () => options.documents ?? [aDocument({ applicationId: application.id })],
    },
    copies: {
      put: async (id: string, round: string, pdf: Uint8Array) => void copies.set(`${id}/${round}`, pdf),
      get: async (id: string, round: string) => copies.get(`${id}/${round}`),
    },
    claims: {
      claim: async (key: {
        applicationId: string;
        eventKey: string;
        template: string;
      }): Promise<ClaimResult> => {
        const id = `${key.applicationId}#${key.eventKey}#${key.template}`;
        const existing = claims.get(id);
        if (existing) return existing.sentAt ? 'already-sent' : 'claimed-not-sent';
        claims.set(id, {});
        return 'claimed';
      },
      recordSent: async (
        key: { applicationId: string; eventKey: string; template: string },
        _id: string,
        at: string,
      ) => void claims.set(`${key.applicationId}#${key.eventKey}#${key.template}`, { sentAt: at }),
    },
    mailer: {
      send: async (email: OutgoingEmail) => {
        sent.push(email);
        return `msg-${sent.length}`;
      },
    },
    clock: { now: () => new Date(options.now ?? '2027-03-12T09:15:02.000Z') },
    report: (message: string) => void reports.push(message),
    fonts: loadLetterFonts,
  };
  return { application, deps, copies, claims, sent, reports, input: inputFor(application) };
}

describe('the Nachforderung due date', () => {
  it('is the end of the 14th day after the request, Berlin time', () => {
    expect(nachforderungDueAt(new Date('2027-03-12T09:15:00Z'))).toBe('2027-03-26T23:59:59+01:00');
  });
  it('counts from the Berlin calendar day, which starts an hour or two before UTC’s', () => {
    // 00:30 on 13 March in Berlin
    expect(nachforderungDueAt(new Date('2027-03-12T23:30:00Z'))).toBe('2027-03-27T23:59:59+01:00');
  });
  it('takes summer time when the due day lies after the switch', () => {
    expect(nachforderungDueAt(new Date('2027-03-20T10:00:00Z'))).toBe('2027-04-03T23:59:59+02:00');
  });
});

describe('CheckCompleteness (Vollständigkeitsprüfung)', () => {
  it('sends a complete application to review, recorded as the system', async () => {
    const { deps, input, application } = world();
    expect(await checkCompleteness(deps, input)).toEqual({ outcome: 'complete', missing: 0 });
    const stored = deps.applications.items.get(application.id) as Application;
    expect(stored).toMatchObject({
      status: 'IN_REVIEW',
      version: application.version + 1,
      updatedBy: 'system',
    });
    expect(stored.nachforderung).toBeUndefined();
    expect(stored.pendingWork).toBe('intake'); // the last task clears it
    expect(deps.applications.events.at(-1)).toMatchObject({
      type: 'REVIEW_STARTED',
      actor: 'system',
      from: 'SUBMITTED',
      to: 'IN_REVIEW',
    });
  });

  it('asks for every missing item with a due date when the profile and a document fell short after submit', async () => {
    const { deps, input, application } = world({
      organisation: anOrganisationProfile({ representative: { function: 'Vorsitzende' } }),
      documents: [aDocument({ status: 'pending' })],
    });
    expect(await checkCompleteness(deps, input)).toEqual({ outcome: 'incomplete', missing: 2 });
    const stored = deps.applications.items.get(application.id) as Application;
    expect(stored.status).toBe('INCOMPLETE');
    expect(stored.nachforderung).toEqual({
      requestedAt: '2027-03-12T09:15:02.000Z',
      requestedBy: 'system',
      dueAt: '2027-03-26T23:59:59+01:00',
      items: [
        expect.objectContaining({ path: 'organisation.representative.name', code: 'missing' }),
        expect.objectContaining({ path: 'documents.satzung', code: 'document-unverified' }),
      ],
    });
    expect(stored.nachforderung?.items[1]?.message.de).toContain('Satzung');
    expect(deps.applications.events.at(-1)).toMatchObject({
      type: 'DOCUMENTS_REQUESTED',
      actor: 'system',
      to: 'INCOMPLETE',
      reason: 'organisation.representative.name, documents.satzung',
    });
  });

  it('judges the deadline at the submission: a complete application handed in on time stays on time', async () => {
    const { deps, input, application } = world({ now: '2027-03-25T08:00:00Z' }); // the call closed on the 19th
    expect(await checkCompleteness(deps, input)).toEqual({ outcome: 'complete', missing: 0 });
    expect(deps.applications.items.get(application.id)?.status).toBe('IN_REVIEW');
  });

  it('finds a submission after the deadline late all the same', async () => {
    const late = '2027-03-20T09:00:00.000Z';
    const { deps, input } = world({ application: { submittedAt: late, pendingSince: late } });
    expect(await checkCompleteness(deps, input)).toEqual({ outcome: 'incomplete', missing: 1 });
    const stored = [...deps.applications.items.values()][0] as Application;
    expect(stored.nachforderung?.items.map((item) => item.code)).toEqual(['call-closed']);
  });

  it('keeps the earlier due date when a supplement is still incomplete: handing in again does not extend it', async () => {
    const supplementedAt = '2027-03-22T10:00:00.000Z';
    const { deps, input, application } = world({
      application: {
        supplementedAt,
        pendingSince: supplementedAt,
        nachforderung: {
          requestedAt: SUBMITTED_AT,
          requestedBy: 'system',
          dueAt: '2027-03-26T23:59:59+01:00',
          items: [{ path: 'documents.satzung', code: 'document-missing', message: { de: 'x', en: 'x' } }],
        },
      },
      documents: [],
      now: '2027-03-22T10:00:03.000Z', // after the call closed: a supplement is judged by its due date
    });
    expect(await checkCompleteness(deps, input)).toEqual({ outcome: 'incomplete', missing: 1 });
    const stored = deps.applications.items.get(application.id) as Application;
    expect(stored.nachforderung).toMatchObject({
      requestedAt: '2027-03-22T10:00:03.000Z',
      dueAt: '2027-03-26T23:59:59+01:00',
      items: [expect.objectContaining({ path: 'documents.satzung', code: 'document-missing' })],
    });
  });

  it('changes nothing when this round was decided before (a rerun after a crash)', async () => {
    const { deps, input, application } = world();
    await checkCompleteness(deps, input);
    const events = deps.applications.events.length;
    expect(await checkCompleteness(deps, input)).toEqual({ outcome: 'complete', missing: 0 });
    expect(deps.applications.events).toHaveLength(events);
    expect(deps.applications.items.get(application.id)?.version).toBe(application.version + 1);
  });

  it('has nothing to do once the round is finished or superseded', async () => {
    const { deps, input } = world({
      application: { pendingWork: 'withdrawal', pendingSince: '2027-03-12T10:00:00Z' },
    });
    await expect(checkCompleteness(deps, input)).rejects.toMatchObject({ name: 'StaleWorkError' });
  });
});

describe('RenderSubmittedCopy and SendReceipt', () => {
  let fonts: LetterFonts;
  beforeAll(async () => {
    fonts = await loadLetterFonts();
  });

  it('stores the copy of the round, then mails it with the receipt, German first, once', async () => {
    const { deps, input, copies, sent, application } = world();
    deps.fonts = async () => fonts;
    expect(await renderSubmittedCopy(deps, input)).toMatchObject({ copy: 'stored' });
    expect([...copies.keys()]).toEqual([`${application.id}/${SUBMITTED_AT}`]);
    await checkCompleteness(deps, input);
    expect(await sendReceipt(deps, input)).toEqual({ receipt: 'sent' });
    expect(await sendReceipt(deps, input)).toEqual({ receipt: 'already-sent' });

    expect(sent).toHaveLength(1);
    const [email] = sent as [OutgoingEmail];
    expect(email.to).toBe('amira@example.org');
    expect(email.subject).toBe(
      'Eingangsbestätigung IM-2027-C-000042: Sprachcafé für Familien / Receipt of your application',
    );
    expect(email.text.indexOf('Aktenzeichen: IM-2027-C-000042')).toBeLessThan(
      email.text.indexOf('— English —'),
    );
    expect(email.text).toContain('- Satzung-2024.pdf (Satzung, 178 KB)');
    expect(email.text).toContain('- Satzung-2024.pdf (Articles of association, 178 KB)');
    expect(email.text).toContain('Ihr Antrag ist vollständig');
    expect(email.text).toContain('Your application is complete');
    expect(email.attachments).toHaveLength(1);
    const attachment = email.attachments?.[0];
    expect(attachment).toMatchObject({
      fileName: 'Antrag-IM-2027-C-000042.pdf',
      contentType: 'application/pdf',
    });
    expect((await pdfText(attachment?.content as Uint8Array)).text).toContain('IM-2027-C-000042');
  });

  it('tells what is missing and until when in the same email when the check asked for more', async () => {
    const { deps, input, sent } = world({ documents: [] });
    deps.fonts = async () => fonts;
    await renderSubmittedCopy(deps, input);
    await checkCompleteness(deps, input);
    await sendReceipt(deps, input);
    const [email] = sent as [OutgoingEmail];
    expect(email.subject).toBe(
      'Eingangsbestätigung und Nachforderung IM-2027-C-000042: Sprachcafé für Familien / Receipt and request for missing items',
    );
    expect(email.text).toContain('- Es fehlt: Satzung.');
    expect(email.text).toContain('- Missing: Articles of association.');
    expect(email.text).toContain('spätestens bis Freitag, 26. März 2027, 23:59 Uhr');
    expect(email.text).toContain('by Friday, 26 March 2027, 23:59 (Berlin time) at the latest');
    expect(email.text).toContain('- keine');
  });

  it('claims nothing while the copy is missing, so a retry can still send the receipt', async () => {
    const { deps, input, claims, sent } = world();
    await checkCompleteness(deps, input);
    await expect(sendReceipt(deps, input)).rejects.toThrow(/no copy/);
    expect(claims.size).toBe(0);
    expect(sent).toHaveLength(0);
  });

  it('does not render again once the round moved on: an INCOMPLETE application may be edited meanwhile', async () => {
    const { deps, input, copies } = world({ documents: [] });
    await checkCompleteness(deps, input);
    expect(await renderSubmittedCopy(deps, input)).toEqual({ copy: 'stored-before' });
    expect(copies.size).toBe(0);
  });

  it('reports a claim without a recorded send instead of sending again', async () => {
    const { deps, input, claims, sent, reports, application } = world();
    deps.fonts = async () => fonts;
    await renderSubmittedCopy(deps, input);
    await checkCompleteness(deps, input);
    claims.set(`${application.id}#submitted:${SUBMITTED_AT}#receipt`, {});
    expect(await sendReceipt(deps, input)).toEqual({ receipt: 'claimed-not-sent' });
    expect(sent).toHaveLength(0);
    expect(reports[0]).toContain('claimed but no send is recorded');
  });
});
