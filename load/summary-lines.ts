// The few lines a run prints on stdout per scenario: verdict, headline figures, every breach
// (threshold, measured value, limit) and regression, and where the reports are.
import type { LoadResult } from './load-result.js';
import { formatMetric, formatMicroseconds } from './metric-catalogue.js';

export function summaryLines(result: LoadResult, files: readonly string[]): string[] {
  const m = result.metrics;
  const name = `${result.scenario} (${result.size}${result.shard ? `, shard ${result.shard.index}/${result.shard.count}` : ''}${result.mergedFrom ? `, ${result.mergedFrom} shards merged` : ''})`;
  const model = result.model === 'open' ? `open model, planned ${formatMetric('rate', m.planned_rate ?? 0)}` : 'closed model';
  const extra = m.sustainable_rate !== undefined ? `, sustainable ${formatMetric('rate', m.sustainable_rate)}` : m.limit_leakage !== undefined ? `, limit leakage ${m.limit_leakage}` : '';
  const lines = [
    `${result.interrupted ? 'INTERRUPTED' : result.passed ? 'PASS' : 'FAIL'} ${name}: ${model}, ${formatMetric('rate', m.rps ?? 0)}, p50 ${formatMicroseconds(m.p50 ?? 0)}, p99 ${formatMicroseconds(m.p99 ?? 0)}, errors ${formatMetric('ratio', m.error_rate ?? 0)}${extra}`,
  ];
  for (const outcome of result.thresholds) if (!outcome.passed) lines.push(`  threshold breached: ${outcome.message}`);
  for (const outcome of result.baseline?.outcomes ?? []) if (outcome.regressed) lines.push(`  regression against ${result.baseline?.file}: ${outcome.message}`);
  if (files.length > 0) lines.push(`  reports: ${files.join(', ')}`);
  return lines;
}
