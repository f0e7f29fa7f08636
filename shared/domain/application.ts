import type { ApplicationStatus } from '../api/schemas/application.schema.ts';
import type { DraftContent } from '../api/schemas/draft.schema.ts';
import type { AssessmentSummary } from './assessment.ts';
import type { Decision, Letter, Notification, Objection, WaitingListPlace } from './decision.ts';
import type { Workflow } from './lifecycle.ts';

/** An application: what the association wrote (its draft content) and where it stands. */
export interface Application extends DraftContent {
  id: string;
  orgId: string;
  callId: string;
  status: ApplicationStatus;
  /** Increments on every change: the ETag of drafts and the optimistic lock of every write. */
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  submittedAt?: string;
  submittedBy?: string;
  /** When the last supplement after a Nachforderung came in (submittedAt stays the first submission). */
  supplementedAt?: string;
  /** Where the receipt and later letters are announced: the submitting member's address. */
  contactEmail?: string;
  /** Aktenzeichen, e.g. IM-2027-B-000123: allocated once by the intake workflow, never changed. */
  reference?: string;
  /** The open request for missing items (Nachforderung) while INCOMPLETE; kept afterwards for the record. */
  nachforderung?: Nachforderung;
  /** Written by the assessment workflow once both assessments are in (back office only). */
  assessmentSummary?: AssessmentSummary;
  /** When and why the organisation withdrew the application. */
  withdrawal?: { at: string; by: string; reason: string; from: ApplicationStatus };
  /**
   * Consent to electronic notification (§ 41 (2a) VwVfG), given by the submitting member: the Bescheid
   * is then made available in the portal and counts as notified the day after its first retrieval.
   */
  notificationConsent?: { at: string; by: string };
  /** The approver's decision (APPROVED / REJECTED and after). */
  decision?: Decision;
  /** A competitive call's waiting-list place while WAITLISTED; kept afterwards for the record. */
  waitingList?: WaitingListPlace;
  /** Letters issued to the applicant (the Bescheid), written by the decision workflow. */
  letters?: Letter[];
  /** When the last unretrieved-letter reminder was sent (the deadlines workflow sends one). */
  letterReminderSentAt?: string;
  /** When the decision was notified and when the objection period ends. */
  notification?: Notification;
  /** The objection (Widerspruch), once lodged. */
  objection?: Objection;
  /** The workflow that must still run after the last transition; cleared by its last task. */
  pendingWork?: Workflow;
  /** When the pending work was marked; identifies one dispatch of it. */
  pendingSince?: string;
}

/** What is missing and until when it may be supplied (Vollständigkeitsprüfung / Nachforderung). */
export interface Nachforderung {
  requestedAt: string;
  /** Who asked: 'system' for the intake's completeness check, else the reviewer's sub. */
  requestedBy: string;
  /** The end of the due day, Europe/Berlin (a supplement is accepted until then, even after the call closed). */
  dueAt: string;
  items: { path: string; code: string; message: { de: string; en: string } }[];
  /** A note from the reviewer, if any. */
  note?: string;
}

/** One entry of the append-only event log: who did what to the application, when and why. */
export interface ApplicationEvent {
  applicationId: string;
  /** Version of the application this event produced; unique per application, so events never collide. */
  version: number;
  at: string;
  actor: string;
  type:
    | 'DRAFT_CREATED'
    | 'DRAFT_UPDATED'
    | 'SUBMITTED'
    | 'RESUBMITTED'
    | 'REFERENCE_ALLOCATED'
    | 'RECEIPT_SENT'
    | 'REVIEW_STARTED'
    | 'DOCUMENTS_REQUESTED'
    | 'CLOSED_INCOMPLETE'
    | 'WITHDRAWN'
    | 'APPROVED'
    | 'REJECTED'
    | 'WAITLISTED'
    | 'MOVED_UP'
    | 'LETTER_ISSUED'
    | 'LETTER_REMINDER_SENT'
    | 'NOTIFIED'
    | 'OBJECTION_LODGED'
    | 'OBJECTION_DECIDED'
    | 'FINAL'
    // Internal to the back office (review.ts): never in the applicant's timeline.
    | 'REVIEWER_ASSIGNED'
    | 'CONFLICT_DECLARED'
    | 'ASSESSMENT_RECORDED'
    | 'ASSESSED';
  from?: ApplicationStatus;
  to: ApplicationStatus;
  reason?: string;
  /** DRAFT_UPDATED: the top-level fields the change touched (who changed what, for the timeline). */
  fields?: string[];
}

/** The fields of an application that its members edit while it is a draft. */
export const DRAFT_FIELDS = [
  'title',
  'summary',
  'targetGroups',
  'region',
  'projectPeriod',
  'declarations',
  'financePlan',
] as const satisfies readonly (keyof DraftContent)[];

/** Members may edit the content while it is a draft, and again while documents are requested. */
export function isEditable(status: ApplicationStatus): boolean {
  return status === 'DRAFT' || status === 'INCOMPLETE';
}

/** The draft content of an application, without its status and bookkeeping. */
export function draftContentOf(application: Application): DraftContent {
  const content: Record<string, unknown> = {};
  for (const field of DRAFT_FIELDS) {
    if (application[field] !== undefined) content[field] = application[field];
  }
  return content as DraftContent;
}

/**
 * The next version of a draft with `content` as its new draft content and the event recording who
 * changed which fields; undefined when the content is what is stored already (nothing to write).
 */
export function editDraft(
  application: Application,
  content: DraftContent,
  actor: string,
  now: Date,
): { next: Application; event: ApplicationEvent } | undefined {
  const before = draftContentOf(application);
  const fields = DRAFT_FIELDS.filter(
    (field) => canonicalJson(before[field]) !== canonicalJson(content[field]),
  );
  if (fields.length === 0) return undefined;
  const at = now.toISOString();
  const bookkeeping = Object.fromEntries(
    Object.entries(application).filter(([name]) => !(DRAFT_FIELDS as readonly string[]).includes(name)),
  ) as Omit<Application, keyof DraftContent>;
  const next: Application = {
    ...bookkeeping,
    ...content,
    version: application.version + 1,
    updatedAt: at,
    updatedBy: actor,
  };
  return {
    next,
    event: {
      applicationId: application.id,
      version: next.version,
      at,
      actor,
      type: 'DRAFT_UPDATED',
      to: application.status,
      fields,
    },
  };
}

/** A new draft and the event that records its creation. */
export function newDraft(input: {
  id: string;
  orgId: string;
  callId: string;
  title: string;
  actor: string;
  now: Date;
}): { application: Application; event: ApplicationEvent } {
  const at = input.now.toISOString();
  const application: Application = {
    id: input.id,
    orgId: input.orgId,
    callId: input.callId,
    title: input.title,
    status: 'DRAFT',
    version: 1,
    createdAt: at,
    createdBy: input.actor,
    updatedAt: at,
    updatedBy: input.actor,
  };
  return {
    application,
    event: {
      applicationId: input.id,
      version: 1,
      at,
      actor: input.actor,
      type: 'DRAFT_CREATED',
      to: 'DRAFT',
    },
  };
}

/** The reference number (Aktenzeichen): the call's prefix and a six-digit sequence, e.g. IM-2027-B-000123. */
export function formatReference(prefix: string, sequence: number): string {
  return `${prefix}-${String(sequence).padStart(6, '0')}`;
}

/** JSON with object keys sorted, so equal content compares equal whatever order DynamoDB returns maps in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
