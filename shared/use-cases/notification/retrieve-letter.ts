import type { Application } from '../../domain/application.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Letter } from '../../domain/decision.ts';
import { ConcurrentChangeError, NotFoundError } from '../../domain/errors.ts';
import { notifyOnRetrieval } from '../../domain/notification.ts';
import { reviewAccessOf } from '../../domain/review-view.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { LetterLinks } from '../../ports/letter-links.ts';
import type { MembershipRepository } from '../../ports/membership-repository.ts';
import type { AssignmentRepository } from '../../ports/review-repository.ts';

export interface RetrieveLetterDeps {
  applications: Pick<ApplicationRepository, 'get' | 'save'>;
  memberships: MembershipRepository;
  assignments: Pick<AssignmentRepository, 'listByApplication'>;
  links: LetterLinks;
  clock: Clock;
}

/** How long a letter link works: long enough to start the download, short enough not to be passed on. */
export const LETTER_LINK_SECONDS = 5 * 60;

/** Concurrent writes (a second retrieval, a reminder) are retried from a fresh read this often. */
const NOTIFY_ATTEMPTS = 5;

/**
 * A letter (the Bescheid) of an application, as a short-lived download link.
 * Primary course:
 * 1. Load the application. Members of the applying organisation may read its letters; so may the
 *    back office: approvers and admins, and reviewers who are assigned to it and declared no conflict.
 *    Anyone else, and an unknown letter, is answered 404 (ids cannot be probed).
 * 2. The first retrieval by a MEMBER is the notification (§ 41 (2a) VwVfG; the rule is in
 *    notification.ts): APPROVED or REJECTED → NOTIFIED, with the letter's first retrieval, the day of
 *    notification and the end of the objection period, in one conditional write with its event. A
 *    concurrent retrieval that wrote first is not an error: the application is read again and found
 *    notified, so nothing is written twice. Retrievals by the back office never notify.
 * 3. Sign a GET of the letter's PDF for LETTER_LINK_SECONDS.
 */
export async function retrieveLetter(
  deps: RetrieveLetterDeps,
  caller: { sub: string; groups: readonly string[] },
  input: { id: string; letterId: string },
) {
  const application = await deps.applications.get(input.id);
  if (!application) throw new NotFoundError('application');
  const member = await deps.memberships.isMember(application.orgId, caller.sub);
  if (!member && !(await backOfficeMayRead(deps, caller, application))) {
    throw new NotFoundError('application');
  }
  const letter = application.letters?.find((each) => each.id === input.letterId);
  if (!letter) throw new NotFoundError('letter');

  const now = deps.clock.now();
  if (member) await notifyOnFirstRetrieval(deps, application, letter, caller.sub, now);
  const url = await deps.links.downloadUrl(letter.key, {
    expiresInSeconds: LETTER_LINK_SECONDS,
    fileName: fileNameOf(application, letter),
  });
  return {
    url,
    expiresAt: new Date(now.getTime() + LETTER_LINK_SECONDS * 1000).toISOString(),
    letter: { id: letter.id, kind: letter.kind, createdAt: letter.createdAt },
  };
}

async function backOfficeMayRead(
  deps: Pick<RetrieveLetterDeps, 'assignments'>,
  caller: { sub: string; groups: readonly string[] },
  application: Application,
): Promise<boolean> {
  if (caller.groups.includes('approver') || caller.groups.includes('admin')) return true;
  if (!caller.groups.includes('reviewer')) return false;
  const assignments = await deps.assignments.listByApplication(application.id);
  // The same rule as the review view: assigned, and no conflict declared (an undeclared reviewer sees
  // only what identifies the application, and a letter says much more).
  return reviewAccessOf({ caller, application, assignments }) === 'full';
}

async function notifyOnFirstRetrieval(
  deps: Pick<RetrieveLetterDeps, 'applications'>,
  read: Application,
  letter: Letter,
  member: string,
  now: Date,
): Promise<void> {
  let application = read;
  for (let attempt = 0; attempt < NOTIFY_ATTEMPTS; attempt++) {
    const change = notifyOnRetrieval(application, letter, member, now);
    if (!change) return;
    try {
      await deps.applications.save(change.next, change.event, application.version);
      return;
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError)) throw error;
      const fresh = await deps.applications.get(application.id);
      if (!fresh) throw error;
      application = fresh;
    }
  }
  throw new ConcurrentChangeError();
}

/** E.g. IM-2027-C-000001-zuwendungsbescheid.pdf: what the browser saves the download as. */
function fileNameOf(application: Application, letter: Letter): string {
  const stem = (application.reference ?? application.id).replace(/[^0-9A-Za-z.-]/g, '-');
  return `${stem}-${letter.kind}.pdf`;
}
