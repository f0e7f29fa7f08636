import { beforeAll, describe, expect, it } from 'vitest';
import { aCall } from '../support/calls.ts';
import {
  api,
  drain,
  givenCall,
  givenCompleteDraft,
  givenOrganisation,
  givenUser,
  sentEmails,
  stack,
  type TestUser,
} from '../support/local-stack.ts';

interface ApplicationBody {
  id: string;
  status: string;
  version: number;
  reference?: string;
  processing: boolean;
  contactEmail?: string;
}

const receiptsFor = async (email: string) =>
  (await sentEmails()).filter(
    (mail) => mail.destination.to.includes(email) && mail.subject.startsWith('Eingangsbestätigung'),
  );

describe('submit → stream → intake workflow → Aktenzeichen and receipt email', () => {
  let member: TestUser;
  let orgId: string;
  let callId: string;
  const prefix = `IM-${2030 + Math.floor(Math.random() * 60)}-${'ABCDEF'[Math.floor(Math.random() * 6)]}`;

  beforeAll(async () => {
    member = await givenUser(['applicant'], 'intake');
    orgId = await givenOrganisation([member]);
    // A call of its own, so the reference numbers of this file start at 1.
    callId = (
      await givenCall(
        aCall({ referencePrefix: prefix, title: { de: 'Kleinprojekte Test', en: 'Small projects test' } }),
      )
    ).id;
  });

  it('moves the draft to SUBMITTED at once, then allocates the Aktenzeichen and sends the receipt', async () => {
    const draft = await givenCompleteDraft(member, orgId, callId, 'Sprachcafé Plauen');

    const submitted = await api<ApplicationBody>('POST', `/api/applications/${draft.id}/submit`, {
      token: member.token,
    });
    expect(submitted.status).toBe(202);
    expect(submitted.body).toMatchObject({
      status: 'SUBMITTED',
      version: draft.version + 1,
      processing: true,
      contactEmail: member.email,
    });
    expect(submitted.body.reference).toBeUndefined();

    await drain();

    const read = await api<ApplicationBody>('GET', `/api/applications/${draft.id}`, { token: member.token });
    // The completeness check found nothing missing: on to review.
    expect(read.body).toMatchObject({ status: 'IN_REVIEW', processing: false });
    expect(read.body.reference).toMatch(new RegExp(`^${prefix}-\\d{6}$`));
    const receipts = await receiptsFor(member.email);
    const receipt = receipts.find((mail) => mail.subject.includes(read.body.reference as string));
    expect(receipt?.subject).toBe(
      `Eingangsbestätigung ${read.body.reference}: Sprachcafé Plauen / Receipt of your application`,
    );
    expect(receipt?.body.text).toContain('Wie es weitergeht');
    expect(receipt?.body.text).toContain('Kleinprojekte Test');
  });

  it('sends nothing more and allocates nothing new when the same stream records are delivered again', async () => {
    const draft = await givenCompleteDraft(member, orgId, callId, 'Nachbarschaftsgarten');
    await api('POST', `/api/applications/${draft.id}/submit`, { token: member.token });
    await drain();
    const before = await api<ApplicationBody>('GET', `/api/applications/${draft.id}`, {
      token: member.token,
    });
    const mailsBefore = (await receiptsFor(member.email)).filter((m) =>
      m.subject.includes(before.body.reference as string),
    );
    expect(mailsBefore).toHaveLength(1);

    const redelivery = await fetch(`${stack().controlUrl}/stream/redeliver`, {
      method: 'POST',
      body: JSON.stringify({ applicationId: draft.id }),
    });
    expect(redelivery.status).toBe(200);
    expect(((await redelivery.json()) as { redelivered: number }).redelivered).toBeGreaterThanOrEqual(1);
    await drain();

    const after = await api<ApplicationBody>('GET', `/api/applications/${draft.id}`, { token: member.token });
    expect(after.body.reference).toBe(before.body.reference);
    expect(after.body.version).toBe(before.body.version);
    const mailsAfter = (await receiptsFor(member.email)).filter((m) =>
      m.subject.includes(before.body.reference as string),
    );
    expect(mailsAfter).toHaveLength(1);
  });

  it('gives concurrent submissions distinct reference numbers without gaps', async () => {
    const drafts = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        givenCompleteDraft(member, orgId, callId, `Parallelprojekt ${i + 1}`),
      ),
    );
    const answers = await Promise.all(
      drafts.map((d) => api('POST', `/api/applications/${d.id}/submit`, { token: member.token })),
    );
    expect(answers.map((a) => a.status)).toEqual(drafts.map(() => 202));
    await drain();

    const references = await Promise.all(
      drafts.map(
        async (d) =>
          (await api<ApplicationBody>('GET', `/api/applications/${d.id}`, { token: member.token })).body
            .reference,
      ),
    );
    const numbers = references.map((r) => Number(r?.slice(-6))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(6);
    expect((numbers.at(-1) ?? Number.NaN) - (numbers[0] ?? Number.NaN)).toBe(5);
  });

  it('refuses to submit the same application twice', async () => {
    const draft = await givenCompleteDraft(member, orgId, callId, 'Doppelt eingereicht');
    const first = await api('POST', `/api/applications/${draft.id}/submit`, { token: member.token });
    const second = await api<{ currentStatus?: string }>('POST', `/api/applications/${draft.id}/submit`, {
      token: member.token,
    });
    expect(first.status).toBe(202);
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toBe('application/problem+json');
    expect(second.body.currentStatus).toBe('SUBMITTED');
    await drain();
  });
});
