// The figures a load result exposes to thresholds and baselines, each with a kind that fixes its
// unit: latency in microseconds, ratio as a fraction (0.01 = 1 %), count, and rate per second.
export type MetricKind = 'latency' | 'ratio' | 'count' | 'rate';

const LATENCY_NAME = /^(?:(?:isolation|service|first|last)\.)?(?:p\d{1,2}(?:\.\d+)?|min|max|mean)$/;

const NAMED: Record<string, MetricKind> = {
  resume_time: 'latency',
  resume_delay: 'latency',
  error_rate: 'ratio',
  success_rate: 'ratio',
  rate_limited_rate: 'ratio',
  late_rate: 'ratio',
  achieved_ratio: 'ratio',
  retry_after_valid: 'ratio',
  p99_drift: 'ratio',
  error_rate_drift: 'ratio',
  'isolation.success_rate': 'ratio',
  'isolation.error_rate': 'ratio',
  'isolation.rate_limited_rate': 'ratio',
  requests: 'count',
  errors: 'count',
  timeouts: 'count',
  unexpected: 'count',
  limit_leakage: 'count',
  late: 'count',
  not_sent: 'count',
  recovery_failures: 'count',
  cleanup_failures: 'count',
  leftover_tickets: 'count',
  'isolation.requests': 'count',
  rps: 'rate',
  planned_rate: 'rate',
  achieved_rate: 'rate',
  sustainable_rps: 'rate',
  sustainable_rate: 'rate',
  'isolation.rps': 'rate',
};

export function metricKind(name: string): MetricKind | undefined {
  return NAMED[name] ?? (LATENCY_NAME.test(name) ? 'latency' : undefined);
}

export const KNOWN_METRICS_HINT = 'p50 … p99.9, min, max, mean (also isolation.p99, service.p99), ' + Object.keys(NAMED).join(', ');

/** Human form of a metric value: `12.3ms`, `0.42%`, `1,204`, `812.5/s`. */
export function formatMetric(kind: MetricKind, value: number): string {
  if (!Number.isFinite(value)) return String(value);
  switch (kind) {
    case 'latency':
      return formatMicroseconds(value);
    case 'ratio':
      return `${trim(value * 100, Math.abs(value) < 0.001 ? 4 : 2)}%`;
    case 'count':
      return Math.round(value).toLocaleString('en-US');
    case 'rate':
      return `${trim(value, 1)}/s`;
  }
}

export function formatMicroseconds(us: number): string {
  const sign = us < 0 ? '-' : '';
  const abs = Math.abs(us);
  if (abs < 1000) return `${sign}${trim(abs, 0)}µs`;
  if (abs < 1_000_000) return `${sign}${trim(abs / 1000, abs < 10_000 ? 2 : 1)}ms`;
  return `${sign}${trim(abs / 1_000_000, 2)}s`;
}

function trim(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}
