export type ClaimResult = 'claimed' | 'already-sent' | 'claimed-not-sent';

/**
 * Emails are claimed before they are sent: a conditional write keyed by (application, event,
 * template) gives at most one send per event, however often a workflow task is retried.
 */
export interface EmailClaims {
  claim(
    key: { applicationId: string; eventKey: string; template: string; to: string },
    at: string,
  ): Promise<ClaimResult>;
  recordSent(
    key: { applicationId: string; eventKey: string; template: string },
    messageId: string,
    at: string,
  ): Promise<void>;
}
