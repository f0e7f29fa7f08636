import { createHash } from 'node:crypto';
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
