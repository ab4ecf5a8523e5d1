// Thresholds against the metrics of a result: each is met, breached (with the measured value and
// the limit in the metric's own unit), or not measured by this scenario (a breach too: a
// threshold nobody can check must not pass silently).
import { formatMetric } from './metric-catalogue.js';
import type { Threshold, ThresholdOperator } from './threshold.js';

export interface ThresholdOutcome {
  expression: string;
  metric: string;
  passed: boolean;
  /** Undefined when the scenario does not measure the metric. */
  measured?: number;
  limit: number;
  /** `p99 < 250ms: measured 312ms, limit 250ms`. */
  message: string;
}

const COMPARE: Record<ThresholdOperator, (measured: number, limit: number) => boolean> = {
  '<': (m, l) => m < l,
  '<=': (m, l) => m <= l,
  '>': (m, l) => m > l,
  '>=': (m, l) => m >= l,
  '==': (m, l) => m === l,
  '!=': (m, l) => m !== l,
};

export function evaluateThresholds(thresholds: readonly Threshold[], metrics: Readonly<Record<string, number>>): ThresholdOutcome[] {
  return thresholds.map((threshold) => {
    const measured = metrics[threshold.metric];
    const limitText = formatMetric(threshold.kind, threshold.limit);
    if (measured === undefined || Number.isNaN(measured)) {
      return {
        expression: threshold.expression,
        metric: threshold.metric,
        passed: false,
        limit: threshold.limit,
        message: `${threshold.expression}: not measured by this run, limit ${limitText}`,
      };
    }
    const passed = COMPARE[threshold.operator](measured, threshold.limit);
    return {
      expression: threshold.expression,
      metric: threshold.metric,
      passed,
      measured,
      limit: threshold.limit,
      message: `${threshold.expression}: measured ${formatMetric(threshold.kind, measured)}, limit ${limitText}`,
    };
  });
}
