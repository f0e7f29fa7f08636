import type { CreateDraftBody } from '../api/schemas/application.schema.ts';
import { newDraft } from '../domain/application.ts';
import { acceptsDrafts } from '../domain/call.ts';
import type { Clock } from '../domain/clock.ts';
import { type RuleViolation, RuleViolationError } from '../domain/errors.ts';
import type { ApplicationRepository } from '../ports/application-repository.ts';
import type { CallRepository } from '../ports/call-repository.ts';
import type { MembershipRepository } from '../ports/membership-repository.ts';
import type { ApplicationInCall } from './get-application.ts';

export interface CreateDraftDeps {
  applications: ApplicationRepository;
  calls: CallRepository;
  memberships: MembershipRepository;
  clock: Clock;
  newId: () => string;
}

/**
 * Creates a draft application for one of the caller's organisations.
 * Primary course:
 * 1. The caller is a member of the organisation the draft is for.
 * 2. The call exists and still takes drafts (it has not closed).
 * 3. The draft is stored with its creation event, both at once.
 */
export async function createDraft(
  deps: CreateDraftDeps,
  actor: { sub: string },
  input: CreateDraftBody,
): Promise<ApplicationInCall> {
  const now = deps.clock.now();
  const [isMember, call] = await Promise.all([
    deps.memberships.isMember(input.orgId, actor.sub),
    deps.calls.get(input.callId),
  ]);

  const violations: RuleViolation[] = [];
  if (!isMember) {
    violations.push({
      path: 'orgId',
      code: 'not-a-member',
      message: {
        de: 'Sie sind nicht Mitglied dieser Organisation.',
        en: 'You are not a member of this organisation.',
      },
    });
  }
  if (!call) {
    violations.push({
      path: 'callId',
      code: 'unknown-call',
      message: { de: 'Diesen Förderaufruf gibt es nicht.', en: 'There is no such call.' },
    });
  } else if (!acceptsDrafts(call, now)) {
    violations.push({
      path: 'callId',
      code: 'call-closed',
      message: {
        de: 'Dieser Förderaufruf ist beendet; neue Anträge sind nicht mehr möglich.',
        en: 'This call has closed; new applications are no longer possible.',
      },
    });
  }
  if (violations.length > 0 || !call) throw new RuleViolationError(violations);

  const { application, event } = newDraft({
    id: deps.newId(),
    orgId: input.orgId,
    callId: input.callId,
    title: input.title,
    actor: actor.sub,
    now,
  });
  await deps.applications.create(application, event);
  return { application, call };
}
