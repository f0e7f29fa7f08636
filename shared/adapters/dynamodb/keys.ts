/**
 * Keys of the single table. Every access pattern is a GetItem or a Query on the base table or on one
 * of its indexes; nothing on a request path scans.
 *
 * | item        | pk              | sk                  | gsi1pk        | gsi1sk                    |
 * |-------------|-----------------|---------------------|---------------|---------------------------|
 * | call        | CALL#<callId>   | CALL                | CALLS         | <closesAt UTC>#<callId>   |
 * | organisation | ORG#<orgId>    | PROFILE             |               |                           |
 * | membership  | ORG#<orgId>     | MEMBER#<sub>        | USER#<sub>    | ORG#<orgId>               |
 * | invitation  | ORG#<orgId>     | INVITATION#<email>  | INVITEE#<email> | ORG#<orgId>             |
 * | application | APP#<id>        | APP                 | ORG#<orgId>   | APP#<createdAt>#<id>      |
 * | event       | APP#<id>        | EVENT#<version 0-padded> |          |                           |
 * | email claim | APP#<id>        | EMAIL#<event>#<template> |          |                           |
 * | document    | APP#<id>        | DOC#<docId>         |               |                           |
 * | counter     | COUNTER#REFERENCE#<prefix> | COUNTER  |               |                           |
 * | staff       | STAFF#<sub>     | STAFF               | STAFF#REVIEWER (active reviewers only) | <sub> |
 * | approver listing | STAFF#APPROVERS | <sub>          |               |                           |
 * | assignment  | APP#<id>        | ASSIGNMENT#<role>   |               |                           |
 * | conflict    | APP#<id>        | CONFLICT#<sub>      |               |                           |
 * | decision batch | CALL#<callId> | BATCH              |               |                           |
 *
 * A call item also carries `version` (optimistic lock of admin edits; absent = 1) and
 * `applicationCount` (absent = 0), which draft creation ADDs to in the draft's transaction. Admin edits
 * change the call with UpdateItem (never a whole-item put, which would lose concurrent increments) and
 * condition rule changes on the count being 0. gsi1sk moves with closesAt; `GET /api/calls` reads
 * `gsi1sk >= now` (upcoming and open) or `gsi1sk < now` (closed).
 *
 * gsi2 (call + status): an application outside DRAFT has gsi2pk CALL#<callId>#STATUS#<status> and
 * gsi2sk <submittedAt>#<id>. The sparse `pending` index holds applications with pendingWork set.
 *
 * An organisation's profile, members and invitations share its partition: one Query lists them. An
 * invitation is keyed by the invitee's lower-case email (one per address and organisation) and found
 * by that email through gsi1 when the invitee signs in. Its expiresAt is an ISO string, which the
 * table's TTL (Numbers only) ignores: an expired invitation stays, so accepting it late gets a clear
 * 409 rather than a 404.
 *
 * An application's documents share its partition (one Query on `DOC#` lists them; the table never
 * holds their bytes, only the S3 key the server chose, `applications/<id>/<docId>`). Every document
 * write also checks, in its transaction, that the application item is still editable.
 *
 * gsi4 (due dates; every sort key leads with a UTC ISO instant, so string order is time order):
 * an APPROVED or REJECTED application whose letter is neither retrieved nor reminded of has gsi4pk
 * DUE#LETTER_REMINDER, gsi4sk <remindAt>#<id>; a NOTIFIED one has DUE#APPEAL_PERIOD,
 * <appealPeriodEndsAt>#<id> (the deadlines workflow finalizes it after that). The call item's
 * `committedCents` (absent = 0) is the sum of its approved grants, moved only in the transactions that
 * approve or renounce (see DynamoDbApplicationRepository.save, budgetUpdate).
 * An INCOMPLETE application has gsi4pk DUE#NACHFORDERUNG and gsi4sk <dueAt>#<id>, so
 * the deadlines workflow finds overdue Nachforderungen with one Query. Closing one (CLOSED_INCOMPLETE)
 * moves the application, in the closing transaction, to gsi4pk NOTIFY#CLOSED_INCOMPLETE, gsi4sk
 * <closedAt>#<id> until its closing email is sent (then both are removed), so a failed send is taken up
 * by the next attempt. The deadlines workflow reads the `pending` index with pendingSince < now − grace
 * and re-marks stale work (a new pendingSince), which the stream dispatches again. An assignment
 * released by a close keeps its item (releasedAt set) but leaves gsi3.
 *
 * Review (shared/domain/review.ts): a staff item (the directory of who can be assigned) carries
 * `openAssignments` (absent = 0), moved with ADD in the transaction that assigns or releases. An
 * assignment (role 'content' | 'financial') is open while not assessed; an open one carries gsi3pk
 * REVIEWER#<sub>, gsi3sk <dueAt>#<applicationId>#<role> ("assigned to me, most urgent first"). A
 * declared conflict replaces the assignment (or deletes it when nobody is left) and leaves a conflict
 * item, so whoever declared one is never assigned to that application again.
 *
 * Every staff item also carries gsi2pk STAFF, gsi2sk <sub>: the admins' list of all staff (active or
 * not) is one Query on gsi2. A deactivated member (deactivatedAt set) keeps the item and that entry but
 * leaves the reviewer index and the approvers' listing, so nobody assigns or notifies them.
 *
 * Approvers are listed apart from the staff item (whose one gsi1 entry serves the reviewer listing):
 * the staff upsert also puts, in the same transaction, a small item pk STAFF#APPROVERS, sk <sub> with
 * { sub, email, name } for each member of the approver group (and deletes it for everyone else), so
 * "every approver" is one Query on the base table. The partition holds only approvers (dozens at most).
 *
 * Competitive calls decide in one batch (shared/domain/decision-batch.ts). Its record sits beside the
 * call item (pk CALL#<callId>, sk BATCH) and is put with attribute_not_exists before the first
 * application is decided, so only one batch per call can ever start. It holds the batch id, the
 * approver, running|done and the outcomes requested (no texts: those are on each application, which
 * carries the batch id in decision.batchId or waitingList.batchId). A DynamoDB transaction holds at
 * most 100 items, so the batch writes one transaction per application (with its budget reservation);
 * a repeated request by the same approver finds the record running, skips the applications that
 * already carry the batch id and goes on. The last write sets it done, with the Idempotency-Key's
 * answer in the same transaction.
 */
export const keys = {
  call: (callId: string) => ({ pk: `CALL#${callId}`, sk: 'CALL' }),
  callsIndex: (closesAtUtc: string, callId: string) => ({
    gsi1pk: 'CALLS',
    gsi1sk: `${closesAtUtc}#${callId}`,
  }),
  organisation: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'PROFILE' }),
  membership: (orgId: string, sub: string) => ({ pk: `ORG#${orgId}`, sk: `MEMBER#${sub}` }),
  membershipIndex: (orgId: string, sub: string) => ({ gsi1pk: `USER#${sub}`, gsi1sk: `ORG#${orgId}` }),
  /** One invitation per organisation and (lower-case) address. */
  invitation: (orgId: string, email: string) => ({ pk: `ORG#${orgId}`, sk: `INVITATION#${email}` }),
  invitationIndex: (orgId: string, email: string) => ({ gsi1pk: `INVITEE#${email}`, gsi1sk: `ORG#${orgId}` }),
  application: (id: string) => ({ pk: `APP#${id}`, sk: 'APP' }),
  applicationIndex: (orgId: string, createdAt: string, id: string) => ({
    gsi1pk: `ORG#${orgId}`,
    gsi1sk: `APP#${createdAt}#${id}`,
  }),
  /** Back-office lists by call and status, the oldest submission first. */
  callStatusIndex: (callId: string, status: string, submittedAt: string, id: string) => ({
    gsi2pk: `CALL#${callId}#STATUS#${status}`,
    gsi2sk: `${submittedAt}#${id}`,
  }),
  /** Open Nachforderungen by due date, the earliest first (the deadlines workflow closes overdue ones). */
  nachforderungDueIndex: (dueAt: string, id: string) => ({
    gsi4pk: 'DUE#NACHFORDERUNG',
    gsi4sk: `${dueAt}#${id}`,
  }),
  /** Issued letters not yet retrieved, by when the applicant is reminded (UTC), the earliest first. */
  letterReminderIndex: (remindAtUtc: string, id: string) => ({
    gsi4pk: 'DUE#LETTER_REMINDER',
    gsi4sk: `${remindAtUtc}#${id}`,
  }),
  /** NOTIFIED applications by the end of their objection period (UTC): the deadlines workflow finalizes. */
  appealPeriodIndex: (endsAtUtc: string, id: string) => ({
    gsi4pk: 'DUE#APPEAL_PERIOD',
    gsi4sk: `${endsAtUtc}#${id}`,
  }),
  /** Reference counter per prefix (e.g. IM-2027-B): the Aktenzeichen are allocated from it without gaps. */
  referenceCounter: (prefix: string) => ({ pk: `COUNTER#REFERENCE#${prefix}`, sk: 'COUNTER' }),
  /** An email claimed before it is sent: at most one send per (application, event, template). */
  emailClaim: (applicationId: string, eventKey: string, template: string) => ({
    pk: `APP#${applicationId}`,
    sk: `EMAIL#${eventKey}#${template}`,
  }),
  /** A stored answer to a request with an Idempotency-Key, scoped to the caller; expires by TTL. */
  idempotency: (scope: string, key: string) => ({
    pk: `IDEMPOTENCY#${scope}#${key}`,
    sk: 'IDEMPOTENCY',
  }),
  /** A supporting document of an application (its bytes are in S3 under the key the item names). */
  document: (applicationId: string, documentId: string) => ({
    pk: `APP#${applicationId}`,
    sk: `DOC#${documentId}`,
  }),
  /** A back-office user in the staff directory (who can be assigned, and their open workload). */
  staff: (sub: string) => ({ pk: `STAFF#${sub}`, sk: 'STAFF' }),
  /** Every staff member, for the admins' list: one Query on gsi2. */
  staffDirectoryIndex: (sub: string) => ({ gsi2pk: 'STAFF', gsi2sk: sub }),
  /** Reviewers are listed with one Query on gsi1. */
  staffReviewerIndex: (sub: string) => ({ gsi1pk: 'STAFF#REVIEWER', gsi1sk: sub }),
  /** An approver in the approvers' listing (one Query on the base table lists them all). */
  approverListing: (sub: string) => ({ pk: 'STAFF#APPROVERS', sk: sub }),
  /** A recorded assessment, one per role of an application. */
  assessment: (applicationId: string, role: string) => ({
    pk: `APP#${applicationId}`,
    sk: `ASSESSMENT#${role}`,
  }),
  /** One assignment per role of an application. */
  assignment: (applicationId: string, role: string) => ({
    pk: `APP#${applicationId}`,
    sk: `ASSIGNMENT#${role}`,
  }),
  /** An open assignment in its reviewer's queue, the earliest due first (sparse: removed when closed). */
  assigneeIndex: (reviewerSub: string, dueAt: string, applicationId: string, role: string) => ({
    gsi3pk: `REVIEWER#${reviewerSub}`,
    gsi3sk: `${dueAt}#${applicationId}#${role}`,
  }),
  /** A conflict of interest a reviewer declared on an application. */
  conflict: (applicationId: string, reviewerSub: string) => ({
    pk: `APP#${applicationId}`,
    sk: `CONFLICT#${reviewerSub}`,
  }),
  /** A competitive call's one batch decision (see above): beside the call, one per call. */
  decisionBatch: (callId: string) => ({ pk: `CALL#${callId}`, sk: 'BATCH' }),
  event: (applicationId: string, version: number) => ({
    pk: `APP#${applicationId}`,
    sk: `EVENT#${String(version).padStart(6, '0')}`,
  }),
};

export const KEY_ATTRIBUTES = [
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'gsi4pk',
  'gsi4sk',
];

/** Drops the key attributes and the item type, leaving the domain record. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  const record: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) {
    if (!KEY_ATTRIBUTES.includes(name) && name !== 'itemType') record[name] = value;
  }
  return record as T;
}
