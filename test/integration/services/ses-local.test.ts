import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { afterAll, describe, expect, test } from 'vitest';
import {
  localSesClientConfig,
  type SesLocalHandle,
  startSesLocal,
} from '../../../infra/local/services/ses-local.ts';
import { holdPort } from './busy-port.ts';

const handles: SesLocalHandle[] = [];

async function start(): Promise<SesLocalHandle> {
  const startedAt = performance.now();
  const handle = await startSesLocal();
  console.info(`aws-ses-v2-local ready in ${Math.round(performance.now() - startedAt)} ms`);
  handles.push(handle);
  return handle;
}

afterAll(async () => {
  await Promise.all(handles.map((handle) => handle.stop()));
});

const pdf = Buffer.from('%PDF-1.7 Zuwendungsbescheid');

// A minimal MIME message with a text part and a PDF attachment, as a handler would build it.
function rawMessageWithAttachment(): string {
  const boundary = 'foerderflow-boundary';
  return [
    'From: Foerderflow <noreply@foerderflow.example>',
    'To: applicant@example.org',
    'Subject: Ihr Bescheid',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Anbei Ihr Bescheid.',
    `--${boundary}`,
    'Content-Type: application/pdf; name="bescheid.pdf"',
    'Content-Disposition: attachment; filename="bescheid.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    pdf.toString('base64'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

describe('startSesLocal', () => {
  test('records simple and raw mail with attachments, and clears them', async () => {
    const ses = await start();
    expect(ses.endpoint).toBe(`http://127.0.0.1:${ses.port}`);
    const client = new SESv2Client(localSesClientConfig(ses.endpoint));

    await client.send(
      new SendEmailCommand({
        FromEmailAddress: 'noreply@foerderflow.example',
        Destination: { ToAddresses: ['applicant@example.org'], CcAddresses: ['office@example.org'] },
        Content: {
          Simple: {
            Subject: { Data: 'Antrag eingegangen' },
            Body: { Text: { Data: 'Danke.' }, Html: { Data: '<p>Danke.</p>' } },
          },
        },
      }),
    );
    await client.send(
      new SendEmailCommand({
        Content: { Raw: { Data: new TextEncoder().encode(rawMessageWithAttachment()) } },
      }),
    );
    // SESv2 also takes attachments on simple mail.
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: 'noreply@foerderflow.example',
        Destination: { ToAddresses: ['applicant@example.org'] },
        Content: {
          Simple: {
            Subject: { Data: 'Mit Anhang' },
            Body: { Text: { Data: 'Siehe Anhang.' } },
            Attachments: [{ FileName: 'bescheid.pdf', RawContent: pdf, ContentType: 'application/pdf' }],
          },
        },
      }),
    );

    const [simple, raw, simpleWithAttachment, ...more] = await ses.listSent();
    expect(more).toEqual([]);
    expect(simple).toMatchObject({
      from: 'noreply@foerderflow.example',
      destination: { to: ['applicant@example.org'], cc: ['office@example.org'], bcc: [] },
      subject: 'Antrag eingegangen',
      body: { text: 'Danke.', html: '<p>Danke.</p>' },
      attachments: [],
    });
    expect(Math.abs((simple?.at ?? 0) - Date.now() / 1000)).toBeLessThan(60);

    expect(raw).toMatchObject({
      destination: { to: ['applicant@example.org'] },
      subject: 'Ihr Bescheid',
      attachments: [{ filename: 'bescheid.pdf', contentType: 'application/pdf', size: pdf.length }],
    });
    expect(raw?.from).toContain('noreply@foerderflow.example');
    expect(raw?.body.text?.trim()).toBe('Anbei Ihr Bescheid.');
    expect(Buffer.from(raw?.attachments[0]?.content ?? '', 'base64')).toEqual(pdf);

    expect(simpleWithAttachment?.attachments[0]).toMatchObject({
      filename: 'bescheid.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
    });
    expect(Buffer.from(simpleWithAttachment?.attachments[0]?.content ?? '', 'base64')).toEqual(pdf);

    await ses.clear();
    expect(await ses.listSent()).toEqual([]);
    client.destroy();
  });

  test('two instances in one process keep separate mailboxes', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    if (a === undefined || b === undefined) throw new Error('not started');
    const client = new SESv2Client(localSesClientConfig(a.endpoint));
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: 'noreply@foerderflow.example',
        Destination: { ToAddresses: ['applicant@example.org'] },
        Content: { Simple: { Subject: { Data: 'only a' }, Body: { Text: { Data: 'x' } } } },
      }),
    );
    expect((await a.listSent()).map((mail) => mail.subject)).toEqual(['only a']);
    expect(await b.listSent()).toEqual([]);
    client.destroy();
  });

  test('rejects when the port is taken, even by a server that answers HTTP', async () => {
    const busy = await holdPort();
    try {
      await expect(startSesLocal({ port: busy.port })).rejects.toThrow(/exited before it was ready/);
    } finally {
      await busy.release();
    }
  });
});
