import * as z from 'zod/mini';

/**
 * Wraps a workflow task as a Lambda handler: validates the state's input with its schema, runs the
 * task, and returns its result as the state's output. Errors keep their name, which is what Step
 * Functions matches in Retry and Catch.
 */
export function taskHandler<S extends z.ZodMiniType, R>(schema: S, task: (input: z.output<S>) => Promise<R>) {
  return async (event: unknown): Promise<R> => {
    const parsed = schema.safeParse(event);
    if (!parsed.success) {
      const error = new Error(`invalid task input: ${z.prettifyError(parsed.error)}`);
      error.name = 'InvalidTaskInputError';
      throw error;
    }
    return task(parsed.data);
  };
}
