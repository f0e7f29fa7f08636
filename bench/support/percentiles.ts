/**
 * The p-th percentile by nearest rank: the smallest sample with at least p % of all samples at or below
 * it. No interpolation, so a reported p99 is a latency that was measured; with fewer than 100 samples
 * the p99 is the largest sample.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of nothing');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile ${p} is not in (0, 100]`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[rank - 1] as number;
}
