import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/adapters/dynamodb/keys.ts';
import { aCall } from '../support/calls.ts';
import {
  api,
  documentClient,
  drain,
  givenCall,
  givenCompleteDraft,
  givenOrganisation,
  givenStaff,
  givenUser,
  sentEmails,
  stack,
  type TestUser,
} from '../support/local-stack.ts';

const contentAssessment = {
  role: 'content',
  scores: [{ criterionId: 'konzept', score: 4 }],
  recommendation: 'fund',
  comment: 'Ein solides Angebot für Familien.',
};

const financialAssessment = {
  role: 'financial',
  lines: [
    { section: 'staff', lineId: 'leitung', eligibleCents: 1_152_000 },
    { section: 'material', lineId: 'miete', eligibleCents: 100_000 },
    { section: 'material', lineId: 'lernmaterial', eligibleCents: 30_000 },
    { section: 'fees', lineId: 'sprachmittlung', eligibleCents: 80_000 },
  ],
  recommendedGrantCents: 1_400_000,
  recommendation: 'fund-with-conditions',
  comment: 'Miete gekürzt.',
};

// The shared stack's directory holds other approvers too (seeded, other files): each assertion is
// about the approvers made here and the applications made here.
describe('assessment workflow: approvers are emailed for rolling calls only', () => {
  let applicant: TestUser;
  let contentReviewer: TestUser;
  let financialReviewer: TestUser;
  let approvers: TestUser[];
  let orgId: string;

  beforeAll(async () => {
    [applicant, contentReviewer, financialReviewer, ...approvers] = await Promise.all([
      givenUser(['applicant'], 'decision-due'),
      givenUser(['reviewer'], 'dd-content'),
      givenUser(['reviewer'], 'dd-financial'),
      givenStaff(['approver'], 'Anja Bewilligung'),
      givenStaff(['approver'], 'Bernd Bewilligung'),
    ]);
    orgId = await givenOrganisation([applicant]);
  });

  /** An application of a new call in the given selection mode, assessed by both reviewers; its reference. */
  async function givenAssessed(selectionMode: 'rolling' | 'competitive', title: string) {
    const callId = (
      await givenCall(aCall({ selectionMode, title: { de: `${title} (Aufruf)`, en: `${title} (call)` } }))
    ).id;
    const draft = await givenCompleteDraft(applicant, orgId, callId, title);
    expect(
      (await api('POST', `/api/applications/${draft.id}/submit`, { token: applicant.token })).status,
    ).toBe(202);
    await drain();
    const now = new Date().toISOString();
    for (const [role, reviewer] of [
      ['content', contentReviewer],
      ['financial', financialReviewer],
    ] as const) {
      await documentClient().send(
        new PutCommand({
          TableName: stack().tableName,
          Item: {
            ...keys.assignment(draft.id, role),
            itemType: 'Assignment',
            applicationId: draft.id,
            callId,
            role,
            reviewerSub: reviewer.sub,
            assignedAt: now,
            dueAt: now,
            declaration: { conflict: false, declaredAt: now },
          },
        }),
      );
    }
    for (const [reviewer, body] of [
      [contentReviewer, contentAssessment],
      [financialReviewer, financialAssessment],
    ] as const) {
      const recorded = await api('POST', `/api/review/applications/${draft.id}/assessments`, {
        token: reviewer.token,
        body,
      });
      expect(recorded.status, recorded.text).toBe(201);
    }
    await drain();
    const read = await api<{ status: string; reference: string }>('GET', `/api/applications/${draft.id}`, {
      token: applicant.token,
    });
    expect(read.body.status).toBe('ASSESSED');
    return read.body.reference;
  }

  const decisionMails = async (reference: string) =>
    (await sentEmails()).filter(
      (mail) => mail.subject.startsWith('Entscheidung fällig') && mail.subject.includes(reference),
    );

  it('rolling call: every approver gets one email with the facts of the decision, German then English', async () => {
    const reference = await givenAssessed('rolling', 'Elterncafé Plauen');
    const mails = await decisionMails(reference);
    for (const approver of approvers) {
      const theirs = mails.filter((mail) => mail.destination.to.includes(approver.email));
      expect(theirs, approver.email).toHaveLength(1);
      const text = theirs[0]?.body.text ?? '';
      expect(text).toContain('„Elterncafé Plauen"');
      expect(text).toContain(`Aktenzeichen: ${reference}`);
      expect(text).toContain('„Elterncafé Plauen (Aufruf)"');
      // One criterion of weight 1, scored 4 of 5.
      expect(text).toContain('Gesamtpunktzahl: 4 von 5');
      expect(text).toContain('fachlich fördern, finanziell mit Auflagen fördern');
      expect(text).toContain('Empfohlene Zuwendung: 14.000,00 €');
      expect(text).toContain('Recommended grant: €14,000.00');
      expect(text).toContain('entscheiden');
      expect(text.indexOf('Gesamtpunktzahl')).toBeLessThan(text.indexOf('— English —'));
      expect(text.indexOf('— English —')).toBeLessThan(text.indexOf('Total score: 4 of 5'));
    }
    // The drain ran the workflow to its end: a redelivery would find the claims and send nothing more.
    await drain();
    expect(await decisionMails(reference)).toHaveLength(mails.length);
  });

  it('competitive call: no approver is emailed (the ranking comes after the deadline)', async () => {
    const reference = await givenAssessed('competitive', 'Sprachpaten Zwickau');
    expect(await decisionMails(reference)).toEqual([]);
  });
});
