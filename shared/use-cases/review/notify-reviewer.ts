import type { Call } from '../../api/schemas/call.schema.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Assignment, StaffMember } from '../../domain/review.ts';
import { reviewerAssignmentEmail } from '../../emails/reviewer-assignment-email.ts';
import type { ClaimResult, EmailClaims } from '../../ports/email-claims.ts';
import type { Mailer } from '../../ports/mailer.ts';
import { claimedSend } from '../claimed-send.ts';

export interface NotifyDeps {
  claims: EmailClaims;
  mailer: Mailer;
  clock: Clock;
  report: (message: string) => void;
}

export type NotifyOutcome = 'sent' | Exclude<ClaimResult, 'claimed'>;

/**
 * Emails a reviewer about their assignment, at most once per assignment: the email is claimed first,
 * keyed by the role and the moment of assignment, so a retried task or request never sends it twice
 * (and a later reassignment of the same role is a new email). A claim without a recorded send is
 * reported, not resent.
 */
export async function notifyReviewer(
  deps: NotifyDeps,
  facts: {
    application: { id: string; title: string; reference?: string };
    call: Pick<Call, 'title'>;
    assignment: Assignment;
    reviewer: StaffMember;
  },
): Promise<NotifyOutcome> {
  const { application, assignment, reviewer } = facts;
  const email = reviewerAssignmentEmail(facts);
  const key = {
    applicationId: application.id,
    eventKey: `assigned:${assignment.role}:${assignment.assignedAt}`,
    template: 'review-assignment',
  };
  return claimedSend(deps, key, { ...email, to: reviewer.email });
}
