import { letterKindOf, renderBescheid } from '../../letters/bescheid.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';
import { type IssueLetterDeps, issueLetterOnce } from '../issue-letter-once.ts';
import { letterIdFor, letterOfDecision } from './decision-letter.ts';

type NoNewLetter = { letter: 'none-waitlisted' } | { letter: 'issued-before'; letterId: string };

/**
 * Decision task: issues the Bescheid on an approval or a rejection (rendering, storing and recording
 * it once: see issueLetterOnce).
 * Primary course:
 * 1. A waiting-list place gets no Bescheid (nothing to do); a letter of this decision already recorded
 *    means an earlier run issued it (nothing to do).
 * 2. The application must be APPROVED or REJECTED with its decision (else the work is stale: it moved on).
 * 3. Issue the Zuwendungsbescheid or Ablehnungsbescheid, dated the day of the decision, its id derived
 *    from the decision.
 */
export async function issueLetter(
  deps: IssueLetterDeps,
  input: WorkflowInput,
): Promise<{ letter: 'issued' | 'issued-before' | 'none-waitlisted'; letterId?: string; bytes?: number }> {
  return issueLetterOnce<NoNewLetter>(deps, input.applicationId, (application) => {
    if (application.status === 'WAITLISTED') return { done: { letter: 'none-waitlisted' } };
    const issued = letterOfDecision(application);
    if (issued) return { done: { letter: 'issued-before', letterId: issued.id } };
    const { decision } = application;
    if ((application.status !== 'APPROVED' && application.status !== 'REJECTED') || !decision) {
      throw new StaleWorkError(`application ${application.id} is ${application.status}, no letter to issue`);
    }
    return {
      issue: {
        letterId: letterIdFor(application.id, decision),
        kind: letterKindOf(decision),
        issuedAt: decision.decidedAt,
        render: renderBescheid,
      },
    };
  });
}
