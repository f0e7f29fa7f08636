export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Files sent with the email, e.g. the PDF copy of an application with its receipt. */
  attachments?: EmailAttachment[];
}

export interface EmailAttachment {
  /** The name the recipient sees, with its extension. */
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

export interface Mailer {
  /** Sends one email; returns the provider's message id. */
  send(email: OutgoingEmail): Promise<string>;
}
