// HdrHistogram helpers: every latency of a load run is recorded in whole microseconds in
// histograms built the same way, so any two of them merge exactly (same bucket layout).
import * as hdr from 'hdr-histogram-js';

export type Histogram = hdr.Histogram;

/** 3 significant digits: a recorded value is off by at most 0.1 %; 1 µs up to an hour, growing if needed. */
export function newHistogram(): Histogram {
  return hdr.build({
    bitBucketSize: 64,
    autoResize: true,
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000_000,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  });
}

export function encodeHistogram(histogram: Histogram): string {
  return hdr.encodeIntoCompressedBase64(histogram);
}

export function decodeHistogram(encoded: string): Histogram {
  const decoded = hdr.decodeFromCompressedBase64(encoded, 64, false);
  // Decoded histograms take the layout of the encoder; add into a fresh one so later merges
  // and resizing behave exactly like a histogram recorded here.
  const histogram = newHistogram();
  histogram.add(decoded);
  return histogram;
}

/** One histogram holding every value of the given encoded ones. */
export function mergeHistograms(encoded: readonly string[]): Histogram {
  const merged = newHistogram();
  for (const item of encoded) merged.add(decodeHistogram(item));
  return merged;
}

export interface LatencySummary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  'p99.9': number;
  max: number;
}

/** Percentiles in microseconds; all zero for an empty histogram. */
export function summarize(histogram: Histogram): LatencySummary {
  const count = histogram.totalCount;
  if (count === 0) return { count, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, 'p99.9': 0, max: 0 };
  // min and max at bucket resolution, like every percentile, so a decoded or merged histogram
  // reports exactly what the histogram it came from reports.
  return {
    count,
    min: histogram.getValueAtPercentile(0),
    mean: histogram.mean,
    p50: histogram.getValueAtPercentile(50),
    p90: histogram.getValueAtPercentile(90),
    p95: histogram.getValueAtPercentile(95),
    p99: histogram.getValueAtPercentile(99),
    'p99.9': histogram.getValueAtPercentile(99.9),
    max: histogram.getValueAtPercentile(100),
  };
}

/** Percentile spectrum for the distribution chart: [percentile, microseconds] pairs. */
export function percentileSpectrum(histogram: Histogram): Array<[number, number]> {
  if (histogram.totalCount === 0) return [];
  const points: Array<[number, number]> = [];
  const percentiles = [0, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 92.5, 95, 96, 97, 98, 99, 99.5, 99.75, 99.9, 99.95, 99.99, 99.999];
  for (const percentile of percentiles) points.push([percentile, histogram.getValueAtPercentile(percentile)]);
  points.push([100, histogram.getValueAtPercentile(100)]);
  return points;
}
