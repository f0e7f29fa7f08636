/** What every local stand-in returns once it answers requests. */
export interface ServiceHandle {
  /** Base URL on loopback, e.g. http://127.0.0.1:8000 — give it to SDK clients as `endpoint`. */
  endpoint: string;
  port: number;
  /** Stops the service; safe to call more than once. */
  stop(): Promise<void>;
}

// The stand-ins accept any credentials; SDK clients still insist on a region and credentials being set.
export const LOCAL_REGION = 'eu-central-1';
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
