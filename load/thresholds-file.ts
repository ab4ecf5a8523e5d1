// load/thresholds.yaml: per scenario, threshold expressions for every size (`all`) or one size
// (`smoke`, `full`), and the regression limits used with --baseline. Read and checked whole
// before any traffic, so a typo fails the run in milliseconds with exit 2, not after a soak.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { LoadError } from './load-error.js';
import { parseRegressionRule, type RegressionRule } from './regression-rule.js';
import { parseThreshold, type Threshold } from './threshold.js';

export type ScenarioSize = 'smoke' | 'full';

export interface ThresholdBook {
  file: string;
  /** Thresholds of a scenario at a size (its `all` list, then the size's own). */
  forScenario(scenario: string, size: ScenarioSize): Threshold[];
  regressions: RegressionRule[];
}

const SIZE_KEYS = ['all', 'smoke', 'full'] as const;

export function loadThresholds(file: string): ThresholdBook {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : (error instanceof Error ? error.message.split('\n')[0] : String(error));
    throw new LoadError(`The thresholds file ${file} cannot be read: ${reason}`);
  }
  if (!isRecord(raw)) throw new LoadError(`The thresholds file ${file} must be a YAML mapping with "scenarios" and "regressions"`);
  for (const key of Object.keys(raw)) {
    if (key !== 'scenarios' && key !== 'regressions') {
      throw new LoadError(`The thresholds file ${file} has an unknown key "${key}" (known: scenarios, regressions)`);
    }
  }

  const scenarios = new Map<string, Record<(typeof SIZE_KEYS)[number], Threshold[]>>();
  const rawScenarios = raw.scenarios ?? {};
  if (!isRecord(rawScenarios)) throw new LoadError(`"scenarios" in ${file} must be a mapping of scenario name to thresholds`);
  for (const [name, entry] of Object.entries(rawScenarios)) {
    const lists: Record<(typeof SIZE_KEYS)[number], Threshold[]> = { all: [], smoke: [], full: [] };
    const bySize: Record<string, unknown> = Array.isArray(entry) ? { all: entry } : isRecord(entry) ? entry : {};
    if (!Array.isArray(entry) && !isRecord(entry)) {
      throw new LoadError(`Thresholds of ${name} in ${file} must be a list of expressions or a mapping with all, smoke and full`);
    }
    for (const [size, list] of Object.entries(bySize)) {
      if (!(SIZE_KEYS as readonly string[]).includes(size)) {
        throw new LoadError(`Thresholds of ${name} in ${file} have an unknown size "${size}" (known: all, smoke, full)`);
      }
      if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
        throw new LoadError(`Thresholds of ${name}.${size} in ${file} must be a list of expressions`);
      }
      lists[size as (typeof SIZE_KEYS)[number]] = (list as string[]).map((text) => parseThreshold(text, `${file} (${name}.${size})`));
    }
    scenarios.set(name, lists);
  }

  const rawRegressions = raw.regressions ?? {};
  if (!isRecord(rawRegressions)) throw new LoadError(`"regressions" in ${file} must be a mapping of metric to allowed change, e.g. "p99: +20%"`);
  const regressions = Object.entries(rawRegressions).map(([metric, change]) => parseRegressionRule(metric, change, file));

  return {
    file,
    forScenario(scenario, size) {
      const lists = scenarios.get(scenario);
      return lists ? [...lists.all, ...lists[size]] : [];
    },
    regressions,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
