import type { ApplicationStatus } from '../api/schemas/application.schema.ts';
import type { Application } from '../domain/application.ts';

/**
 * A call's applications in given statuses, as whole records (the ranking needs scores and amounts):
 * one paged Query per status partition of gsi2 (call + status), never a Scan. The index is eventually
 * consistent: whoever writes from what it read re-reads each application consistently first.
 */
export interface CallApplicationsReader {
  listByStatus(callId: string, statuses: readonly ApplicationStatus[]): Promise<Application[]>;
}
