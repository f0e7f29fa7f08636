import type { Application, ApplicationEvent } from '../domain/application.ts';
import type { Clock } from '../domain/clock.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import type { IdempotencyReader } from '../domain/idempotency.ts';
import { decideTransition } from '../domain/lifecycle.ts';
import type { ApplicationRepository } from '../ports/application-repository.ts';
import type { CallRepository } from '../ports/call-repository.ts';
import type { MembershipRepository } from '../ports/membership-repository.ts';
import { type ApplicationInCall, callOf } from './get-application.ts';
import { type IdempotentRequest, idempotencyRecord, oncePerKey } from './idempotent-request.ts';

export interface WithdrawDeps {
  applications: ApplicationRepository;
  calls: CallRepository;
  memberships: MembershipRepository;
  idempotency: IdempotencyReader;
  clock: Clock;
}

/**
 * An organisation withdraws its application (Rücknahme des Antrags).
 * Primary course:
 * 1. A retry with the caller's Idempotency-Key gets the stored answer and changes nothing.
 * 2. The caller is a member of the owning organisation (else: not found).
 * 3. Withdrawing is possible from DRAFT, SUBMITTED, INCOMPLETE, IN_REVIEW, ASSESSED and WAITLISTED, and
 *    an approval can be renounced (Verzicht) while APPROVED or NOTIFIED; a rejection cannot be withdrawn,
 *    nor anything under objection or final (409 with the current status).
 * 4. WITHDRAWN with the reason, who and when, in one write with its event — for a renounced approval
 *    together with its grant released from the call's committed sum. The withdrawal workflow then
 *    confirms it by email and lets the call's waiting list move up into the released budget. Work
 *    still pending for the old status (an intake, a decision) finds the application moved on and stops.
 */
export async function withdrawApplication(
  deps: WithdrawDeps,
  actor: { sub: string; email?: string },
  input: { id: string; reason: string },
  request?: IdempotentRequest<ApplicationInCall>,
) {
  return oncePerKey(deps.idempotency, actor.sub, request, async () => {
    const application = await deps.applications.get(input.id);
    if (!application || !(await deps.memberships.isMember(application.orgId, actor.sub))) {
      throw new NotFoundError('application');
    }
    const decision = decideTransition(application.status, 'withdraw', 'member');
    // NOTIFIED covers both outcomes; only an approval can be renounced (a rejection is contested by objection).
    const notifiedRejection =
      application.status === 'NOTIFIED' && application.decision?.outcome !== 'approved';
    if (!decision.allowed || notifiedRejection) {
      throw new ConflictError(
        {
          de: 'Dieser Antrag kann nicht mehr zurückgenommen werden: Er ist abgelehnt (dagegen hilft nur ein Widerspruch), im Widerspruchsverfahren, bestandskräftig entschieden oder schon zurückgenommen. Auf eine Bewilligung können Sie verzichten, solange sie nicht bestandskräftig ist.',
          en: 'This application can no longer be withdrawn: it is rejected (only an objection contests that), under objection, final, or withdrawn already. An approval can be renounced as long as it is not final.',
        },
        { currentStatus: application.status },
      );
    }

    // Renouncing an approval gives its grant back to the call's budget, in the same write.
    const renouncedGrant =
      (application.status === 'APPROVED' || application.status === 'NOTIFIED') &&
      application.decision?.outcome === 'approved'
        ? (application.decision.grantedCents ?? 0)
        : 0;
    const now = deps.clock.now();
    const at = now.toISOString();
    const next: Application = {
      ...application,
      status: decision.to,
      version: application.version + 1,
      updatedAt: at,
      updatedBy: actor.sub,
      withdrawal: { at, by: actor.sub, reason: input.reason, from: application.status },
      ...(actor.email ? { contactEmail: actor.email } : {}),
      ...(decision.followUp ? { pendingWork: decision.followUp, pendingSince: at } : {}),
    };
    const event: ApplicationEvent = {
      applicationId: application.id,
      version: next.version,
      at,
      actor: actor.sub,
      type: 'WITHDRAWN',
      from: application.status,
      to: next.status,
      reason: input.reason,
    };
    const result = { application: next, call: await callOf(deps.calls, application) };
    await deps.applications.save(next, event, application.version, {
      ...(renouncedGrant > 0 ? { budget: { callId: application.callId, releaseCents: renouncedGrant } } : {}),
      ...(request ? { idempotency: idempotencyRecord(request, actor.sub, result, now) } : {}),
    });
    return result;
  });
}
