/**
 * A stored answer to a request that carried an Idempotency-Key. It is written in the same transaction
 * as the request's effect, so "done" and "answer stored" cannot drift apart: a retry (the browser lost
 * the response, a double click, a flaky network) gets the same answer and changes nothing.
 */
export interface IdempotencyRecord {
  /** Whose key this is: keys are scoped to the caller (their Cognito sub). */
  scope: string;
  key: string;
  /** What the request was (method, path, body); a key reused for another request is refused. */
  fingerprint: string;
  /** The answer as it was given: status, headers and body, opaque to the domain. */
  response: { status: number; headers?: Record<string, string>; body?: unknown };
  createdAt: string;
  /** Epoch seconds after which the table's TTL may delete the record (24 hours). */
  expiresAt: number;
}

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** The caller's request with this key, if any was stored. */
export interface IdempotencyReader {
  find(scope: string, key: string): Promise<IdempotencyRecord | undefined>;
}
