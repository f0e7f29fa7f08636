import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { SESv2ClientConfig } from '@aws-sdk/client-sesv2';
import { launchChild } from './child-processes.ts';
import { freePort } from './free-port.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, type ServiceHandle } from './types.ts';

// aws-ses-v2-local keeps sent mail in a module-level store, so two servers in one process would share
// (and clear) each other's mail, and a taken port crashes the process instead of rejecting. Hence one
// child process per server. It does not validate addresses: our code must.

export interface SesLocalOptions {
  /** Defaults to a free port. */
  port?: number;
}

/** One message as aws-ses-v2-local recorded it (GET /store). */
export interface SentEmail {
  messageId: string;
  /** As given; for raw mail the parsed From header text, e.g. '"Name" <a@example.org>'. */
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: SentAttachment[];
  /** Extra headers of a simple message, if any. */
  headers?: { name: string; value: string }[];
  /** When it was sent, in epoch seconds. */
  at: number;
}

export interface SentAttachment {
  filename?: string;
  contentType: string;
  /** The content, base64-encoded. */
  content: string;
  size: number;
  contentDisposition?: string;
  contentId?: string;
}

export interface SesLocalHandle extends ServiceHandle {
  /** Every message sent since start (or the last clear()), oldest first. */
  listSent(): Promise<SentEmail[]>;
  /** Forgets all sent messages (and templates). */
  clear(): Promise<void>;
}

const LABEL = 'aws-ses-v2-local';
const START_TIMEOUT_MS = 15_000;

/** SDK client settings for a local SESv2 endpoint. */
export function localSesClientConfig(endpoint: string): SESv2ClientConfig {
  return { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
}

/** Starts aws-ses-v2-local on 127.0.0.1 in a child process (same Node binary). */
export async function startSesLocal(options: SesLocalOptions = {}): Promise<SesLocalHandle> {
  const port = options.port ?? (await freePort());
  const endpoint = `http://127.0.0.1:${port}`;
  const cli = createRequire(import.meta.url).resolve('aws-ses-v2-local/dist/cli.js');

  const launched = await launchChild({
    label: LABEL,
    spawnChild: () =>
      spawn(process.execPath, [cli, '--host', '127.0.0.1', '--port', String(port)], {
        // With SMTP_TRANSPORT set it also relays mail; one inherited from a developer's shell must not
        // make local runs and tests send real mail. Empty means off.
        env: { ...process.env, SMTP_TRANSPORT: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    // It logs this once it listens (it says localhost for 127.0.0.1). Probing /health-check instead could
    // be answered by another server that already holds the port, before this one fails to bind and exits.
    isReady: async (output) =>
      output.includes(`aws-ses-v2-local: server running at http://localhost:${port}`),
    timeoutMs: START_TIMEOUT_MS,
  });

  return {
    endpoint,
    port,
    listSent: async () => {
      const response = await fetch(`${endpoint}/store`);
      if (!response.ok) throw new Error(`${LABEL} GET /store: HTTP ${response.status}`);
      const store = (await response.json()) as { emails: SentEmail[] };
      return store.emails;
    },
    clear: async () => {
      const response = await fetch(`${endpoint}/clear-store`, { method: 'POST' });
      if (!response.ok) throw new Error(`${LABEL} POST /clear-store: HTTP ${response.status}`);
    },
    stop: launched.stop,
  };
}
