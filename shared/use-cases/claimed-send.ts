import type { Clock } from '../domain/clock.ts';
import type { ClaimResult, EmailClaims } from '../ports/email-claims.ts';
import type { Mailer, OutgoingEmail } from '../ports/mailer.ts';

export interface ClaimedSendDeps {
  claims: EmailClaims;
  mailer: Mailer;
  clock: Clock;
  report: (message: string) => void;
}

/**
 * Claims the email first (conditional write), then sends it and records the send: at most one send per
 * key, however often a task is retried. A claim without a recorded send is reported, not resent.
 */
export async function claimedSend(
  deps: ClaimedSendDeps,
  key: { applicationId: string; eventKey: string; template: string },
  email: OutgoingEmail,
): Promise<'sent' | Exclude<ClaimResult, 'claimed'>> {
  const claim = await deps.claims.claim({ ...key, to: email.to }, deps.clock.now().toISOString());
  if (claim === 'already-sent') return claim;
  if (claim === 'claimed-not-sent') {
    deps.report(
      `${key.template} for ${key.applicationId} (${key.eventKey}) was claimed but no send is recorded; not resent`,
    );
    return claim;
  }
  const messageId = await deps.mailer.send(email);
  await deps.claims.recordSent(key, messageId, deps.clock.now().toISOString());
  return 'sent';
}
