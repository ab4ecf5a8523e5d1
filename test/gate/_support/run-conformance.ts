// Runs the conformance suite the way a user does (`npx playwright test`) in a child process,
// with its own profile, reports folder and settings, and collects what it printed and wrote.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlReportTexts } from './html-report-texts.js';
import { gateRunEnvironment, readJsonIfWritten, runChild, type RunSettingsOptions } from './run-child.js';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

const temporary: string[] = [];

/** A new temporary folder, removed by `removeTemporaryFolders`. */
export function temporaryFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** Removes every folder this process made for runs and profiles. */
export function removeTemporaryFolders(): void {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface ConformanceRun {
  code: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  reportsDir: string;
  /** reports/summary.json, when the run wrote one. */
  summary?: GateSummary;
}

/** The parts of summary.json the gate tests read. */
export interface GateSummary {
  verdict: string;
  checks: Record<string, { findings: number; occurrences: number }>;
  findings: Array<{ checkId: string; operations: Array<{ operationKey: string; findings: Array<{ curl: string; text: string; title: string }> }> }>;
  coverageFailures: string[];
  skippedOperations: Array<{ operationKey: string; reason: string }>;
  coverage: Record<string, { statuses: Record<string, number> }>;
  requests: { sent: number; rateLimited: number };
  tests: { passed: number; failed: number; skipped: number; total: number };
}

export interface RunOptions extends RunSettingsOptions {
  /** Spec files and Playwright arguments (`specs/operations.spec.ts`, `-g`, `…`). */
  args: string[];
  timeoutMs?: number;
}

export async function runConformance(options: RunOptions): Promise<ConformanceRun> {
  const reportsDir = temporaryFolder('tt-gate-reports-');
  const run = await runChild('playwright', ['test', ...options.args], gateRunEnvironment(options, reportsDir), options.timeoutMs ?? 120_000);
  const summary = readJsonIfWritten<GateSummary>(join(reportsDir, 'summary.json'));
  return { ...run, reportsDir, ...(summary === undefined ? {} : { summary }) };
}

/** Every text a run wrote under its reports folder (the HTML report's embedded data too), with its file. */
export function reportFiles(dir: string): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (path: string): void => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!/\.(png|jpe?g|webm|zip)$/.test(name)) {
        const text = readFileSync(full).toString('utf8');
        out.push({ file: full, text });
        if (name.endsWith('.html')) for (const inner of htmlReportTexts(text)) out.push({ file: `${full} (embedded)`, text: inner });
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}
