// Assembles a LoadResult from a raw record: metrics, per-second series, thresholds and the
// baseline comparison. Used for a fresh run and for merged shards alike.
import { compareWithBaseline } from './compare-baseline.js';
import { deriveMetrics } from './derive-metrics.js';
import { evaluateThresholds } from './evaluate-thresholds.js';
import { decodeHistogram, summarize } from './histogram.js';
import { RESULT_FORMAT, type LoadResult, type TimelinePoint } from './load-result.js';
import type { RawRecord } from './raw-record.js';
import type { RegressionRule } from './regression-rule.js';
import type { Threshold } from './threshold.js';

export type ResultMeta = Omit<LoadResult, 'format' | 'startedAt' | 'finishedAt' | 'durationSeconds' | 'metrics' | 'thresholds' | 'baseline' | 'passed' | 'timeline' | 'record'>;

export interface Judging {
  thresholds: readonly Threshold[];
  regressions: readonly RegressionRule[];
  baseline?: { file: string; result: LoadResult };
}

export function buildResult(meta: ResultMeta, record: RawRecord, judging: Judging): LoadResult {
  const metrics = deriveMetrics(record);
  const thresholds = evaluateThresholds(judging.thresholds, metrics);
  const baseline = judging.baseline
    ? { file: judging.baseline.file, runId: judging.baseline.result.runId, outcomes: compareWithBaseline(judging.regressions, judging.baseline.result.metrics, metrics) }
    : undefined;
  const passed = meta.interrupted !== true && thresholds.every((outcome) => outcome.passed) && (baseline?.outcomes.every((outcome) => !outcome.regressed) ?? true);
  return {
    format: RESULT_FORMAT,
    ...meta,
    startedAt: new Date(record.startedAt).toISOString(),
    finishedAt: new Date(record.finishedAt).toISOString(),
    durationSeconds: Math.round(record.finishedAt - record.startedAt) / 1000,
    metrics,
    thresholds,
    ...(baseline ? { baseline } : {}),
    passed,
    timeline: timelineOf(record),
    record,
  };
}

function timelineOf(record: RawRecord): TimelinePoint[] {
  const startSecond = Math.floor(record.startedAt / 1000);
  return record.timeline.map((bucket) => {
    const summary = summarize(decodeHistogram(bucket.histogram));
    return {
      t: bucket.second - startSecond,
      requests: bucket.requests,
      statuses: bucket.statuses,
      errors: bucket.errors,
      timeouts: bucket.timeouts,
      unexpected: bucket.unexpected,
      p50: summary.p50,
      p90: summary.p90,
      p99: summary.p99,
      max: summary.max,
    };
  });
}
