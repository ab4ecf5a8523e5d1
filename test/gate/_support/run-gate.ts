// Runs `npm run gate` (bin/gate.ts) in a child process with its own profile, reports folder and
// settings, and collects what it printed and wrote.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, temporaryFolder } from './run-conformance.js';

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

export function runGate(options: GateRunOptions): Promise<GateRun> {
  const reportsDir = temporaryFolder('tt-gate-run-');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    THERE_THERE_PROFILE: options.profile,
    THERE_THERE_REPORTS_DIR: reportsDir,
    THERE_THERE_CASES: String(options.cases ?? 2),
    THERE_THERE_SEED: String(options.seed ?? 1234),
    ...options.env,
  };
  delete env.NODE_TEST_CONTEXT;
  delete env.THERE_THERE_RUN_ID;
  delete env.THERE_THERE_BASE_URL;
  delete env.GITHUB_ACTIONS;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(join(REPO, 'node_modules', '.bin', 'tsx'), ['bin/gate.ts', ...(options.args ?? [])], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The gate's own group: a timeout ends its children (Playwright, its workers, load) with it.
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, options.timeoutMs ?? 150_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const json = join(reportsDir, 'summary.json');
      const md = join(reportsDir, 'summary.md');
      resolve({
        code,
        stdout,
        stderr,
        durationMs: Date.now() - started,
        reportsDir,
        ...(existsSync(json) ? { summary: JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown> } : {}),
        ...(existsSync(md) ? { markdown: readFileSync(md, 'utf8') } : {}),
      });
    });
  });
}
