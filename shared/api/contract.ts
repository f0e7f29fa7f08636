import type { Operation } from './operation.ts';
import {
  createDraftOperation,
  getApplicationOperation,
  getTimelineOperation,
  listMyApplicationsOperation,
  submitApplicationOperation,
  updateDraftOperation,
  withdrawApplicationOperation,
} from './operations/applications.ts';
import { recordAssessmentOperation } from './operations/assessments.ts';
import {
  createCallOperation,
  getAdminCallOperation,
  getCallOperation,
  listAdminCallsOperation,
  listCallsOperation,
  updateCallOperation,
} from './operations/calls.ts';
import { decideBatchOperation, getRankingOperation } from './operations/competitive-decisions.ts';
import { decideApplicationOperation, getCallBudgetOperation } from './operations/decisions.ts';
import {
  completeDocumentOperation,
  createDocumentOperation,
  deleteDocumentOperation,
  getDocumentLinkOperation,
  listDocumentsOperation,
} from './operations/documents.ts';
import {
  acceptInvitationOperation,
  inviteMemberOperation,
  listInvitationsOperation,
  listMembersOperation,
} from './operations/memberships.ts';
import { getOpenApiOperation } from './operations/meta.ts';
import { getLetterOperation, lodgeObjectionOperation } from './operations/notification.ts';
import { decideObjectionOperation } from './operations/objection-decisions.ts';
import {
  createOrganisationOperation,
  getOrganisationOperation,
  listOrganisationsOperation,
  updateOrganisationOperation,
} from './operations/organisations.ts';
import {
  declareConflictOperation,
  getReviewApplicationOperation,
  reassignReviewerOperation,
} from './operations/review-assignments.ts';
import { requestMissingDocumentsOperation } from './operations/review-nachforderung.ts';
import {
  countReviewQueueOperation,
  exportReviewQueueOperation,
  listReviewQueueOperation,
} from './operations/review-queues.ts';
import {
  createStaffOperation,
  listStaffAssignmentsOperation,
  listStaffOperation,
  updateStaffOperation,
} from './operations/staff.ts';

/**
 * The public API contract: every route, once. CDK makes a function and a route of each, the local
 * gateway serves them, and the OpenAPI document describes them. Paths are a promise to clients:
 * add to this list, and keep what stands stable.
 */
export const operations: readonly Operation[] = [
  listCallsOperation,
  getCallOperation,
  createCallOperation,
  updateCallOperation,
  listAdminCallsOperation,
  getAdminCallOperation,
  createDraftOperation,
  listMyApplicationsOperation,
  getApplicationOperation,
  updateDraftOperation,
  submitApplicationOperation,
  withdrawApplicationOperation,
  getTimelineOperation,
  getLetterOperation,
  lodgeObjectionOperation,
  listDocumentsOperation,
  createDocumentOperation,
  completeDocumentOperation,
  deleteDocumentOperation,
  getDocumentLinkOperation,
  getOpenApiOperation,
  listOrganisationsOperation,
  createOrganisationOperation,
  getOrganisationOperation,
  updateOrganisationOperation,
  listMembersOperation,
  inviteMemberOperation,
  listInvitationsOperation,
  acceptInvitationOperation,
  getReviewApplicationOperation,
  declareConflictOperation,
  reassignReviewerOperation,
  listReviewQueueOperation,
  exportReviewQueueOperation,
  countReviewQueueOperation,
  recordAssessmentOperation,
  requestMissingDocumentsOperation,
  getRankingOperation,
  decideBatchOperation,
  decideApplicationOperation,
  decideObjectionOperation,
  getCallBudgetOperation,
  listStaffOperation,
  createStaffOperation,
  updateStaffOperation,
  listStaffAssignmentsOperation,
];
