import type { CallRecord, NewCallRecord } from '../../shared/domain/call.ts';
import { ConcurrentChangeError } from '../../shared/domain/errors.ts';
import type { CallRecordRepository } from '../../shared/ports/call-repository.ts';

/**
 * In-memory call records with the same conditions as the DynamoDB adapter. `beforeWrite` runs between
 * a use case's read and its write, so a test can let someone else save or apply at that moment.
 */
export class InMemoryCallRecords implements CallRecordRepository {
  readonly items = new Map<string, CallRecord>();
  writes = 0;
  beforeWrite: (() => void) | undefined;

  async find(callId: string) {
    const item = this.items.get(callId);
    return item ? structuredClone(item) : undefined;
  }

  async create(record: NewCallRecord) {
    if (this.items.has(record.id)) return false;
    this.items.set(record.id, { ...structuredClone(record), applicationCount: 0, committedCents: 0 });
    this.writes++;
    return true;
  }

  async update(
    next: NewCallRecord,
    condition: { expectedVersion: number; onlyWithoutApplications: boolean },
  ) {
    this.beforeWrite?.();
    const stored = this.items.get(next.id);
    if (!stored || stored.version !== condition.expectedVersion) throw new ConcurrentChangeError();
    if (condition.onlyWithoutApplications && stored.applicationCount > 0) throw new ConcurrentChangeError();
    const written = {
      ...structuredClone(next),
      applicationCount: stored.applicationCount,
      committedCents: stored.committedCents,
    };
    this.items.set(next.id, written);
    this.writes++;
    return structuredClone(written);
  }

  /** Someone created a draft in the call (what draft creation's ADD does). */
  apply(callId: string) {
    const stored = this.items.get(callId);
    if (stored) stored.applicationCount += 1;
  }

  /** Someone else saved the call. */
  touch(callId: string) {
    const stored = this.items.get(callId);
    if (stored) stored.version += 1;
  }
}
