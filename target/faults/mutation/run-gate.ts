// Runs the conformance gate (`playwright test`) once against a base URL, with its reports in a
// folder of its own, and returns its exit code, duration and the log's path.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStream, streamFile } from './read-stream.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PLAYWRIGHT_CLI = join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');

/** The environment variables the gate honours (specs/support/run-settings.ts). */
export const GATE_ENV = {
  baseUrl: 'THERE_THERE_BASE_URL',
  reportsDir: 'THERE_THERE_REPORTS_DIR',
  cases: 'THERE_THERE_CASES',
  budgetSeconds: 'THERE_THERE_BUDGET_SECONDS',
  seed: 'THERE_THERE_SEED',
  runId: 'THERE_THERE_RUN_ID',
  profile: 'THERE_THERE_PROFILE',
} as const;

export interface GateRun {
  baseUrl: string;
  /** Folder for this run's reports (summary.json among them) and its log. */
  reportDir: string;
  /** Generated cases per operation, when set. */
  cases?: number;
  /** Planned run time in seconds; the gate scales its cases down to fit, when set. */
  budgetSeconds?: number;
  /** fast-check seed, so a run can be replayed; the gate draws one when unset. */
  seed?: number;
  /** The profile the gate reads (tokens, workspaces, rate limit); default the gate's own. */
  profilePath?: string;
  /** The run is killed after this long. */
  timeoutMs: number;
  /** Only these spec files (paths from the repository root); default every spec. */
  specFiles?: readonly string[];
  /** Stop after this many failed tests (`--max-failures`). */
  maxFailures?: number;
  /** Playwright workers (`--workers`); default the gate's config. */
  workers?: number;
  /** The gate's command line (default `playwright test`); tests put a stand-in here. */
  command?: readonly string[];
  /**
   * Stop the run once a streamed finding has one of these check ids (the gate's
   * findings.ndjson, polled): what the run was for is then known.
   */
  stopOnChecks?: readonly string[];
}

export interface GateResult {
  exitCode: number | null;
  durationMs: number;
  timedOut: boolean;
  /** Stopped at a finding of one of `stopOnChecks`: no summary, the stream tells what fired. */
  stoppedEarly: boolean;
  logFile: string;
}

/**
 * The gate's reporters a mutation run reads (summary.json, the findings stream) and a list for
 * its log: the HTML and JUnit reports would cost every run time that nobody reads.
 */
const MUTATION_REPORTERS = ['list', './specs/reporters/summary-reporter.ts', './specs/reporters/findings-stream-reporter.ts'];

/** How often the findings stream is read while a run may stop early. */
const STREAM_POLL_MS = 200;

export function runGate(run: GateRun): Promise<GateResult> {
  mkdirSync(run.reportDir, { recursive: true });
  const logFile = join(run.reportDir, 'gate.log');
  const log = createWriteStream(logFile);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    [GATE_ENV.baseUrl]: run.baseUrl,
    // Every report of the run (summary.json, junit, html, test-results) in its own folder, so
    // parallel runs never clean or overwrite each other's.
    [GATE_ENV.reportsDir]: run.reportDir,
    FORCE_COLOR: '0',
  };
  // Each run is a run of its own: its own id (and seed unless one is given), the local profile.
  delete env[GATE_ENV.runId];
  delete env[GATE_ENV.seed];
  delete env[GATE_ENV.cases];
  delete env[GATE_ENV.budgetSeconds];
  delete env[GATE_ENV.profile];
  if (run.cases !== undefined) env[GATE_ENV.cases] = String(run.cases);
  if (run.budgetSeconds !== undefined) env[GATE_ENV.budgetSeconds] = String(run.budgetSeconds);
  if (run.seed !== undefined) env[GATE_ENV.seed] = String(run.seed);
  if (run.profilePath !== undefined) env[GATE_ENV.profile] = run.profilePath;
  const options = [
    ...(run.maxFailures === undefined ? [] : [`--max-failures=${run.maxFailures}`]),
    ...(run.workers === undefined ? [] : [`--workers=${run.workers}`]),
  ];
  const [command, ...args] = run.command ?? [process.execPath, PLAYWRIGHT_CLI, 'test', ...options, `--reporter=${MUTATION_REPORTERS.join(',')}`, ...(run.specFiles ?? [])];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command ?? process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    let timedOut = false;
    let stoppedEarly = false;
    // The whole process group: Playwright's workers go with it.
    const killGroup = (): void => {
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, run.timeoutMs);
    const stopOn = run.stopOnChecks ?? [];
    const stream = streamFile(run.reportDir);
    rmSync(stream, { force: true });
    const poll =
      stopOn.length === 0
        ? undefined
        : setInterval(() => {
            if (stoppedEarly || !readStream(stream).some((finding) => stopOn.includes(finding.checkId))) return;
            stoppedEarly = true;
            killGroup();
          }, STREAM_POLL_MS);
    child.once('close', (code) => {
      clearTimeout(timer);
      if (poll !== undefined) clearInterval(poll);
      const exitCode = timedOut ? null : stoppedEarly ? 1 : code;
      log.end(() => resolve({ exitCode, durationMs: Date.now() - started, timedOut, stoppedEarly, logFile }));
    });
  });
}
