// Every figure of a report, from a raw record: the one place where rates, shares and
// percentiles are computed, for single runs and merged shards alike.
import { decodeHistogram, mergeHistograms, summarize, type LatencySummary } from './histogram.js';
import { secondsOf } from './record-seconds.js';
import type { RawRecord, TimelineBucket } from './raw-record.js';

export type Metrics = Record<string, number>;

/** Fraction of the run at each end compared for drift (soak). */
const DRIFT_SHARE = 0.25;

export function deriveMetrics(record: RawRecord): Metrics {
  const metrics: Metrics = {};
  const seconds = secondsOf(record);
  const attempts = record.requests + record.errors + record.timeouts;
  const ok = Object.entries(record.statuses).reduce((total, [status, count]) => total + (status.startsWith('2') ? count : 0), 0);

  metrics.requests = record.requests;
  metrics.errors = record.errors;
  metrics.timeouts = record.timeouts;
  metrics.unexpected = record.unexpected;
  metrics.rps = record.requests / seconds;
  metrics.error_rate = attempts === 0 ? 0 : (record.unexpected + record.errors + record.timeouts) / attempts;
  metrics.success_rate = attempts === 0 ? 0 : ok / attempts;
  metrics.rate_limited_rate = attempts === 0 ? 0 : (record.statuses['429'] ?? 0) / attempts;
  Object.assign(metrics, latencyMetrics('', summarize(decodeHistogram(record.histogram))));
  Object.assign(metrics, latencyMetrics('service.', summarize(decodeHistogram(record.serviceHistogram))));

  const schedule = record.schedule;
  if (schedule) {
    metrics.planned_rate = schedule.plannedRate;
    metrics.achieved_rate = schedule.seconds > 0 ? schedule.sent / schedule.seconds : 0;
    metrics.achieved_ratio = schedule.plannedRate > 0 ? metrics.achieved_rate / schedule.plannedRate : 1;
    metrics.late = schedule.late;
    metrics.not_sent = schedule.notSent;
    metrics.late_rate = schedule.planned > 0 ? (schedule.late + schedule.notSent) / schedule.planned : 0;
  }

  Object.assign(metrics, driftMetrics(record.timeline));

  for (const [name, value] of Object.entries(record.counters)) {
    if (name !== 'retry_after_checked' && name !== 'retry_after_valid_count') metrics[name] = value;
  }
  const checked = record.counters.retry_after_checked;
  if (checked !== undefined && checked > 0) metrics.retry_after_valid = (record.counters.retry_after_valid_count ?? 0) / checked;
  for (const [name, value] of Object.entries(record.maxima)) metrics[name] = value;

  for (const [name, group] of Object.entries(record.groups ?? {})) {
    for (const [metric, value] of Object.entries(deriveMetrics(group))) {
      if (!metric.includes('.') || metric.startsWith('service.')) metrics[`${name}.${metric}`] = value;
    }
  }

  if (record.steps) {
    const passed = record.steps.filter((step) => step.passed);
    const best = passed[passed.length - 1];
    metrics.sustainable_rate = best ? best.plannedRate : 0;
    metrics.sustainable_rps = best ? deriveMetrics(best.record).rps ?? 0 : 0;
  }
  return metrics;
}

function latencyMetrics(prefix: string, summary: LatencySummary): Metrics {
  return {
    [`${prefix}p50`]: summary.p50,
    [`${prefix}p90`]: summary.p90,
    [`${prefix}p95`]: summary.p95,
    [`${prefix}p99`]: summary.p99,
    [`${prefix}p99.9`]: summary['p99.9'],
    [`${prefix}min`]: summary.min,
    [`${prefix}max`]: summary.max,
    [`${prefix}mean`]: summary.mean,
  };
}

/** First and last quarter of the timeline (edge seconds dropped: they are partial). */
function driftMetrics(timeline: readonly TimelineBucket[]): Metrics {
  const buckets = timeline.length > 6 ? timeline.slice(1, -1) : [...timeline];
  if (buckets.length < 4) return {};
  const share = Math.max(1, Math.floor(buckets.length * DRIFT_SHARE));
  const first = part(buckets.slice(0, share));
  const last = part(buckets.slice(-share));
  return {
    'first.p99': first.p99,
    'last.p99': last.p99,
    p99_drift: first.p99 > 0 ? last.p99 / first.p99 - 1 : 0,
    error_rate_drift: last.errorRate - first.errorRate,
  };
}

function part(buckets: readonly TimelineBucket[]): { p99: number; errorRate: number } {
  const histogram = mergeHistograms(buckets.map((bucket) => bucket.histogram));
  let requests = 0;
  let failed = 0;
  for (const bucket of buckets) {
    requests += bucket.requests + bucket.errors + bucket.timeouts;
    failed += bucket.unexpected + bucket.errors + bucket.timeouts;
  }
  return { p99: summarize(histogram).p99, errorRate: requests === 0 ? 0 : failed / requests };
}
