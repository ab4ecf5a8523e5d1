// Runs `npm run gate` (bin/gate.ts) in a child process with its own profile, reports folder and
// settings, and collects what it printed and wrote.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gateRunEnvironment, readJsonIfWritten, runChild, type RunSettingsOptions } from './run-child.js';
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

export interface GateRunOptions extends RunSettingsOptions {
  args?: string[];
  timeoutMs?: number;
}

export async function runGate(options: GateRunOptions): Promise<GateRun> {
  const reportsDir = temporaryFolder('tt-gate-run-');
  // The gate's own group: a timeout ends its children (Playwright, its workers, load) with it.
  const run = await runChild('tsx', ['bin/gate.ts', ...(options.args ?? [])], gateRunEnvironment(options, reportsDir), options.timeoutMs ?? 150_000);
  const summary = readJsonIfWritten<Record<string, unknown>>(join(reportsDir, 'summary.json'));
  const md = join(reportsDir, 'summary.md');
  return {
    ...run,
    reportsDir,
    ...(summary === undefined ? {} : { summary }),
    ...(existsSync(md) ? { markdown: readFileSync(md, 'utf8') } : {}),
  };
}
