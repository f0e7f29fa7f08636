import type { ReviewQueueItem } from '../../api/schemas/review-queue.schema.ts';
import type { StaffView } from '../../api/schemas/staff.schema.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { StaffDirectory } from '../../ports/review-repository.ts';
import { listReviewQueue, type ReviewQueueDeps } from '../review/review-queue.ts';
import { toStaffView } from './staff-view.ts';

/** How many open assignments one page shows (a reviewer rarely has more). */
export const ASSIGNMENTS_PAGE_SIZE = 100;

/**
 * One staff member's open assignments, for an admin who reassigns them: the same lines the person's own
 * queue shows (title, organisation, Aktenzeichen, role, due date; the earliest due first), read the
 * same way (one Query on the assignee index, then the applications and organisations).
 */
export async function staffAssignments(
  deps: ReviewQueueDeps & { staff: Pick<StaffDirectory, 'get'> },
  sub: string,
  page: { cursor?: string | undefined },
  now: Date,
): Promise<{ staff: StaffView; items: ReviewQueueItem[]; nextCursor?: string }> {
  const member = await deps.staff.get(sub);
  if (!member) throw new NotFoundError('staff member');
  const queue = await listReviewQueue(
    deps,
    { sub },
    { assignee: 'me' },
    { limit: ASSIGNMENTS_PAGE_SIZE, cursor: page.cursor },
    now,
  );
  return {
    staff: toStaffView(member),
    items: queue.items,
    ...(queue.nextCursor ? { nextCursor: queue.nextCursor } : {}),
  };
}
