import type { ApplicationStatus } from '../api/schemas/application.schema.ts';

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
}

/** One entry of the append-only event log: who did what to the application, when and why. */
export interface ApplicationEvent {
  applicationId: string;
  /** Version of the application this event produced; unique per application, so events never collide. */
  version: number;
  at: string;
  actor: string;
  type: 'DRAFT_CREATED';
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
