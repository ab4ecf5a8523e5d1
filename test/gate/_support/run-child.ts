// Runs one of the gate's commands as a child of a test: the environment a real run would see
// (the node:test marker, CI and GitHub variables and any base URL of the caller left out unless
// the test sets them), its own process group so a timeout ends Playwright's workers too, and
// everything it printed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './run-conformance.js';

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** The names a test's own environment must not pass on to the run it starts, unless it sets them. */
const NOT_INHERITED = ['NODE_TEST_CONTEXT', 'THERE_THERE_RUN_ID', 'THERE_THERE_BASE_URL', 'GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY', 'CI'];

/** The environment of a run: the test's own without NOT_INHERITED, then `settings`. */
export function runEnvironment(settings: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of NOT_INHERITED) delete env[name];
  for (const [name, value] of Object.entries(settings)) if (value !== undefined) env[name] = value;
  return env;
}

/** What a gate test sets for one run: its profile and, unless given, 2 cases and seed 1234. */
export interface RunSettingsOptions {
  profile: string;
  cases?: number;
  seed?: number;
  /** More variables, set last. */
  env?: Record<string, string>;
}

/** The environment of a conformance or gate run writing its reports to `reportsDir`. */
export function gateRunEnvironment(options: RunSettingsOptions, reportsDir: string): NodeJS.ProcessEnv {
  return runEnvironment({
    THERE_THERE_PROFILE: options.profile,
    THERE_THERE_REPORTS_DIR: reportsDir,
    THERE_THERE_CASES: String(options.cases ?? 2),
    THERE_THERE_SEED: String(options.seed ?? 1234),
    ...options.env,
  });
}

/** A JSON file a run wrote, or undefined when it wrote none. */
export function readJsonIfWritten<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

/** Runs `node_modules/.bin/<bin> args` from the repository root. */
export function runChild(bin: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<ChildRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(join(REPO, 'node_modules', '.bin', bin), [...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, durationMs: Date.now() - started });
    });
  });
}
