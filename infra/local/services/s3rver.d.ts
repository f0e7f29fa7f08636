// s3rver ships no types; this covers the part we use.
declare module 's3rver' {
  import type { EventEmitter } from 'node:events';
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface S3rverOptions {
    directory?: string;
    silent?: boolean;
    vhostBuckets?: boolean;
  }

  // It is a Koa application, hence an EventEmitter; it emits 'event' with { Records: [...] }.
  class S3rver extends EventEmitter {
    constructor(options?: S3rverOptions);
    /** The request handler, to serve it from an http.Server of one's own. */
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
  }

  export = S3rver;
}

// s3rver only accepts access keys registered here (out of the box just 'S3RVER').
declare module 's3rver/lib/models/account.js' {
  export const DUMMY_ACCOUNT: {
    createKeyPair(accessKeyId: string, secretAccessKey: string): void;
  };
}
