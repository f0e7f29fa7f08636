import { objectionLetterKindOf, renderObjectionLetter } from '../../letters/objection-letter.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';
import { type IssueLetterDeps, issueLetterOnce } from '../issue-letter-once.ts';
import { objectionLetterIdFor, objectionLetterOf } from './objection-letter.ts';

/**
 * Objection task: issues the letter that ends the objection (rendering, storing and recording it once:
 * see issueLetterOnce).
 * Primary course:
 * 1. A letter on this objection decision already recorded means an earlier run issued it (nothing to do).
 * 2. The application must be FINAL with its objection decided (else the work is stale).
 * 3. Issue the Abhilfebescheid (remedied) or the Widerspruchsbescheid (dismissed), dated the day the
 *    objection was decided, its id derived from the objection's decision. Retrieving it later serves
 *    it and changes nothing: the application is FINAL, so no retrieval notifies it again.
 */
export async function issueObjectionLetter(
  deps: IssueLetterDeps,
  input: WorkflowInput,
): Promise<{ letter: 'issued' | 'issued-before'; letterId: string; bytes?: number }> {
  return issueLetterOnce<{ letter: 'issued-before'; letterId: string }>(
    deps,
    input.applicationId,
    (application) => {
      const issued = objectionLetterOf(application);
      if (issued) return { done: { letter: 'issued-before', letterId: issued.id } };
      const { objection } = application;
      if (application.status !== 'FINAL' || !objection?.outcome || !objection.decidedAt) {
        throw new StaleWorkError(
          `application ${application.id} is ${application.status} without a decided objection: no letter to issue`,
        );
      }
      return {
        issue: {
          letterId: objectionLetterIdFor(application.id, {
            outcome: objection.outcome,
            decidedAt: objection.decidedAt,
          }),
          kind: objectionLetterKindOf(objection),
          issuedAt: objection.decidedAt,
          render: renderObjectionLetter,
        },
      };
    },
  );
}
