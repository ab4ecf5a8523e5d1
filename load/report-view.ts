// What a human-readable load report says, as plain text rows: the Markdown and HTML renderers
// only lay these out, so both always show the same figures with the same wording.
import { deriveMetrics } from './derive-metrics.js';
import { decodeHistogram, summarize } from './histogram.js';
import type { LoadResult } from './load-result.js';
import { formatMetric, formatMicroseconds, metricKind } from './metric-catalogue.js';

export interface Table {
  title: string;
  head: string[];
  rows: string[][];
}

export interface ReportView {
  title: string;
  /** PASS, FAIL or INTERRUPTED. */
  status: string;
  verdict: string;
  passed: boolean;
  description: string;
  /** Model, target, run: one sentence each. */
  facts: string[];
  tables: Table[];
  notes: string[];
}

const SCENARIO_FIGURES: Array<[metric: string, label: string]> = [
  ['limit_leakage', '2xx beyond the limit in a window (limit leakage)'],
  ['worst_window_2xx', 'most 2xx proven in one window'],
  ['flood_2xx', '2xx to the flooded token'],
  ['flood_429', '429 to the flooded token'],
  ['retry_after_valid', '429s with a valid Retry-After'],
  ['resume_time', 'time from a 429 until served again (waiting its Retry-After)'],
  ['resume_delay', 'served again later than Retry-After promised by'],
  ['recovery_failures', 'not served again in time after Retry-After'],
  ['isolation.requests', 'second token: responses'],
  ['isolation.success_rate', 'second token: success rate'],
  ['isolation.p50', 'second token: p50'],
  ['isolation.p99', 'second token: p99'],
  ['isolation.max', 'second token: max'],
  ['journeys_completed', 'conversations completed'],
  ['journeys_abandoned', 'conversations abandoned after a failed step'],
  ['cleanup_failures', 'clean-up requests that failed'],
  ['leftover_tickets', 'tickets left on the target (closed, marked with the run id)'],
  ['first.p99', 'p99 of the first quarter'],
  ['last.p99', 'p99 of the last quarter'],
  ['p99_drift', 'p99 drift, last against first quarter'],
  ['error_rate_drift', 'error-rate drift, last against first quarter'],
  ['sustainable_rate', 'highest sustainable planned rate'],
  ['sustainable_rps', 'responses per second at that rate'],
];

export function reportView(result: LoadResult): ReportView {
  const m = result.metrics;
  const format = (metric: string): string => {
    const value = m[metric];
    if (value === undefined) return '–';
    return formatMetric(metricKind(metric) ?? 'count', value);
  };
  const breached = result.thresholds.filter((outcome) => !outcome.passed).length;
  const regressed = result.baseline?.outcomes.filter((outcome) => outcome.regressed).length ?? 0;
  const verdict = result.interrupted
    ? 'interrupted: not judged'
    : result.passed
    ? `thresholds met${result.baseline ? ', no regression' : ''}`
    : [breached > 0 ? `${breached} threshold(s) breached` : '', regressed > 0 ? `${regressed} regression(s)` : ''].filter(Boolean).join(', ');

  const facts: string[] = [];
  if (result.model === 'open') {
    const planned = m.planned_rate ?? 0;
    const schedule = result.record.schedule;
    facts.push(
      `Model: open (arrival rate). Planned ${formatMetric('rate', planned)}, achieved ${formatMetric('rate', m.achieved_rate ?? 0)} ` +
        `(${formatMetric('ratio', m.achieved_ratio ?? 0)}); ${schedule ? schedule.late + schedule.notSent : 0} of ${schedule?.planned ?? 0} requests not sent on time ` +
        `(${schedule?.late ?? 0} left more than ${schedule?.lateAfterMs ?? 10} ms late, ${schedule?.notSent ?? 0} never sent). Latency counts from each request's planned send time, so queueing is included (no coordinated omission).`,
    );
  } else {
    facts.push(
      `Model: closed (${result.settings.connections} connection(s), each sending again as soon as it has an answer). Latency counts from the moment each request was written.` +
        (result.kind === 'flood' ? ` The second token ran open-model at ${formatMetric('rate', m['isolation.planned_rate'] ?? 0)}.` : ''),
    );
  }
  const { limit, windowSeconds } = result.target.rateLimit;
  facts.push(
    `Target: ${result.target.baseUrl}${result.target.embedded ? ' (the embedded reference target, started for this run)' : ''}, profile "${result.target.profile}", ` +
      `rate limit ${limit} requests per ${windowSeconds}s per token.`,
  );
  facts.push(
    `Run ${result.runId}, ${result.size} size, ${result.durationSeconds.toFixed(1)}s from ${result.startedAt}` +
      (result.shard ? `, shard ${result.shard.index}/${result.shard.count}` : '') +
      (result.mergedFrom ? `, merged from ${result.mergedFrom} shard results (histograms merged: exact percentiles)` : '') +
      '.',
  );

  const tables: Table[] = [];
  tables.push({
    title: 'Latency',
    head: ['', 'p50', 'p90', 'p99', 'p99.9', 'max', 'mean'],
    rows: [
      [result.model === 'open' ? 'from planned send' : 'from send', ...['p50', 'p90', 'p99', 'p99.9', 'max', 'mean'].map((p) => format(p))],
      ['service time (from write)', ...['p50', 'p90', 'p99', 'p99.9', 'max', 'mean'].map((p) => format(`service.${p}`))],
    ],
  });
  tables.push({
    title: 'Throughput and errors',
    head: ['figure', 'value'],
    rows: [
      ['responses', format('requests')],
      ['responses per second', format('rps')],
      ['error rate (unexpected status, no answer)', format('error_rate')],
      ['unexpected statuses', format('unexpected')],
      ['timeouts', format('timeouts')],
      ['connection errors', format('errors')],
      ['429 share', format('rate_limited_rate')],
    ],
  });
  tables.push({
    title: 'Thresholds',
    head: ['result', 'threshold', 'measured', 'limit'],
    rows: result.thresholds.map((outcome) => {
      const kind = metricKind(outcome.metric) ?? 'count';
      return [outcome.passed ? 'met' : 'BREACHED', outcome.expression, outcome.measured === undefined ? 'not measured' : formatMetric(kind, outcome.measured), formatMetric(kind, outcome.limit)];
    }),
  });
  if (result.baseline) {
    tables.push({
      title: `Against baseline ${result.baseline.runId}`,
      head: ['result', 'metric', 'baseline', 'now', 'change', 'allowed'],
      rows: result.baseline.outcomes.map((outcome) => {
        const kind = metricKind(outcome.metric) ?? 'count';
        const change = Number.isFinite(outcome.change) ? `${outcome.change >= 0 ? '+' : ''}${(outcome.change * 100).toFixed(1)}%` : 'from zero';
        return [outcome.regressed ? 'REGRESSED' : 'ok', outcome.metric, formatMetric(kind, outcome.baseline), formatMetric(kind, outcome.current), change, /allowed (.*)\)$/.exec(outcome.message)?.[1] ?? ''];
      }),
    });
  }
  const driftFigures = ['first.p99', 'last.p99', 'p99_drift', 'error_rate_drift'];
  const figures = SCENARIO_FIGURES.filter(([metric]) => m[metric] !== undefined && (result.drift || !driftFigures.includes(metric)));
  if (figures.length > 0) tables.push({ title: 'Scenario figures', head: ['figure', 'value'], rows: figures.map(([metric, label]) => [label, format(metric)]) });
  if (result.record.steps) {
    tables.push({
      title: 'Capacity steps',
      head: ['step', 'planned rate', 'responses/s', 'p99', 'error rate', 'late', 'result'],
      rows: result.record.steps.map((step, index) => {
        const sm = deriveMetrics(step.record);
        return [
          String(index + 1),
          formatMetric('rate', step.plannedRate),
          formatMetric('rate', sm.rps ?? 0),
          formatMicroseconds(sm.p99 ?? 0),
          formatMetric('ratio', sm.error_rate ?? 0),
          formatMetric('ratio', sm.late_rate ?? 0),
          step.passed ? 'held' : `broke: ${step.breaches.join('; ')}`,
        ];
      }),
    });
  }
  const total = Object.values(result.record.statuses).reduce((sum, count) => sum + count, 0);
  tables.push({
    title: 'Status codes',
    head: ['status', 'responses', 'share'],
    rows: Object.entries(result.record.statuses)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, count]) => [status, count.toLocaleString('en-US'), formatMetric('ratio', total === 0 ? 0 : count / total)]),
  });
  tables.push({
    title: 'Operations',
    head: ['operation', 'responses', 'unexpected', 'no answer', 'p50', 'p99', 'max'],
    rows: Object.entries(result.record.operations)
      .sort(([, a], [, b]) => b.requests - a.requests)
      .map(([label, op]) => {
        const summary = summarize(decodeHistogram(op.histogram));
        return [label, op.requests.toLocaleString('en-US'), String(op.unexpected), String(op.errors), formatMicroseconds(summary.p50), formatMicroseconds(summary.p99), formatMicroseconds(summary.max)];
      }),
  });

  return {
    title: `Load: ${result.scenario} (${result.size})`,
    status: result.interrupted ? 'INTERRUPTED' : result.passed ? 'PASS' : 'FAIL',
    verdict,
    passed: result.passed,
    description: result.description,
    facts,
    tables,
    notes: result.notes,
  };
}
