import { InvalidQueueQueryError } from '../ports/review-queue.ts';
import type { Language } from './language.ts';
import { ProblemError } from './problem.ts';

/** Filters that do not combine, or a cursor that is not ours: 422 naming the query parameter. */
export async function queueProblems<T>(language: Language, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof InvalidQueueQueryError)) throw error;
    throw new ProblemError(422, {
      errors: error.violations.map((v) => ({
        path: v.path,
        code: v.code,
        message: v.message[language],
        in: 'query' as const,
      })),
    });
  }
}
