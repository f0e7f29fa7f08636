import { createHash } from 'node:crypto';
import type { IdempotencyRecord } from '../domain/idempotency.ts';
import type { IdempotentRequest } from '../use-cases/idempotent-request.ts';
import { ProblemError } from './problem.ts';

/**
 * The Idempotency-Key of a retryable write, if the client sent one (IETF draft
 * "The Idempotency-Key HTTP Header Field": a unique value per operation, e.g. a UUID). Clients should
 * send one; without it a retry is refused by the state it finds (e.g. 409 "already submitted").
 */
export function idempotencyKeyFrom(
  headers: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const raw = headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = raw.trim().replace(/^"(.*)"$/, '$1');
  if (!/^[\x21-\x7e]{8,128}$/.test(key)) {
    throw new ProblemError(422, {
      errors: [
        {
          path: 'Idempotency-Key',
          in: 'header',
          code: 'invalid-idempotency-key',
          message:
            'Idempotency-Key: 8–128 sichtbare ASCII-Zeichen, z. B. eine UUID / 8–128 visible ASCII characters, e.g. a UUID',
        },
      ],
    });
  }
  return key;
}

/** What a request was: method, path and body, hashed, so a key reused for another request is noticed. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest('base64url');
}

type StoredResponse = IdempotencyRecord['response'];

/**
 * An idempotent write as a handler runs it: reads and checks the caller's Idempotency-Key (422 when
 * it is malformed), fingerprints the request, and hands the use case the key with how its answer is
 * written down (the use case looks it up and stores it, scoped to the caller). Answers what the use
 * case did, or — for a retry — the answer stored the first time.
 */
export async function answerOncePerKey<R>(call: {
  headers: Readonly<Record<string, string | undefined>>;
  /** The request as it is fingerprinted: a key reused for another method, path or body is refused. */
  request: { method: string; path: string; body?: unknown };
  /**
   * Runs the use case; `idempotency` is undefined when the client sent no key. (Typed with `unknown`
   * so that R is inferred from what the use case returns; the use case hands the answer the very
   * result it returns.)
   */
  run: (
    idempotency: IdempotentRequest<unknown> | undefined,
  ) => Promise<{ result: R } | { replay: StoredResponse }>;
  /** The answer to the use case's result: given now, and stored for every retry. */
  answer: (result: R) => StoredResponse;
}): Promise<StoredResponse> {
  const { headers, request, run, answer } = call;
  const key = idempotencyKeyFrom(headers);
  const outcome = await run(
    key
      ? {
          key,
          fingerprint: requestFingerprint(request.method, request.path, request.body),
          answer: answer as (result: unknown) => StoredResponse,
        }
      : undefined,
  );
  return 'replay' in outcome ? outcome.replay : answer(outcome.result);
}
