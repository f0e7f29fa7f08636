import * as z from 'zod/mini';

/** What the dispatcher hands every workflow: which application, and which marking of pending work. */
export const WorkflowInput = z.object({
  applicationId: z.uuid(),
  workflow: z.enum(['intake', 'assessment', 'decision', 'withdrawal', 'nachforderung', 'objection']),
  /** Identifies one marking of pending work; the last task clears the marker only if it is still this one. */
  pendingSince: z.string(),
  status: z.string(),
  version: z.int(),
});
export type WorkflowInput = z.infer<typeof WorkflowInput>;

/**
 * Errors a task throws when the work no longer applies (the application moved on, e.g. was
 * withdrawn). State machines catch exactly these names; every other failure is retried and then fails
 * the execution loudly, so the stream redelivers it.
 */
export class StaleWorkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StaleWorkError';
  }
}

export const DOMAIN_TASK_ERRORS = ['StaleWorkError'] as const;
