import { describe, expect, it } from 'vitest';
import { PRICES } from '../../../bench/prices.ts';
import { type JourneyCounts, lambdaMbMs, priceJourney } from '../../../bench/support/cost.ts';

const nothing: JourneyCounts = {
  lambda: { invocations: 0, mbMs: 0 },
  express: { requests: 0, durationsMs: [] },
  dynamodb: { readUnits: 0, writeUnits: 0 },
  s3: { writeRequests: 0, readRequests: 0 },
  emails: 0,
  apiRequests: 0,
};
const usdOf = (counts: JourneyCounts, item: string) =>
  priceJourney(counts, PRICES).find((line) => line.item === item)?.usd;

describe('pricing a journey', () => {
  it('costs nothing when nothing was made', () => {
    expect(priceJourney(nothing, PRICES).every((line) => line.usd === 0)).toBe(true);
  });

  it('bills Lambda per request and per GB-second, a duration rounded up to the millisecond', () => {
    expect(lambdaMbMs(512, 10.2)).toBe(512 * 11);
    const counts = { ...nothing, lambda: { invocations: 1_000_000, mbMs: lambdaMbMs(1024, 1000) } };
    expect(usdOf(counts, 'Lambda requests')).toBeCloseTo(0.2, 10);
    expect(usdOf(counts, 'Lambda duration')).toBeCloseTo(PRICES.lambda.perGbSecondArm, 12); // 1 GB × 1 s
  });

  it('bills Express per request and per 100 ms started at 64 MB, not per transition', () => {
    const counts = { ...nothing, express: { requests: 2, durationsMs: [1, 150] } };
    expect(usdOf(counts, 'Express requests')).toBeCloseTo(2 * PRICES.stepFunctionsExpress.perRequest, 15);
    // 100 ms + 200 ms at 1/16 GB = 0.01875 GB-s
    expect(usdOf(counts, 'Express duration')).toBeCloseTo(
      0.01875 * PRICES.stepFunctionsExpress.perGbSecond,
      15,
    );
  });

  it('prices DynamoDB units, S3 requests by class, emails and API requests', () => {
    const counts: JourneyCounts = {
      ...nothing,
      dynamodb: { readUnits: 2_000_000, writeUnits: 1_000_000 },
      s3: { writeRequests: 1000, readRequests: 1000 },
      emails: 1000,
      apiRequests: 1_000_000,
    };
    expect(usdOf(counts, 'DynamoDB reads')).toBeCloseTo(0.305, 10);
    expect(usdOf(counts, 'DynamoDB writes')).toBeCloseTo(0.7625, 10);
    expect(usdOf(counts, 'S3 requests')).toBeCloseTo(0.0054 + 0.00043, 10);
    expect(usdOf(counts, 'emails')).toBeCloseTo(0.1, 10);
    expect(usdOf(counts, 'API requests')).toBeCloseTo(1.2, 10);
  });
});
