import { RuleViolationError } from '../domain/errors.ts';
import {
  IDEMPOTENCY_TTL_SECONDS,
  type IdempotencyReader,
  type IdempotencyRecord,
} from '../domain/idempotency.ts';

/** A request that carried an Idempotency-Key, and how to write down its answer. */
export interface IdempotentRequest<R> {
  key: string;
  /** What the request was (method, path, body), so a key reused for something else is noticed. */
  fingerprint: string;
  /** The answer to store with the effect, and to give every retry. */
  answer: (result: R) => IdempotencyRecord['response'];
}

/**
 * The answer stored under the caller's key, if this request was already done. A key used before for a
 * different request is refused (422): silently answering the other request's result would be wrong.
 */
export async function storedAnswer(
  reader: IdempotencyReader,
  scope: string,
  request: Pick<IdempotentRequest<unknown>, 'key' | 'fingerprint'>,
): Promise<IdempotencyRecord['response'] | undefined> {
  const record = await reader.find(scope, request.key);
  if (!record) return undefined;
  if (record.fingerprint !== request.fingerprint) {
    throw new RuleViolationError([
      {
        path: 'Idempotency-Key',
        code: 'idempotency-key-reused',
        message: {
          de: 'Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet.',
          en: 'This Idempotency-Key was already used for a different request.',
        },
      },
    ]);
  }
  return record.response;
}

/**
 * Runs `work` once per key: an earlier answer is returned as it was; if `work` fails because a
 * concurrent retry with the same key won (a version conflict, a status that moved on), the winner's
 * stored answer is returned instead of the error.
 */
export async function oncePerKey<R>(
  reader: IdempotencyReader,
  scope: string,
  request: IdempotentRequest<R> | undefined,
  work: () => Promise<R>,
): Promise<{ result: R } | { replay: IdempotencyRecord['response'] }> {
  if (!request) return { result: await work() };
  const earlier = await storedAnswer(reader, scope, request);
  if (earlier) return { replay: earlier };
  try {
    return { result: await work() };
  } catch (error) {
    const winner = await storedAnswer(reader, scope, request);
    if (winner) return { replay: winner };
    throw error;
  }
}

/**
 * The answer to store under the caller's key, written in the same transaction as the request's effect
 * at `now`, and kept for a day (the table's TTL deletes it after).
 */
export function idempotencyRecord<R>(
  request: IdempotentRequest<R>,
  scope: string,
  result: R,
  now: Date,
): IdempotencyRecord {
  return {
    scope,
    key: request.key,
    fingerprint: request.fingerprint,
    response: request.answer(result),
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
  };
}
