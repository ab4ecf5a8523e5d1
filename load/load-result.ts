// The result of one scenario run (or of merged shards): what the three reports render and what
// --baseline and load:merge read back. `record` holds the raw, mergeable data; everything else
// is derived from it and from the run's settings.
import type { RegressionOutcome } from './compare-baseline.js';
import type { ThresholdOutcome } from './evaluate-thresholds.js';
import type { Metrics } from './derive-metrics.js';
import type { RawRecord } from './raw-record.js';
import type { LoadModel, ScenarioKind, SizeName, SizeSettings } from './scenario.js';

export const RESULT_FORMAT = 'there-there-load/1';

export interface TimelinePoint {
  /** Seconds since the run started. */
  t: number;
  requests: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  unexpected: number;
  /** Latency percentiles of the responses completed in that second, µs. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  format: typeof RESULT_FORMAT;
  scenario: string;
  description: string;
  size: SizeName;
  kind: ScenarioKind;
  model: LoadModel;
  /** The scenario compares the first and last part of the run (soak). */
  drift: boolean;
  runId: string;
  shard?: { index: number; count: number };
  /** Set on a merged result: how many shard results went into it. */
  mergedFrom?: number;
  target: { profile: string; baseUrl: string; embedded: boolean; rateLimit: { limit: number; windowSeconds: number } };
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  settings: SizeSettings;
  /** Every figure, latencies in µs, ratios as fractions. */
  metrics: Metrics;
  thresholds: ThresholdOutcome[];
  baseline?: { file: string; runId: string; outcomes: RegressionOutcome[] };
  passed: boolean;
  /** Stopped by Ctrl-C or SIGTERM: figures cover the part that ran, and the run is not judged. */
  interrupted?: boolean;
  notes: string[];
  timeline: TimelinePoint[];
  record: RawRecord;
}
