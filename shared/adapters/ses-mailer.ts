import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer, OutgoingEmail } from '../ports/mailer.ts';

/**
 * Sends through SES (v2). The sender address is a deploy input (MAIL_FROM). Attachments go as SES's own
 * Simple-content attachments: SES builds the MIME message (base64 parts), so we write none by hand.
 */
export class SesMailer implements Mailer {
  private readonly client: SESv2Client;
  private readonly from: string;

  constructor(from: string, client: SESv2Client = new SESv2Client({})) {
    this.from = from;
    this.client = client;
  }

  async send(email: OutgoingEmail): Promise<string> {
    const result = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [email.to] },
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: {
              Text: { Data: email.text, Charset: 'UTF-8' },
              ...(email.html ? { Html: { Data: email.html, Charset: 'UTF-8' } } : {}),
            },
            ...(email.attachments?.length
              ? {
                  Attachments: email.attachments.map((attachment) => ({
                    FileName: attachment.fileName,
                    ContentType: attachment.contentType,
                    ContentDisposition: 'ATTACHMENT' as const,
                    ContentTransferEncoding: 'BASE64' as const,
                    RawContent: attachment.content,
                  })),
                }
              : {}),
          },
        },
      }),
    );
    if (!result.MessageId) throw new Error('SES returned no message id');
    return result.MessageId;
  }
}
