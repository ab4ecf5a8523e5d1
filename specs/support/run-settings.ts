// The settings of one conformance run, read from the environment. playwright.config.ts reads
// them in the runner and fixes the run's identity (seed, run id) in the environment, so every
// worker Playwright forks afterwards sees the same values.
//
//   THERE_THERE_PROFILE         target profile (default targets/local.yaml)
//   THERE_THERE_BASE_URL        overrides the profile's baseUrl (read by core/profile)
//   THERE_THERE_SPEC            the contract (default openapi.yaml)
//   THERE_THERE_SEED            fast-check seed of the run (default: drawn once per run)
//   THERE_THERE_CASES           generated cases per operation (default 25)
//   THERE_THERE_BUDGET_SECONDS  planned run time; scales the cases down to fit the rate limit
//   THERE_THERE_REPORTS_DIR     where reports go (default reports)
//   THERE_THERE_REQUEST_TIMEOUT_SECONDS  per-request timeout of the suite's client (default 10)

import { randomInt } from 'node:crypto';

export const DEFAULT_CASES = 25;

export interface RunSettings {
  profilePath: string;
  specPath: string;
  reportsDir: string;
  seed: number;
  cases: number;
  budgetSeconds?: number;
  /** Per-request timeout of the workers' client, when set (the client's default otherwise). */
  requestTimeoutMs?: number;
  /** Marks everything this run creates: `ttgate-<base36 time><2 random>`. */
  runId: string;
}

/** Bad input in the environment: one sentence, exit code 2. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** Draws the seed and run id once, in the runner, unless the caller fixed them. */
export function fixRunIdentity(env: NodeJS.ProcessEnv = process.env): void {
  if (env.THERE_THERE_SEED === undefined || env.THERE_THERE_SEED.trim() === '') env.THERE_THERE_SEED = String(randomInt(1, 2 ** 31 - 1));
  if (env.THERE_THERE_RUN_ID === undefined || env.THERE_THERE_RUN_ID.trim() === '') env.THERE_THERE_RUN_ID = newRunId();
}

export function readRunSettings(env: NodeJS.ProcessEnv = process.env): RunSettings {
  const seed = integer(env, 'THERE_THERE_SEED', undefined, -(2 ** 31), 2 ** 31 - 1);
  const runId = (env.THERE_THERE_RUN_ID ?? '').trim();
  if (seed === undefined || runId === '') throw new SettingsError('The run has no seed or run id yet: start it with `npx playwright test` (playwright.config.ts sets both).');
  if (!/^[a-z0-9-]{4,40}$/.test(runId)) throw new SettingsError(`THERE_THERE_RUN_ID must be 4 to 40 lower-case letters, digits or dashes, got ${JSON.stringify(runId)}.`);
  const budget = number(env, 'THERE_THERE_BUDGET_SECONDS');
  const requestTimeout = number(env, 'THERE_THERE_REQUEST_TIMEOUT_SECONDS');
  // Below 0.1 s rounds towards 0 (no timeout at all for Playwright); above 600 s timers overflow or nobody waits.
  if (requestTimeout !== undefined && (requestTimeout < 0.1 || requestTimeout > 600)) {
    throw new SettingsError(`THERE_THERE_REQUEST_TIMEOUT_SECONDS must be from 0.1 to 600 seconds, got ${JSON.stringify(env.THERE_THERE_REQUEST_TIMEOUT_SECONDS?.trim())}.`);
  }
  return {
    profilePath: text(env, 'THERE_THERE_PROFILE', 'targets/local.yaml'),
    specPath: text(env, 'THERE_THERE_SPEC', 'openapi.yaml'),
    reportsDir: text(env, 'THERE_THERE_REPORTS_DIR', 'reports'),
    seed,
    cases: integer(env, 'THERE_THERE_CASES', DEFAULT_CASES, 1, 100_000) ?? DEFAULT_CASES,
    ...(budget === undefined ? {} : { budgetSeconds: budget }),
    ...(requestTimeout === undefined ? {} : { requestTimeoutMs: Math.round(requestTimeout * 1000) }),
    runId,
  };
}

function newRunId(): string {
  const time = Math.floor(Date.now() / 1000).toString(36);
  const random = randomInt(0, 36 ** 2).toString(36).padStart(2, '0');
  return `ttgate-${time}${random}`;
}

function text(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? fallback : value;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number | undefined, min: number, max: number): number | undefined {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return fallback;
  if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new SettingsError(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}.`);
  }
  return Number(value);
}

function number(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return undefined;
  if (!/^\d+(\.\d+)?$/.test(value) || !(Number(value) > 0)) throw new SettingsError(`${name} must be a positive number of seconds, got ${JSON.stringify(value)}.`);
  return Number(value);
}
