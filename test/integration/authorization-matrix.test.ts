import { beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../shared/api/contract.ts';
import { aCall } from '../support/calls.ts';
import { givenDecidedApplication } from '../support/decisions.ts';
import { givenVerifiedDocument } from '../support/documents.ts';
import {
  api,
  drain,
  givenCall,
  givenCompleteDraft,
  givenOrganisation,
  givenStaff,
  givenUser,
  type TestUser,
} from '../support/local-stack.ts';
import { anOrganisationProfile } from '../support/organisations.ts';

/**
 * Route × caller → expected status, as one table that generates the tests. Every operation of the
 * contract must have a row (checked below), so each new route decides who may call it.
 * 401 comes from the gateway's JWT authorizer, 403 from the handler's group check, 404 hides objects
 * of other organisations, 422 refuses a body that names something the caller may not use.
 */
const CALLERS = ['anonymous', 'member', 'otherOrgMember', 'reviewer', 'approver', 'admin'] as const;
type CallerKind = (typeof CALLERS)[number];

interface World {
  orgId: string;
  callId: string;
  draftId: string;
  /** A complete draft made for each case (a submit or a save changes what the next caller would see). */
  submittableDraftId: string;
  submittableDraftVersion: number;
  /** An open invitation to the member's address, from another organisation. */
  invitationId: string;
  /** A document of draftId never uploaded: completing it answers its (rejected) verdict. */
  documentId: string;
  /** A document of draftId that the member's delete removes (callers after the member find none). */
  deletableDocumentId: string;
  /** A submitted application through the intake (in review; the matrix's reviewer is not assigned to it). */
  submittedId: string;
  /** A verified document of submittedId, uploaded before it was submitted. */
  submittedDocumentId: string;
  /** The matrix's reviewer: a fresh user, not in the staff directory, so never assigned. */
  reviewerSub: string;
  /** A decided application of the member's organisation whose Bescheid the decision workflow issued. */
  letterApplicationId: string;
  letterId: string;
  /** A decided application whose letter the member has retrieved (NOTIFIED: the objection period runs). */
  notifiedId: string;
  /** A competitive call past its deadline with no applications: its ranking is empty, its batch has nothing to decide. */
  closedCompetitiveCallId: string;
  /** A member of the staff directory (an approver, so no open assignments) whose entry admins read and change. */
  staffSub: string;
}

interface Row {
  request: (world: World) => {
    method: string;
    path: string;
    body?: unknown;
    headers?: Record<string, string>;
  };
  expected: Record<CallerKind, number>;
}

const matrix: Record<string, Row> = {
  listCalls: {
    request: () => ({ method: 'GET', path: '/api/calls' }),
    expected: { anonymous: 200, member: 200, otherOrgMember: 200, reviewer: 200, approver: 200, admin: 200 },
  },
  getCall: {
    request: ({ callId }) => ({ method: 'GET', path: `/api/calls/${callId}` }),
    expected: { anonymous: 200, member: 200, otherOrgMember: 200, reviewer: 200, approver: 200, admin: 200 },
  },
  createCall: {
    // aCall() makes a fresh id on each request, so the admin's 201 is not a duplicate of anything.
    request: () => ({ method: 'POST', path: '/api/admin/calls', body: aCall() }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 403, approver: 403, admin: 201 },
  },
  updateCall: {
    // Only the admin's request reaches the call, so version 1 is current for it. The call has drafts
    // by then, so the change is one that stays allowed: the display title.
    request: ({ callId }) => ({
      method: 'PATCH',
      path: `/api/admin/calls/${callId}`,
      headers: { 'if-match': '"1"' },
      body: { title: { de: 'Matrix-Aufruf', en: 'Matrix call' } },
    }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 403, approver: 403, admin: 200 },
  },
  listAdminCalls: {
    request: () => ({ method: 'GET', path: '/api/admin/calls' }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 403, approver: 403, admin: 200 },
  },
  getAdminCall: {
    request: ({ callId }) => ({ method: 'GET', path: `/api/admin/calls/${callId}` }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 403, approver: 403, admin: 200 },
  },
  getOpenApi: {
    request: () => ({ method: 'GET', path: '/api/openapi.json' }),
    expected: { anonymous: 200, member: 200, otherOrgMember: 200, reviewer: 200, approver: 200, admin: 200 },
  },
  createDraft: {
    request: ({ orgId, callId }) => ({
      method: 'POST',
      path: '/api/applications',
      body: { orgId, callId, title: 'Matrix-Entwurf' },
    }),
    expected: { anonymous: 401, member: 201, otherOrgMember: 422, reviewer: 403, approver: 403, admin: 403 },
  },
  submitApplication: {
    // A fresh draft for each caller: a successful submit changes the state the next caller would see.
    request: ({ submittableDraftId }) => ({
      method: 'POST',
      path: `/api/applications/${submittableDraftId}/submit`,
    }),
    expected: { anonymous: 401, member: 202, otherOrgMember: 404, reviewer: 403, approver: 403, admin: 403 },
  },
  listMyApplications: {
    request: () => ({ method: 'GET', path: '/api/applications' }),
    expected: { anonymous: 401, member: 200, otherOrgMember: 200, reviewer: 403, approver: 403, admin: 403 },
  },
  updateDraft: {
    // A fresh draft (version 1) for each caller, so a successful save cannot make the next one stale.
    request: ({ submittableDraftId, submittableDraftVersion }) => ({
      method: 'PATCH',
      path: `/api/applications/${submittableDraftId}`,
      headers: { 'if-match': `"${submittableDraftVersion}"` },
      body: { summary: 'Ein Sprachcafé für Neuzugewanderte.' },
    }),
    expected: { anonymous: 401, member: 200, otherOrgMember: 404, reviewer: 403, approver: 403, admin: 403 },
  },
  withdrawApplication: {
    request: ({ submittableDraftId }) => ({
      method: 'POST',
      path: `/api/applications/${submittableDraftId}/withdraw`,
      body: { reason: 'Das Projekt wird anders finanziert.' },
    }),
    expected: { anonymous: 401, member: 200, otherOrgMember: 404, reviewer: 403, approver: 403, admin: 403 },
  },
  getTimeline: {
    // Members and the back office that sees the application in full: the approver; the matrix's
    // reviewer is not assigned to it (404, as for anything they may not see).
    request: ({ submittedId }) => ({ method: 'GET', path: `/api/applications/${submittedId}/timeline` }),
    expected: { anonymous: 401, member: 200, otherOrgMember: 404, reviewer: 404, approver: 200, admin: 403 },
  },
  listDocuments: {
    request: ({ draftId }) => ({ method: 'GET', path: `/api/applications/${draftId}/documents` }),
    expected: { anonymous: 401, member: 200, otherOrgMember: 404, reviewer: 403, approver: 403, admin: 403 },
  },
  createDocument: {
    request: ({ submittableDraftId }) => ({
      method: 'POST',
      path: `/api/applications/${submittableDraftId}/documents`,
      body: { type: 'other', fileName: 'Matrix.pdf', contentType: 'application/pdf', size: 10 },
    }),
    expected: { anonymous: 401, member: 201, otherOrgMember: 404, reviewer: 403, approver: 403, admin: 403 },
  },
  completeDocument: {
    request: ({ draftId, documentId }) => ({
      method: 'POST',
      path: `/api/applications/${draftId}/documents/${documentId}/complete`,
    }),
    expected: { anonymous: 401, member: 200, otherOrgMember: 404, reviewer: 403, approver: 403, admin: 403 },
  },
  deleteDocument: {
    request: ({ draftId, deletableDocumentId }) => ({
      method: 'DELETE',
      path: `/api/applications/${draftId}/documents/${deletableDocumentId}`,
    }),
    expected: { anonymous: 401, member: 204, otherOrgMember: 404, reviewer: 403, approver: 403, admin: 403 },
  },
  getDocumentLink: {
    // Members, and the back office that sees the application in full (the approver); the matrix's
    // reviewer is not assigned to it (404).
    request: ({ submittedId, submittedDocumentId }) => ({
      method: 'GET',
      path: `/api/applications/${submittedId}/documents/${submittedDocumentId}`,
    }),
    expected: { anonymous: 401, member: 200, otherOrgMember: 404, reviewer: 404, approver: 200, admin: 403 },
  },
  recordAssessment: {
    // The matrix's reviewer is assigned to nothing: foreign applications do not exist for them.
    request: ({ draftId }) => ({
      method: 'POST',
      path: `/api/review/applications/${draftId}/assessments`,
      body: {
        role: 'content',
        scores: [{ criterionId: 'konzept', score: 4 }],
        recommendation: 'fund',
        comment: 'Ein überzeugendes Konzept.',
      },
    }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 404, approver: 403, admin: 403 },
  },
  getApplication: {
    request: ({ draftId }) => ({ method: 'GET', path: `/api/applications/${draftId}` }),
    expected: { anonymous: 401, member: 200, otherOrgMember: 404, reviewer: 403, approver: 403, admin: 403 },
  },
  listOrganisations: {
    request: () => ({ method: 'GET', path: '/api/organisations' }),
    expected: { anonymous: 401, member: 200, otherOrgMember: 200, reviewer: 403, approver: 403, admin: 403 },
  },
  createOrganisation: {
    request: () => ({ method: 'POST', path: '/api/organisations', body: anOrganisationProfile() }),
    expected: { anonymous: 401, member: 201, otherOrgMember: 201, reviewer: 403, approver: 403, admin: 403 },
  },
  getOrganisation: {
    request: ({ orgId }) => ({ method: 'GET', path: `/api/organisations/${orgId}` }),
    expected: { anonymous: 401, member: 200, otherOrgMember: 404, reviewer: 403, approver: 403, admin: 403 },
  },
  updateOrganisation: {
    // Only the member's request reaches the profile, so version 1 is current for it.
    request: ({ orgId }) => ({
      method: 'PUT',
      path: `/api/organisations/${orgId}`,
      headers: { 'if-match': '"1"' },
      body: anOrganisationProfile({ legalName: 'Matrix e.V.' }),
    }),
    expected: { anonymous: 401, member: 200, otherOrgMember: 404, reviewer: 403, approver: 403, admin: 403 },
  },
  listMembers: {
    request: ({ orgId }) => ({ method: 'GET', path: `/api/organisations/${orgId}/members` }),
    expected: { anonymous: 401, member: 200, otherOrgMember: 404, reviewer: 403, approver: 403, admin: 403 },
  },
  inviteMember: {
    request: ({ orgId }) => ({
      method: 'POST',
      path: `/api/organisations/${orgId}/members`,
      body: { email: 'matrix-eingeladen@example.org' },
    }),
    expected: { anonymous: 401, member: 201, otherOrgMember: 404, reviewer: 403, approver: 403, admin: 403 },
  },
  listInvitations: {
    request: () => ({ method: 'GET', path: '/api/invitations' }),
    expected: { anonymous: 401, member: 200, otherOrgMember: 200, reviewer: 403, approver: 403, admin: 403 },
  },
  listReviewQueue: {
    request: ({ callId }) => ({ method: 'GET', path: `/api/review/applications?callId=${callId}` }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 200, approver: 200, admin: 403 },
  },
  exportReviewQueue: {
    request: ({ callId }) => ({
      method: 'GET',
      path: `/api/review/applications/export.csv?callId=${callId}`,
    }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 200, approver: 200, admin: 403 },
  },
  countReviewQueue: {
    request: ({ callId }) => ({ method: 'GET', path: `/api/review/calls/${callId}/counts` }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 200, approver: 200, admin: 403 },
  },
  getReviewApplication: {
    // The reviewer is not assigned to it: 404, as for any application they may not see.
    request: ({ submittedId }) => ({ method: 'GET', path: `/api/review/applications/${submittedId}` }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 404, approver: 200, admin: 403 },
  },
  declareConflict: {
    request: ({ submittedId }) => ({
      method: 'POST',
      path: `/api/review/applications/${submittedId}/conflict-declaration`,
      body: { conflict: false },
    }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 404, approver: 403, admin: 403 },
  },
  requestMissingDocuments: {
    // The matrix's reviewer is not assigned to it: 404, and nothing changes for the next caller.
    request: ({ submittedId }) => ({
      method: 'POST',
      path: `/api/review/applications/${submittedId}/missing-documents`,
      body: {
        items: [{ text: 'Bitte reichen Sie den Kooperationsvertrag nach.' }],
        dueDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
      },
    }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 404, approver: 403, admin: 403 },
  },
  reassignReviewer: {
    // The admin names someone who is not a reviewer in the staff directory: 422, nothing changes.
    request: ({ submittedId, reviewerSub }) => ({
      method: 'POST',
      path: `/api/admin/applications/${submittedId}/reassign`,
      body: { role: 'content', reviewerSub },
    }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 403, approver: 403, admin: 422 },
  },
  decideApplication: {
    // The approver reaches the decision, which refuses it: the application is still in review (409).
    request: ({ submittedId }) => ({
      method: 'POST',
      path: `/api/review/applications/${submittedId}/decision`,
      body: { outcome: 'rejected', reasons: 'Das Vorhaben passt nicht zu den Zielen des Aufrufs.' },
    }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 403, approver: 409, admin: 403 },
  },
  getCallBudget: {
    // Approvers too: the decision form shows the remaining budget before an approval.
    request: ({ callId }) => ({ method: 'GET', path: `/api/admin/calls/${callId}/budget` }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 403, approver: 200, admin: 200 },
  },
  getRanking: {
    request: ({ closedCompetitiveCallId }) => ({
      method: 'GET',
      path: `/api/review/calls/${closedCompetitiveCallId}/ranking`,
    }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 403, approver: 200, admin: 403 },
  },
  decideBatch: {
    // Nothing in the call is assessed: the approver gets through to the call's state (409), nothing changes.
    request: ({ closedCompetitiveCallId, draftId }) => ({
      method: 'POST',
      path: `/api/review/calls/${closedCompetitiveCallId}/decisions`,
      body: { decisions: [{ applicationId: draftId, outcome: 'rejected', reasonCode: 'lack-of-funds' }] },
    }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 403, approver: 409, admin: 403 },
  },
  getLetter: {
    // The member's first retrieval notifies it; the back office reads it too. The reviewer is not assigned.
    request: ({ letterApplicationId, letterId }) => ({
      method: 'GET',
      path: `/api/applications/${letterApplicationId}/letters/${letterId}`,
    }),
    expected: { anonymous: 401, member: 200, otherOrgMember: 404, reviewer: 404, approver: 200, admin: 200 },
  },
  lodgeObjection: {
    request: ({ notifiedId }) => ({
      method: 'POST',
      path: `/api/applications/${notifiedId}/objection`,
      body: { reason: 'Die Kürzung der Honorarkosten ist nicht begründet.' },
    }),
    expected: { anonymous: 401, member: 200, otherOrgMember: 404, reviewer: 403, approver: 403, admin: 403 },
  },
  decideObjection: {
    // No objection is pending on it (decided, at most notified): the approver reaches the rule (409).
    request: ({ letterApplicationId }) => ({
      method: 'POST',
      path: `/api/review/applications/${letterApplicationId}/objection-decision`,
      body: { outcome: 'dismissed', reasons: 'Die Kürzung folgt den Förderrichtlinien, Nr. 5.3.' },
    }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 403, approver: 409, admin: 403 },
  },
  listStaff: {
    request: () => ({ method: 'GET', path: '/api/admin/staff' }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 403, approver: 403, admin: 200 },
  },
  createStaff: {
    // A fresh address on each request, so the admin's 201 is a new account, not a duplicate.
    request: () => ({
      method: 'POST',
      path: '/api/admin/staff',
      body: {
        email: `matrix-neu-${Math.random().toString(36).slice(2, 10)}@example.org`,
        name: 'Matrix Neu',
        groups: ['reviewer'],
      },
    }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 403, approver: 403, admin: 201 },
  },
  updateStaff: {
    // The roles it has already: the admin's 200 changes nothing another caller would see.
    request: ({ staffSub }) => ({
      method: 'PATCH',
      path: `/api/admin/staff/${staffSub}`,
      body: { groups: ['approver'] },
    }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 403, approver: 403, admin: 200 },
  },
  listStaffAssignments: {
    request: ({ staffSub }) => ({ method: 'GET', path: `/api/admin/staff/${staffSub}/assignments` }),
    expected: { anonymous: 401, member: 403, otherOrgMember: 403, reviewer: 403, approver: 403, admin: 200 },
  },
  acceptInvitation: {
    // Addressed to the member: anyone else signed in finds no such invitation.
    request: ({ invitationId }) => ({ method: 'POST', path: `/api/invitations/${invitationId}/accept` }),
    expected: { anonymous: 401, member: 201, otherOrgMember: 404, reviewer: 403, approver: 403, admin: 403 },
  },
};

describe('authorization matrix', () => {
  const users = {} as Record<Exclude<CallerKind, 'anonymous'>, TestUser>;
  const world = {} as Omit<World, 'submittableDraftId'>;

  beforeAll(async () => {
    const [member, otherOrgMember, reviewer, approver, admin] = await Promise.all([
      givenUser(['applicant'], 'member'),
      givenUser(['applicant'], 'other'),
      givenUser(['reviewer']),
      givenUser(['approver']),
      givenUser(['admin']),
    ]);
    Object.assign(users, { member, otherOrgMember, reviewer, approver, admin });
    world.orgId = await givenOrganisation([member]);
    await givenOrganisation([otherOrgMember]);
    world.callId = (await givenCall(aCall())).id;
    const draft = await api('POST', '/api/applications', {
      token: member.token,
      body: { orgId: world.orgId, callId: world.callId, title: 'Entwurf für die Matrix' },
    });
    world.draftId = draft.body.id as string;
    const announceDocument = async (fileName: string) => {
      const created = await api('POST', `/api/applications/${world.draftId}/documents`, {
        token: member.token,
        body: { type: 'other', fileName, contentType: 'application/pdf', size: 10 },
      });
      return (created.body.document as { id: string }).id;
    };
    world.documentId = await announceDocument('Nie hochgeladen.pdf');
    world.deletableDocumentId = await announceDocument('Zum Löschen.pdf');
    const inviter = await givenUser(['applicant'], 'inviter');
    const invitingOrgId = await givenOrganisation([inviter]);
    const invitation = await api('POST', `/api/organisations/${invitingOrgId}/members`, {
      token: inviter.token,
      body: { email: member.email },
    });
    world.invitationId = invitation.body.id as string;
    const toSubmit = await givenCompleteDraft(
      member,
      world.orgId,
      world.callId,
      'Eingereicht für die Matrix',
    );
    world.submittedDocumentId = await givenVerifiedDocument(member, toSubmit.id);
    await api('POST', `/api/applications/${toSubmit.id}/submit`, { token: member.token });
    await drain();
    world.submittedId = toSubmit.id;
    world.reviewerSub = reviewer.sub;
    // Decided applications with their Bescheid, assessed by reviewers of their own (the matrix's reviewer
    // stays unassigned) and decided by the matrix's approver; the member retrieves the second's letter.
    const assessors = {
      content: await givenUser(['reviewer'], 'matrix-inhalt'),
      financial: await givenUser(['reviewer'], 'matrix-finanzen'),
    };
    const withLetter = await givenDecidedApplication(member, world.orgId, world.callId, assessors, approver);
    world.letterApplicationId = withLetter.id;
    world.letterId = withLetter.letterId;
    const notified = await givenDecidedApplication(member, world.orgId, world.callId, assessors, approver);
    const retrieved = await api('GET', `/api/applications/${notified.id}/letters/${notified.letterId}`, {
      token: member.token,
    });
    if (retrieved.status !== 200) throw new Error(`letter not retrieved: ${retrieved.text}`);
    world.notifiedId = notified.id;
    world.staffSub = (await givenStaff(['approver'], 'matrix-personal')).sub;
    world.closedCompetitiveCallId = (
      await givenCall(
        aCall({
          selectionMode: 'competitive',
          opensAt: new Date(Date.now() - 40 * 86_400_000).toISOString(),
          closesAt: new Date(Date.now() - 86_400_000).toISOString(),
        }),
      )
    ).id;
  });

  it('has a row for every operation of the contract', () => {
    expect(Object.keys(matrix).sort()).toEqual(operations.map((operation) => operation.operationId).sort());
  });

  const cases = Object.entries(matrix).flatMap(([operationId, row]) =>
    CALLERS.map((caller) => ({ operationId, caller, row, status: row.expected[caller] })),
  );

  it.each(cases)('$operationId as $caller → $status', async ({ caller, row, status }) => {
    const fresh = await givenCompleteDraft(users.member, world.orgId, world.callId, 'Frischer Entwurf');
    const { method, path, body, headers } = row.request({
      ...world,
      submittableDraftId: fresh.id,
      submittableDraftVersion: fresh.version,
    });
    const token = caller === 'anonymous' ? undefined : users[caller].token;
    const response = await api(method, path, {
      ...(token ? { token } : {}),
      ...(body ? { body } : {}),
      ...(headers ? { headers } : {}),
    });

    expect(response.status).toBe(status);
    if (status >= 400 && status !== 401) {
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});
