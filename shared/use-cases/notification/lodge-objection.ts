import type { Clock } from '../../domain/clock.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import type { IdempotencyReader } from '../../domain/idempotency.ts';
import { lodgeObjection } from '../../domain/notification.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { MembershipRepository } from '../../ports/membership-repository.ts';
import { type ApplicationInCall, callOf } from '../get-application.ts';
import { type IdempotentRequest, idempotencyRecord, oncePerKey } from '../idempotent-request.ts';

export interface LodgeObjectionDeps {
  applications: ApplicationRepository;
  calls: CallRepository;
  memberships: MembershipRepository;
  idempotency: IdempotencyReader;
  clock: Clock;
}

/**
 * An organisation lodges an objection (Widerspruch) against the decision.
 * Primary course:
 * 1. A retry with the caller's Idempotency-Key gets the stored answer and changes nothing.
 * 2. The caller is a member of the owning organisation (else: not found).
 * 3. The decision must be notified (NOTIFIED) and the objection period not over (up to 23:59:59
 *    Berlin time of its last day; notification.ts): else 409, naming the current status, or the end of
 *    the period when it is over.
 * 4. APPEALED with the objection (reasons, who, when), in one conditional write with its event and the
 *    stored answer. The application leaves the appeal-period index, so it is never marked FINAL.
 */
export async function lodgeObjectionAgainstDecision(
  deps: LodgeObjectionDeps,
  actor: { sub: string },
  input: { id: string; reason: string },
  request?: IdempotentRequest<ApplicationInCall>,
) {
  return oncePerKey(deps.idempotency, actor.sub, request, async () => {
    const application = await deps.applications.get(input.id);
    if (!application || !(await deps.memberships.isMember(application.orgId, actor.sub))) {
      throw new NotFoundError('application');
    }
    const now = deps.clock.now();
    const outcome = lodgeObjection(application, input.reason, actor.sub, now);
    if ('refused' in outcome) {
      if (outcome.refused === 'period-over') {
        const [year, month, day] = outcome.appealPeriodEndsAt.slice(0, 10).split('-');
        throw new ConflictError(
          {
            de: `Die Widerspruchsfrist ist mit Ablauf des ${day}.${month}.${year} abgelaufen; ein Widerspruch ist nicht mehr möglich.`,
            en: `The objection period ended at the end of ${year}-${month}-${day} (Berlin time); an objection can no longer be lodged.`,
          },
          { currentStatus: application.status, appealPeriodEndsAt: outcome.appealPeriodEndsAt },
        );
      }
      throw new ConflictError(
        {
          de: 'Widerspruch ist nur gegen einen bekannt gegebenen Bescheid möglich: Rufen Sie zuerst den Bescheid ab. Gegen diesen Antrag ist kein Widerspruch (mehr) möglich.',
          en: 'An objection can only be lodged against a notified decision: retrieve the letter first. This application admits no (further) objection.',
        },
        { currentStatus: application.status },
      );
    }

    const result = { application: outcome.next, call: await callOf(deps.calls, application) };
    await deps.applications.save(
      outcome.next,
      outcome.event,
      application.version,
      request ? { idempotency: idempotencyRecord(request, actor.sub, result, now) } : {},
    );
    return result;
  });
}
