import type { Application, ApplicationEvent } from '../domain/application.ts';
import type { Clock } from '../domain/clock.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { IDEMPOTENCY_TTL_SECONDS, type IdempotencyReader } from '../domain/idempotency.ts';
import { decideTransition } from '../domain/lifecycle.ts';
import type { ApplicationRepository } from '../ports/application-repository.ts';
import type { CallRepository } from '../ports/call-repository.ts';
import type { MembershipRepository } from '../ports/membership-repository.ts';
import { type ApplicationInCall, callOf } from './get-application.ts';
import { type IdempotentRequest, oncePerKey } from './idempotent-request.ts';

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
 * 3. Withdrawing is possible from DRAFT, SUBMITTED, INCOMPLETE, IN_REVIEW and ASSESSED; once decided,
 *    it is not (409 with the current status).
 * 4. WITHDRAWN with the reason, who and when, in one write with its event; the withdrawal workflow then
 *    confirms it by email. Work still pending for the old status (an intake) finds the application
 *    moved on and stops.
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
    if (!decision.allowed) {
      throw new ConflictError(
        {
          de: 'Dieser Antrag kann nicht mehr zurückgenommen werden: Über ihn ist bereits entschieden, oder er ist schon zurückgenommen.',
          en: 'This application can no longer be withdrawn: it has been decided already, or it is withdrawn.',
        },
        { currentStatus: application.status },
      );
    }

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
    await deps.applications.save(
      next,
      event,
      application.version,
      request
        ? {
            idempotency: {
              scope: actor.sub,
              key: request.key,
              fingerprint: request.fingerprint,
              response: request.answer(result),
              createdAt: at,
              expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
            },
          }
        : {},
    );
    return result;
  });
}
