// The result of a whole mutation run, and its two renderings: reports/mutation.json (data)
// and reports/mutation.md (fits a CI job summary). Rendering returns strings; the CLI writes.
import type { Fault } from '../catalogue.js';
import { passed } from './judge.js';
import type { RunRecord } from './run-one.js';

export interface MutationReport {
  generatedAt: string;
  durationMs: number;
  settings: {
    parallel: number;
    scope?: 'all' | 'primary';
    cases?: number;
    budgetSeconds?: number;
    seed?: number;
    maxFailures?: number;
    stopAtDetection?: boolean;
    rateLimit: { limit: number; windowSeconds: number };
  };
  clean: RunRecord;
  faults: Array<RunRecord & { description: string; detected: boolean }>;
  score: { detected: number; total: number; percent: number };
  /** Clean target conformant and every fault detected by an expected check. */
  passed: boolean;
}

export function buildReport(
  clean: RunRecord,
  runs: readonly RunRecord[],
  catalogue: readonly Fault[],
  settings: MutationReport['settings'],
  durationMs: number,
): MutationReport {
  const faults = runs.map((run) => {
    const entry = catalogue.find((fault) => fault.id === run.fault);
    return {
      ...run,
      ...(entry ? { area: entry.area } : {}),
      description: entry?.description ?? '',
      detected: run.verdict === 'detected',
    };
  });
  const detected = faults.filter((run) => run.detected).length;
  const total = faults.length;
  const percent = total === 0 ? 0 : Math.floor((detected / total) * 1000) / 10;
  return {
    generatedAt: new Date().toISOString(),
    durationMs,
    settings,
    clean,
    faults,
    score: { detected, total, percent },
    passed: passed(clean.verdict) && faults.every((run) => passed(run.verdict)),
  };
}

export function scoreLine(report: MutationReport): string {
  const clean = report.clean.verdict === 'clean' ? 'clean target passed' : `clean target ${report.clean.verdict}`;
  return `Mutation score: ${report.score.percent}% (${report.score.detected} of ${report.score.total} faults detected by an expected check); ${clean}.`;
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function firedText(fired: Record<string, number>, expected: readonly string[]): string {
  const ids = Object.keys(fired).sort();
  if (ids.length === 0) return '—';
  return ids.map((id) => (expected.includes(id) ? `**${id}** (${fired[id]})` : `${id} (${fired[id]})`)).join(', ');
}

const VERDICT_TEXT: Record<string, string> = {
  detected: '✅ detected',
  undetected: '❌ undetected',
  'unexpected-only': '❌ only unexpected checks',
  'not-judged': '⚠️ not judged',
  clean: '✅ clean',
  dirty: '❌ findings on the clean target',
};

export function renderMarkdown(report: MutationReport): string {
  const lines = [
    '# Mutation run',
    '',
    scoreLine(report),
    '',
    `Gate runs: ${report.faults.length + 1}, ${report.settings.parallel} at a time` +
      `${report.settings.cases === undefined ? '' : `, ${report.settings.cases} cases per operation`}` +
      `${report.settings.budgetSeconds === undefined ? '' : `, budget ${report.settings.budgetSeconds} s per run`}` +
      `${report.settings.seed === undefined ? '' : `, seed ${report.settings.seed}`}` +
      `${report.settings.scope === 'primary' ? ', each fault against the specs of its primary check' : ''}` +
      `${report.settings.maxFailures === undefined ? '' : `, stopped after ${report.settings.maxFailures} failed tests`}` +
      `${report.settings.stopAtDetection === true ? ', each fault run stopped at its first expected finding' : ''}` +
      `, rate limit ${report.settings.rateLimit.limit} per ${report.settings.rateLimit.windowSeconds} s; ` +
      `total ${seconds(report.durationMs)}.`,
    '',
    `Clean target: ${VERDICT_TEXT[report.clean.verdict] ?? report.clean.verdict}` +
      ` (${seconds(report.clean.durationMs)}, ${report.clean.requests} requests)` +
      `${Object.keys(report.clean.fired).length > 0 ? `; fired: ${firedText(report.clean.fired, [])}` : ''}` +
      `${report.clean.problem ? `; ${report.clean.problem}` : ''}`,
    '',
    '| Fault | Area | Expected checks | Result | Checks that fired (findings) | First detection | Run |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const run of report.faults) {
    const first = run.firstDetection
      ? `${seconds(run.firstDetection.ms)}, ${run.firstDetection.requests} requests (${run.firstDetection.checkId})`
      : '—';
    const rerun = run.quickPass ? ` (whole-gate rerun; quick pass: ${run.quickPass.verdict})` : '';
    const result = cell(`${VERDICT_TEXT[run.verdict] ?? run.verdict}${rerun}${run.problem ? `: ${run.problem}` : ''}`);
    lines.push(
      `| \`${run.fault}\` | ${run.area ?? ''} | ${run.expected.join(', ')} | ${result} | ${firedText(run.fired, run.expected)} | ${first} | ${seconds(run.durationMs)}, ${run.requests} req |`,
    );
  }
  lines.push(
    '',
    'Expected checks that fired are in bold. A fault counts as detected when at least one of its expected checks reports a finding. ' +
      'A budgeted run that misses a fault reruns it against the whole gate; only that rerun decides a miss.',
    '',
  );
  return lines.join('\n');
}
