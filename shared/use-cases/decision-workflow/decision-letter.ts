import { createHash } from 'node:crypto';
import type { Application } from '../../domain/application.ts';
import type { Decision, Letter } from '../../domain/decision.ts';

/** Namespace of letter ids (UUID v5): any fixed UUID, never to be changed once letters exist. */
const LETTER_ID_NAMESPACE = '3f0b6c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f';

/**
 * The id of the letter on a decision: a UUID (v5) derived from the application and the decision, so
 * however often the task runs — retried, redelivered, or dispatched again with a new pendingSince —
 * one decision gets one letter. A later decision on the same application (say after an objection)
 * has another time and so another letter. The letter that ends an objection takes its id from the
 * objection's outcome ('remedied' | 'dismissed') and decision time the same way.
 */
export function letterIdFor(
  applicationId: string,
  decision:
    | Pick<Decision, 'outcome' | 'decidedAt'>
    | { outcome: 'remedied' | 'dismissed'; decidedAt: string },
): string {
  const hash = createHash('sha1')
    .update(Buffer.from(LETTER_ID_NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(`${applicationId}|${decision.outcome}|${decision.decidedAt}`)
    .digest();
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6); // version 5
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8); // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Where a letter's PDF lives in the documents bucket. */
export function letterKey(applicationId: string, letterId: string): string {
  return `letters/${applicationId}/${letterId}.pdf`;
}

/** The letter of the application's current decision, if it was issued. */
export function letterOfDecision(application: Application): Letter | undefined {
  if (!application.decision) return undefined;
  const id = letterIdFor(application.id, application.decision);
  return application.letters?.find((letter) => letter.id === id);
}
