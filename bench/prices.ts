/**
 * AWS list prices for eu-central-1 (Frankfurt), on-demand, without free tiers, as the cost section uses
 * them. Recorded 2026-11-25 from the author's knowledge of the public price pages, NOT fetched from the
 * AWS Price List API on this machine: check them against https://aws.amazon.com/pricing/ before
 * relying on a figure, and update `recordedOn` when you do.
 */
export const PRICES = {
  recordedOn: '2026-11-25',
  region: 'eu-central-1',
  lambda: {
    /** USD per request. */
    perRequest: 0.2 / 1e6,
    /** USD per GB-second, arm64 (AppFunction's architecture), first tier. Billed per 1 ms. */
    perGbSecondArm: 0.0000133334,
  },
  stepFunctionsExpress: {
    /** USD per workflow request (execution started). */
    perRequest: 1.0 / 1e6,
    /** USD per GB-second, first tier; billed in 100 ms steps and 64 MB steps of memory. */
    perGbSecond: 0.00001667,
    /** The memory an execution is billed at: the smallest step (the workflows hold small JSON states). */
    billedMemoryMb: 64,
  },
  dynamodbOnDemand: {
    /** USD per read request unit (4 KB strongly consistent, or two eventually consistent). */
    perReadUnit: 0.1525 / 1e6,
    /** USD per write request unit (1 KB; transactional writes count twice). */
    perWriteUnit: 0.7625 / 1e6,
  },
  s3Standard: {
    /** USD per PUT, COPY, POST or LIST request. */
    perWriteRequest: 0.0054 / 1000,
    /** USD per GET, HEAD and other request. */
    perReadRequest: 0.00043 / 1000,
  },
  ses: { perEmail: 0.1 / 1000 },
  /** HTTP API, first 300 million requests a month, per request (each 512 KB counts as one). */
  httpApi: { perRequest: 1.2 / 1e6 },
} as const;

export type Prices = typeof PRICES;
