import type { ApplicationStatus } from '../../api/schemas/application.schema.ts';
import type { QueueStatus } from '../../api/schemas/review-queue.schema.ts';
import type { CallRecord } from '../../domain/call.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import type { CallRecordRepository } from '../../ports/call-repository.ts';
import type { ReviewQueueReader } from '../../ports/review-queue.ts';

/** Statuses in which an application of the call still waits for the intake, the applicant or review. */
export const NOT_YET_ASSESSED: readonly QueueStatus[] = ['SUBMITTED', 'INCOMPLETE', 'IN_REVIEW'];

/** The statuses the ranking shows: assessed, and what a batch made of assessed applications. */
export const RANKED_STATUSES: readonly ApplicationStatus[] = [
  'ASSESSED',
  'WAITLISTED',
  'APPROVED',
  'REJECTED',
  'NOTIFIED',
  'APPEALED',
  'FINAL',
];

export interface CompetitiveCallDeps {
  calls: Pick<CallRecordRepository, 'find'>;
  queue: Pick<ReviewQueueReader, 'countByStatus'>;
}

/**
 * The call, if the ranking and the batch may take place now: a competitive call (else 409), after its
 * deadline (else 409 with closesAt), and with every application assessed — none left SUBMITTED,
 * INCOMPLETE or IN_REVIEW (else 409 saying how many are still open in each), counted with one COUNT
 * Query per status partition of gsi2. An unknown call is 404.
 */
export async function competitiveCallReady(
  deps: CompetitiveCallDeps,
  callId: string,
  now: Date,
): Promise<CallRecord> {
  const call = await deps.calls.find(callId);
  if (!call) throw new NotFoundError('call');
  if (call.selectionMode !== 'competitive') {
    throw new ConflictError(
      {
        de: 'Dieser Aufruf wird rollierend entschieden: Anträge werden einzeln beschieden, es gibt keine Rangliste.',
        en: 'This call is rolling: applications are decided one by one, there is no ranking.',
      },
      { code: 'not-competitive', selectionMode: call.selectionMode },
    );
  }
  if (now.getTime() <= Date.parse(call.closesAt)) {
    throw new ConflictError(
      {
        de: 'Die Antragsfrist dieses Aufrufs läuft noch. Rangliste und Entscheidung gibt es erst nach Fristende.',
        en: "This call's deadline has not passed yet. The ranking and the decision come after the deadline.",
      },
      { code: 'call-still-open', closesAt: call.closesAt },
    );
  }
  const counts = await deps.queue.countByStatus(callId, NOT_YET_ASSESSED);
  const open = Object.fromEntries(NOT_YET_ASSESSED.map((status) => [status, counts[status] ?? 0]));
  const openTotal = Object.values(open).reduce((sum, count) => sum + count, 0);
  if (openTotal > 0) {
    throw new ConflictError(
      {
        de: `Noch sind nicht alle Anträge begutachtet: ${open.SUBMITTED} in der Eingangsprüfung, ${open.INCOMPLETE} mit offener Nachforderung, ${open.IN_REVIEW} in Begutachtung.`,
        en: `Not every application is assessed yet: ${open.SUBMITTED} in intake, ${open.INCOMPLETE} with missing documents requested, ${open.IN_REVIEW} in review.`,
      },
      { code: 'not-all-assessed', open },
    );
  }
  return call;
}
