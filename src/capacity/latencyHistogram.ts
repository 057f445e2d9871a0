import * as hdr from 'hdr-histogram-js';

/**
 * Latencies of one run in microseconds, in an HDR histogram (hdr-histogram-js): constant memory
 * whatever the rate, 3 significant digits, and exact addition, so the histograms of n shards merge
 * into what one machine would have recorded.
 */
export type LatencyHistogram = hdr.Histogram;

// Up to an hour: far beyond gridX's 5 s deadline, so a receiver that holds a connection is
// recorded, not clipped.
const HIGHEST_US = 3_600_000_000;

export function createLatencyHistogram(significantDigits: 2 | 3 = 3): LatencyHistogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_US, numberOfSignificantValueDigits: significantDigits, bitBucketSize: 'packed' });
}

/** Records a latency given in milliseconds (fractions kept to the microsecond). */
export function recordLatencyMs(histogram: LatencyHistogram, ms: number): void {
  histogram.recordValue(Math.min(HIGHEST_US, Math.max(1, Math.round(ms * 1000))));
}

/** The percentiles a capacity report states, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export function summariseLatency(histogram: LatencyHistogram): LatencySummary {
  const ms = (us: number): number => Math.round(us / 10) / 100;
  if (histogram.totalCount === 0) return { count: 0, p50Ms: 0, p90Ms: 0, p99Ms: 0, maxMs: 0 };
  return {
    count: histogram.totalCount,
    p50Ms: ms(histogram.getValueAtPercentile(50)),
    p90Ms: ms(histogram.getValueAtPercentile(90)),
    p99Ms: ms(histogram.getValueAtPercentile(99)),
    maxMs: ms(histogram.maxValue),
  };
}

/** The histogram in HdrHistogram's standard compressed base64 form, as report.json keeps it. */
export function encodeHistogram(histogram: LatencyHistogram): string {
  return hdr.encodeIntoCompressedBase64(histogram);
}

export function decodeHistogram(encoded: string): LatencyHistogram {
  const decoded = hdr.decodeFromCompressedBase64(encoded, 'packed');
  const histogram = createLatencyHistogram();
  histogram.add(decoded);
  return histogram;
}
