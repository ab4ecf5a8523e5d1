// `npm run mutation`: the gate against the clean target and against each fault of the catalogue,
// a few runs at a time, with reports/mutation.md and reports/mutation.json.
//   npm run mutation -- [--quick] [--faults id,...] [--cases N] [--budget-seconds S] [--seed N]
//                       [--rate-limit N] [--rate-window SECONDS] [--scope all|primary]
//                       [--max-failures N] [--stop-at-detection] [--workers N] [--parallel N]
//                       [--timeout SECONDS] [--out DIR]
// The case budget: --cases / --budget-seconds (the gate's THERE_THERE_CASES / _BUDGET_SECONDS),
// --scope primary (each fault against the specs of its primary check), --max-failures (stop a
// fault's run early), --stop-at-detection (stop it at the first finding of an expected check).
// A budgeted run that misses a fault reruns it with the whole gate.
// --quick is the budget `npm test` uses (mutation-options.ts). The clean target always gets the
// whole gate. Exit 0: clean target conformant and every fault detected by one of its expected
// checks; 1: otherwise; 2: bad arguments or no gate to run (one sentence on stderr).
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAULTS } from './catalogue.js';
import { readMutationOptions, UsageError, type MutationOptions } from './mutation/mutation-options.js';
import { profileRateLimit, writeMutationProfile, type RateLimit } from './mutation/mutation-profile.js';
import { buildReport, renderMarkdown, scoreLine } from './mutation/mutation-report.js';
import { runCatalogue } from './mutation/run-catalogue.js';
import type { RunRecord, RunSettings } from './mutation/run-one.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCAL_PROFILE = join(ROOT, 'targets', 'local.yaml');
/** The limit of a scoped fault run that judges no rate limiting: one it never reaches. */
const UNPACED: RateLimit = { limit: 1_000_000, windowSeconds: 1 };

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** The local profile's rate limit with the given parts replaced. */
function rateLimitOf(change: Partial<RateLimit>): RateLimit {
  let local: RateLimit | undefined;
  try {
    local = profileRateLimit(LOCAL_PROFILE);
  } catch {
    throw new UsageError(`The local profile ${LOCAL_PROFILE} cannot be read.`);
  }
  if (local === undefined) throw new UsageError(`The local profile ${LOCAL_PROFILE} states no rateLimit.`);
  return { ...local, ...change };
}

function describeRun(run: RunRecord): string {
  const name = run.fault ?? 'clean target';
  const fired = Object.keys(run.fired);
  const what =
    run.verdict === 'detected'
      ? `detected by ${run.firedExpected.join(', ')}`
      : run.verdict === 'clean'
        ? 'no findings'
        : `${run.verdict}${fired.length > 0 ? ` (fired: ${fired.join(', ')})` : ''}${run.problem ? `: ${run.problem}` : ''}`;
  const confirmed = run.quickPass ? ` after a whole-gate rerun (quick pass: ${run.quickPass.verdict})` : '';
  return `${name}: ${what}${confirmed} [${(run.durationMs / 1000).toFixed(1)} s, ${run.requests} requests]`;
}

async function main(): Promise<void> {
  let options: MutationOptions;
  let rateLimit: RateLimit;
  try {
    options = readMutationOptions(process.argv.slice(2));
    rateLimit = rateLimitOf(options.rateLimit);
    if (!existsSync(join(ROOT, 'playwright.config.ts'))) {
      throw new UsageError('There is no gate to run: playwright.config.ts is missing.');
    }
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const started = Date.now();
  const out = resolve(ROOT, options.out);
  const runsDir = join(out, 'mutation');
  const profilePath = join(runsDir, 'profile.yaml');
  const unpacedProfilePath = join(runsDir, 'profile-unpaced.yaml');
  try {
    rmSync(runsDir, { recursive: true, force: true });
    mkdirSync(runsDir, { recursive: true });
    writeMutationProfile(LOCAL_PROFILE, profilePath, rateLimit);
    if (options.scope === 'primary') writeMutationProfile(LOCAL_PROFILE, unpacedProfilePath, UNPACED);
  } catch (error) {
    fail(`Cannot prepare ${runsDir}: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const settings: RunSettings = {
    reportDir: runsDir,
    rateLimit,
    profilePath,
    scope: options.scope,
    root: ROOT,
    ...(options.scope === 'primary' ? { unpaced: { rateLimit: UNPACED, profilePath: unpacedProfilePath } } : {}),
    timeoutMs: options.timeoutMs,
    ...(options.cases === undefined ? {} : { cases: options.cases }),
    ...(options.budgetSeconds === undefined ? {} : { budgetSeconds: options.budgetSeconds }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.maxFailures === undefined ? {} : { maxFailures: options.maxFailures }),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    stopAtDetection: options.stopAtDetection,
  };
  const total = options.faults.length + 1;
  let done = 0;
  const { clean, faults } = await runCatalogue(options.faults, settings, options.parallel, (run) => {
    done += 1;
    process.stdout.write(`[${done}/${total}] ${describeRun(run)}\n`);
  });
  const report = buildReport(
    clean,
    faults,
    FAULTS,
    {
      parallel: options.parallel,
      scope: options.scope,
      rateLimit,
      ...(options.cases === undefined ? {} : { cases: options.cases }),
      ...(options.budgetSeconds === undefined ? {} : { budgetSeconds: options.budgetSeconds }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.maxFailures === undefined ? {} : { maxFailures: options.maxFailures }),
      ...(options.stopAtDetection ? { stopAtDetection: true } : {}),
    },
    Date.now() - started,
  );
  writeFileSync(join(out, 'mutation.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(out, 'mutation.md'), renderMarkdown(report));
  process.stdout.write(`${scoreLine(report)}\n`);
  process.exit(report.passed ? 0 : 1);
}

void main();
