import type { Call } from '../api/schemas/call.schema.ts';

export interface CallRepository {
  /** All published calls, the earliest deadline first. */
  list(): Promise<Call[]>;
  get(callId: string): Promise<Call | undefined>;
}
