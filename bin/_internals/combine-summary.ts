// The gate's reports/summary.md and summary.json: the conformance reporter's summary as it wrote
// it, followed by the load figures against their thresholds and the gate's own verdict.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadResult } from '../../load/load-result.js';

export interface GateParts {
  reportsDir: string;
  conformanceExit: number;
  /** The load run's exit code and results, or why it did not run. */
  load: { exit: number; results: LoadResult[] } | { skipped: string };
  exitCode: number;
}

const VERDICT: Record<number, string> = { 0: 'passed', 1: 'failed', 2: 'cannot-judge' };

export function combineSummary(parts: GateParts): { markdown: string; json: string } {
  const mdFile = join(parts.reportsDir, 'summary.md');
  const jsonFile = join(parts.reportsDir, 'summary.json');
  const conformanceMd = existsSync(mdFile) ? readFileSync(mdFile, 'utf8').trimEnd() : '# Conformance\n\nThe conformance run wrote no summary.';
  const conformance = existsSync(jsonFile) ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as Record<string, unknown>) : {};
  // A summary the gate already combined (a rerun in the same folder) keeps only its conformance part.
  delete conformance.gate;
  delete conformance.load;

  const load = 'skipped' in parts.load
    ? { ran: false, skipped: parts.load.skipped }
    : {
        ran: true,
        exitCode: parts.load.exit,
        passed: parts.load.exit === 0,
        scenarios: parts.load.results.map((result) => ({
          scenario: result.scenario,
          size: result.size,
          passed: result.passed,
          durationSeconds: result.durationSeconds,
          thresholds: result.thresholds.map(({ expression, metric, passed, measured, limit, message }) => ({ expression, metric, passed, measured, limit, message })),
        })),
      };
  const gate = {
    verdict: VERDICT[parts.exitCode] ?? 'cannot-judge',
    exitCode: parts.exitCode,
    conformance: { exitCode: parts.conformanceExit, verdict: VERDICT[parts.conformanceExit] ?? 'cannot-judge' },
    load: 'skipped' in parts.load ? { skipped: parts.load.skipped } : { exitCode: parts.load.exit, verdict: VERDICT[parts.load.exit] ?? 'cannot-judge' },
  };
  const json = `${JSON.stringify({ ...conformance, gate, load }, null, 2)}\n`;
  const markdown = `${[`# Release gate: ${gate.verdict}`, '', `- Conformance: ${gate.conformance.verdict} (exit ${parts.conformanceExit})`, `- Load: ${loadLine(parts.load)}`, '', conformanceMd, '', ...loadSection(parts.load)].join('\n')}\n`;
  writeFileSync(mdFile, markdown);
  writeFileSync(jsonFile, json);
  return { markdown, json };
}

function loadLine(load: GateParts['load']): string {
  if ('skipped' in load) return `not run: ${load.skipped}`;
  return `${VERDICT[load.exit] ?? 'cannot-judge'} (exit ${load.exit}, ${load.results.length} scenario${load.results.length === 1 ? '' : 's'})`;
}

function loadSection(load: GateParts['load']): string[] {
  if ('skipped' in load) return ['# Load', '', `Not run: ${load.skipped}`];
  const lines = ['# Load', ''];
  if (load.results.length === 0) lines.push('No scenario finished (see the load run’s output).');
  for (const result of load.results) {
    lines.push(`## ${result.scenario} (${result.size}): ${result.passed ? 'thresholds met' : 'failed'}`, '', '| threshold | result |', '|---|---|');
    for (const outcome of result.thresholds) lines.push(`| \`${outcome.expression}\` | ${outcome.passed ? 'met' : '**breached**'}: ${outcome.message.replaceAll('|', '\\|')} |`);
    lines.push('');
  }
  return lines;
}
