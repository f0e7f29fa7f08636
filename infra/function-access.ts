/**
 * What each handler may touch: least privilege, written down per entry point. A test fails when an
 * operation of the contract has no line here, so every new route decides its grants.
 */
export interface FunctionAccess {
  table?: 'read' | 'read-write';
  /** Uploads under applications/* of the documents bucket: read (GetObject), or also write and delete. */
  documents?: 'read' | 'read-write';
  /** GuardDuty's malware scan tag on uploads (MALWARE_SCAN): only what verifies a document reads it. */
  malwareScan?: 'read';
  /** Letters and copies under letters/* of the letters bucket (LETTERS_BUCKET). */
  letters?: 'read';
  /** Sends email through SES from the deploy's sender address (MAIL_FROM). */
  mail?: 'send';
  /**
   * Cognito actions on the user pool (and nothing else), with its id as USER_POOL_ID: staff accounts
   * made and changed by admins.
   */
  userPool?: readonly `cognito-idp:Admin${string}`[];
}

export const functionAccess: Record<string, FunctionAccess> = {
  'calls/list-calls': { table: 'read' },
  'calls/get-call': { table: 'read' },
  'calls/create-call': { table: 'read-write' },
  'calls/update-call': { table: 'read-write' },
  'calls/list-admin-calls': { table: 'read' },
  'calls/get-admin-call': { table: 'read' },
  'applications/create-draft': { table: 'read-write' },
  'applications/get-application': { table: 'read' },
  'applications/update-draft': { table: 'read-write' },
  'applications/list-my-applications': { table: 'read' },
  'applications/withdraw-application': { table: 'read-write' },
  'applications/get-timeline': { table: 'read' },
  'applications/submit-application': { table: 'read-write' },
  // Signing a GET of the letter needs GetObject (the link acts with the function's rights); the first
  // retrieval by a member writes the notification.
  'applications/get-letter': { table: 'read-write', letters: 'read' },
  'applications/lodge-objection': { table: 'read-write' },
  // Signing an upload form needs PutObject on the bucket (the form acts with the function's rights).
  'documents/create-document': { table: 'read-write', documents: 'read-write' },
  // Verifying reads the first bytes and the malware scan's tag, and deletes a rejected file.
  'documents/complete-document': { table: 'read-write', documents: 'read-write', malwareScan: 'read' },
  'documents/list-documents': { table: 'read' },
  'documents/delete-document': { table: 'read-write', documents: 'read-write' },
  // Signing a GET of a document's file needs GetObject (the link acts with the function's rights).
  'documents/get-document-link': { table: 'read', documents: 'read' },
  'meta/get-openapi': {},
  'organisations/list-organisations': { table: 'read' },
  'organisations/create-organisation': { table: 'read-write' },
  'organisations/get-organisation': { table: 'read' },
  'organisations/update-organisation': { table: 'read-write' },
  'organisations/list-members': { table: 'read' },
  'organisations/invite-member': { table: 'read-write', mail: 'send' },
  'invitations/list-invitations': { table: 'read' },
  'invitations/accept-invitation': { table: 'read-write' },
  // Review assignment: a declared conflict or an admin's reassignment emails the new reviewer.
  'review/get-review-application': { table: 'read' },
  'review/declare-conflict': { table: 'read-write', mail: 'send' },
  'admin/reassign-reviewer': { table: 'read-write', mail: 'send' },
  // Work queues: Queries on gsi2/gsi3 and BatchGets of applications and organisations, nothing else.
  'review/list-review-queue': { table: 'read' },
  'review/export-review-queue': { table: 'read' },
  'review/count-review-queue': { table: 'read' },
  'review/record-assessment': { table: 'read-write' },
  'review/decide-application': { table: 'read-write' },
  // The objection's letter and email come from the objection workflow, not the request: no mail here.
  'review/decide-objection': { table: 'read-write' },
  'admin/get-call-budget': { table: 'read' },
  // Staff accounts: the directory in the table, the sign-in accounts in the user pool. Creating reads the
  // account back when the address is taken (a retried creation completes the directory entry).
  'admin/list-staff': { table: 'read' },
  'admin/list-staff-assignments': { table: 'read' },
  'admin/create-staff': {
    table: 'read-write',
    userPool: [
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminListGroupsForUser',
    ],
  },
  'admin/update-staff': {
    table: 'read-write',
    userPool: [
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminRemoveUserFromGroup',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminEnableUser',
    ],
  },
  // Competitive calls: the ranking reads gsi2, the batch writes one transaction per application.
  'review/get-ranking': { table: 'read' },
  'review/decide-batch': { table: 'read-write' },
  // The applicant is emailed by the Nachforderung workflow, not by the request: no mail here.
  'review/request-missing-documents': { table: 'read-write' },
};
