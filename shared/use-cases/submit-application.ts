import type { Application } from '../domain/application.ts';
import { callPhase } from '../domain/call.ts';
import type { Clock } from '../domain/clock.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../domain/errors.ts';
import { decideTransition } from '../domain/lifecycle.ts';
import type { ApplicationRepository } from '../ports/application-repository.ts';
import type { CallRepository } from '../ports/call-repository.ts';
import type { MembershipRepository } from '../ports/membership-repository.ts';
import type { ApplicationInCall } from './get-application.ts';

export interface SubmitDeps {
  applications: ApplicationRepository;
  calls: CallRepository;
  memberships: MembershipRepository;
  clock: Clock;
}

/**
 * Submits a draft.
 * Primary course:
 * 1. The caller is a member of the owning organisation (else: not found).
 * 2. The lifecycle allows a member to submit in the current status (only drafts).
 * 3. The call has not closed (Europe/Berlin deadline, to the second).
 * 4. The application becomes SUBMITTED, with intake marked as pending work, in one write with its event.
 * The intake workflow then allocates the Aktenzeichen and sends the receipt.
 */
export async function submitApplication(
  deps: SubmitDeps,
  actor: { sub: string; email?: string },
  id: string,
): Promise<ApplicationInCall> {
  const application = await deps.applications.get(id);
  if (!application || !(await deps.memberships.isMember(application.orgId, actor.sub))) {
    throw new NotFoundError('application');
  }

  const decision = decideTransition(application.status, 'submit', 'member');
  if (!decision.allowed) {
    throw new ConflictError(
      {
        de: 'Nur ein Entwurf kann eingereicht werden; dieser Antrag ist bereits eingereicht oder abgeschlossen.',
        en: 'Only a draft can be submitted; this application has already been submitted or closed.',
      },
      { currentStatus: application.status },
    );
  }

  const now = deps.clock.now();
  const call = await deps.calls.get(application.callId);
  if (!call || callPhase(call, now) !== 'open') {
    throw new RuleViolationError([
      {
        path: 'callId',
        code: call && callPhase(call, now) === 'upcoming' ? 'call-not-open-yet' : 'call-closed',
        message:
          call && callPhase(call, now) === 'upcoming'
            ? { de: 'Der Förderaufruf ist noch nicht geöffnet.', en: 'The call is not open yet.' }
            : {
                de: 'Die Einreichungsfrist dieses Förderaufrufs ist abgelaufen.',
                en: 'The deadline of this call has passed.',
              },
      },
    ]);
  }

  const at = now.toISOString();
  const next: Application = {
    ...application,
    status: decision.to,
    version: application.version + 1,
    updatedAt: at,
    updatedBy: actor.sub,
    submittedAt: at,
    submittedBy: actor.sub,
    ...(actor.email ? { contactEmail: actor.email } : {}),
    ...(decision.followUp ? { pendingWork: decision.followUp, pendingSince: at } : {}),
  };
  await deps.applications.save(
    next,
    {
      applicationId: id,
      version: next.version,
      at,
      actor: actor.sub,
      type: 'SUBMITTED',
      from: application.status,
      to: next.status,
    },
    application.version,
  );
  return { application: next, call };
}
