// Runs `npm run gate` (bin/gate.ts) in a child process with its own profile, reports folder and
// settings, and collects what it printed and wrote.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChild, runEnvironment } from './run-child.js';
import { temporaryFolder } from './run-conformance.js';

export interface GateRun {
  code: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  reportsDir: string;
  /** reports/summary.json and summary.md, when the run wrote them. */
  summary?: Record<string, unknown>;
  markdown?: string;
}

export interface GateRunOptions {
  profile: string;
  args?: string[];
  cases?: number;
  seed?: number;
  env?: Record<string, string>;
  timeoutMs?: number;
}

export async function runGate(options: GateRunOptions): Promise<GateRun> {
  const reportsDir = temporaryFolder('tt-gate-run-');
  const env = runEnvironment({
    THERE_THERE_PROFILE: options.profile,
    THERE_THERE_REPORTS_DIR: reportsDir,
    THERE_THERE_CASES: String(options.cases ?? 2),
    THERE_THERE_SEED: String(options.seed ?? 1234),
    ...options.env,
  });
  // The gate's own group: a timeout ends its children (Playwright, its workers, load) with it.
  const run = await runChild('tsx', ['bin/gate.ts', ...(options.args ?? [])], env, options.timeoutMs ?? 150_000);
  const json = join(reportsDir, 'summary.json');
  const md = join(reportsDir, 'summary.md');
  return {
    ...run,
    reportsDir,
    ...(existsSync(json) ? { summary: JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown> } : {}),
    ...(existsSync(md) ? { markdown: readFileSync(md, 'utf8') } : {}),
  };
}
