import type { ApplicationStatus } from '../api/schemas/application.schema.ts';
import type { Workflow } from './lifecycle.ts';

export interface Application {
  id: string;
  orgId: string;
  callId: string;
  title: string;
  status: ApplicationStatus;
  /** Increments on every change: the ETag of drafts and the optimistic lock of every write. */
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  submittedAt?: string;
  submittedBy?: string;
  /** Where the receipt and later letters are announced: the submitting member's address. */
  contactEmail?: string;
  /** Aktenzeichen, e.g. IM-2027-B-000123: allocated once by the intake workflow, never changed. */
  reference?: string;
  /** The workflow that must still run after the last transition; cleared by its last task. */
  pendingWork?: Workflow;
  /** When the pending work was marked; identifies one dispatch of it. */
  pendingSince?: string;
}

/** One entry of the append-only event log: who did what to the application, when and why. */
export interface ApplicationEvent {
  applicationId: string;
  /** Version of the application this event produced; unique per application, so events never collide. */
  version: number;
  at: string;
  actor: string;
  type: 'DRAFT_CREATED' | 'SUBMITTED' | 'REFERENCE_ALLOCATED' | 'RECEIPT_SENT';
  from?: ApplicationStatus;
  to: ApplicationStatus;
  reason?: string;
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
