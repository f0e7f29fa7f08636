import type { Call } from '../api/schemas/call.schema.ts';
import type { Application } from '../domain/application.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { ApplicationRepository } from '../ports/application-repository.ts';
import type { CallRepository } from '../ports/call-repository.ts';
import type { MembershipRepository } from '../ports/membership-repository.ts';

export interface GetApplicationDeps {
  applications: ApplicationRepository;
  calls: CallRepository;
  memberships: MembershipRepository;
}

/** An application with the call it belongs to (whose rules its finance plan is checked against). */
export interface ApplicationInCall {
  application: Application;
  call: Call;
}

/**
 * Reads an application for a member of its organisation.
 * Primary course:
 * 1. Load the application.
 * 2. The caller is a member of the owning organisation; to anyone else it does not exist (404), so
 *    ids of other organisations' applications cannot be probed.
 * 3. Load its call, for the rules the view is checked against.
 */
export async function getApplicationForMember(
  deps: GetApplicationDeps,
  actor: { sub: string },
  id: string,
): Promise<ApplicationInCall> {
  const application = await deps.applications.get(id);
  if (!application || !(await deps.memberships.isMember(application.orgId, actor.sub))) {
    throw new NotFoundError('application');
  }
  return { application, call: await callOf(deps.calls, application) };
}

/** The call of an application. Calls are never deleted, so a missing one is a fault, not a 404. */
export async function callOf(calls: CallRepository, application: Application): Promise<Call> {
  const call = await calls.get(application.callId);
  if (!call) throw new Error(`call ${application.callId} of application ${application.id} is missing`);
  return call;
}
