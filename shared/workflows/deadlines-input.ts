import * as z from 'zod/mini';

/**
 * What the deadlines workflow is started with: not an application, just where the run came from (the
 * schedule on AWS; the local stack's timer or its control route). The time is the tasks' own clock.
 * Later states also carry the earlier tasks' results, which are not part of this input.
 */
export const DeadlinesInput = z.object({
  source: z.enum(['schedule', 'local']),
});
export type DeadlinesInput = z.infer<typeof DeadlinesInput>;

/** The input the schedule starts every run with. */
export const SCHEDULED_DEADLINES_INPUT: DeadlinesInput = { source: 'schedule' };
