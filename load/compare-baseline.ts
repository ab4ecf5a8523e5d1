// Compares a result's metrics with an earlier run's: a metric that moved the wrong way by more
// than its rule allows is a regression, named with both values and the allowance.
import { formatMetric } from './metric-catalogue.js';
import type { RegressionRule } from './regression-rule.js';

export interface RegressionOutcome {
  metric: string;
  baseline: number;
  current: number;
  /** Relative change, (current - baseline) / baseline; Infinity from a zero baseline. */
  change: number;
  regressed: boolean;
  message: string;
}

export function compareWithBaseline(
  rules: readonly RegressionRule[],
  baseline: Readonly<Record<string, number>>,
  current: Readonly<Record<string, number>>,
): RegressionOutcome[] {
  const outcomes: RegressionOutcome[] = [];
  for (const rule of rules) {
    const before = baseline[rule.metric];
    const now = current[rule.metric];
    if (before === undefined || now === undefined || Number.isNaN(before) || Number.isNaN(now)) continue;
    const change = before === 0 ? (now === 0 ? 0 : Math.sign(now) * Infinity) : (now - before) / Math.abs(before);
    const regressed = rule.direction === 'up' ? change > rule.allowance : change < -rule.allowance;
    const percent = Number.isFinite(change) ? `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%` : 'from zero';
    const allowed = `${rule.direction === 'up' ? '+' : '-'}${(rule.allowance * 100).toFixed(0)}%`;
    outcomes.push({
      metric: rule.metric,
      baseline: before,
      current: now,
      change,
      regressed,
      message: `${rule.metric}: ${formatMetric(rule.kind, before)} → ${formatMetric(rule.kind, now)} (${percent}, allowed ${allowed})`,
    });
  }
  return outcomes;
}
