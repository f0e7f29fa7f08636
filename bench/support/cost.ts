import type { Prices } from '../prices.ts';

/** What one journey made, counted on the local stack (bench/sections/cost.ts). */
export interface JourneyCounts {
  lambda: { invocations: number /** Sum over invocations of memory (MB) × billed ms. */; mbMs: number };
  express: { requests: number /** Each execution's duration in ms, as measured. */; durationsMs: number[] };
  dynamodb: { readUnits: number; writeUnits: number };
  s3: { writeRequests: number; readRequests: number };
  emails: number;
  apiRequests: number;
}

export interface PricedLine {
  item: string;
  usd: number;
}

/** Lambda bills each invocation's duration rounded up to the millisecond, at its configured memory. */
export function lambdaMbMs(memoryMb: number, durationMs: number): number {
  return memoryMb * Math.ceil(durationMs);
}

/** The journey priced line by line (USD), with Express durations rounded up to 100 ms as billed. */
export function priceJourney(counts: JourneyCounts, prices: Prices): PricedLine[] {
  const expressGbSeconds = counts.express.durationsMs.reduce(
    (sum, ms) => sum + (prices.stepFunctionsExpress.billedMemoryMb / 1024) * (Math.ceil(ms / 100) / 10),
    0,
  );
  return [
    { item: 'Lambda requests', usd: counts.lambda.invocations * prices.lambda.perRequest },
    { item: 'Lambda duration', usd: (counts.lambda.mbMs / 1024 / 1000) * prices.lambda.perGbSecondArm },
    { item: 'Express requests', usd: counts.express.requests * prices.stepFunctionsExpress.perRequest },
    { item: 'Express duration', usd: expressGbSeconds * prices.stepFunctionsExpress.perGbSecond },
    { item: 'DynamoDB reads', usd: counts.dynamodb.readUnits * prices.dynamodbOnDemand.perReadUnit },
    { item: 'DynamoDB writes', usd: counts.dynamodb.writeUnits * prices.dynamodbOnDemand.perWriteUnit },
    {
      item: 'S3 requests',
      usd:
        counts.s3.writeRequests * prices.s3Standard.perWriteRequest +
        counts.s3.readRequests * prices.s3Standard.perReadRequest,
    },
    { item: 'emails', usd: counts.emails * prices.ses.perEmail },
    { item: 'API requests', usd: counts.apiRequests * prices.httpApi.perRequest },
  ];
}
