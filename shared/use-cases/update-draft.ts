import { DraftContent } from '../api/schemas/draft.schema.ts';
import { draftContentOf, editDraft, isEditable } from '../domain/application.ts';
import type { Clock } from '../domain/clock.ts';
import {
  ConcurrentChangeError,
  ConflictError,
  NotFoundError,
  SchemaViolationError,
  StaleVersionError,
} from '../domain/errors.ts';
import { applyMergePatch } from '../domain/merge-patch.ts';
import type { ApplicationRepository } from '../ports/application-repository.ts';
import type { CallRepository } from '../ports/call-repository.ts';
import type { MembershipRepository } from '../ports/membership-repository.ts';
import { type ApplicationInCall, callOf } from './get-application.ts';

export interface UpdateDraftDeps {
  applications: ApplicationRepository;
  calls: CallRepository;
  memberships: MembershipRepository;
  clock: Clock;
}

/**
 * Saves a member's edit of a draft (autosave sends these as the user types).
 * Primary course:
 * 1. The caller is a member of the owning organisation (else: not found).
 * 2. The application is still editable (a draft, or incomplete after a Nachforderung).
 * 3. The caller edited the stored version (If-Match); otherwise 412 and nothing is written, so the
 *    client can merge its input into the newer version instead of overwriting someone else's.
 * 4. The merge patch applied to the stored content must give a valid draft (422 naming the fields).
 * 5. The new content, the next version and an event naming who changed which fields are written at
 *    once, on the condition that the version is still the one edited.
 * Rule violations of the finance plan do not block saving: half-finished plans are normal while
 * drafting; the view lists them and submit refuses while there are any.
 */
export async function updateDraft(
  deps: UpdateDraftDeps,
  actor: { sub: string },
  input: { id: string; expectedVersion: number; patch: Record<string, unknown> },
): Promise<ApplicationInCall> {
  const application = await deps.applications.get(input.id);
  if (!application || !(await deps.memberships.isMember(application.orgId, actor.sub))) {
    throw new NotFoundError('application');
  }
  if (!isEditable(application.status)) {
    throw new ConflictError(
      {
        de: 'Dieser Antrag ist eingereicht und kann nicht mehr bearbeitet werden.',
        en: 'This application has been submitted and can no longer be edited.',
      },
      { currentStatus: application.status },
    );
  }
  if (application.version !== input.expectedVersion) throw new StaleVersionError(application.version);

  const merged = applyMergePatch(draftContentOf(application), input.patch);
  const parsed = DraftContent.safeParse(merged);
  if (!parsed.success) throw new SchemaViolationError(DraftContent, merged);

  const call = await callOf(deps.calls, application);
  const edit = editDraft(application, parsed.data, actor.sub, deps.clock.now());
  if (!edit) return { application, call };
  try {
    await deps.applications.save(edit.next, edit.event, application.version);
  } catch (error) {
    if (!(error instanceof ConcurrentChangeError)) throw error;
    // Someone saved between our read and our write: same answer as a stale If-Match.
    const current = await deps.applications.get(input.id);
    throw new StaleVersionError(current?.version ?? application.version + 1);
  }
  return { application: edit.next, call };
}
