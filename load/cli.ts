// `npm run load`: runs load scenarios against the profile's target (starting the embedded
// reference target when nothing answers there and the profile can start one), writes the
// reports, and exits 0 (thresholds met), 1 (a breach or a regression) or 2 (cannot judge).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadProfile, ProfileError, type Profile } from '../core/profile.js';
import { parseLoadArgs, LOAD_USAGE, type LoadArgs } from './cli-args.js';
import { startEmbeddedTarget, type EmbeddedTarget } from './embedded-target.js';
import { LoadError } from './load-error.js';
import type { LoadResult } from './load-result.js';
import { loadRefusal } from './load-refusal.js';
import { Progress } from './progress.js';
import { readResult } from './read-result.js';
import { runScenario } from './run-scenario.js';
import { availableScenarios, loadScenario, type Scenario } from './scenario.js';
import { summaryLines } from './summary-lines.js';
import { TargetClient } from './target-client.js';
import { loadThresholds } from './thresholds-file.js';
import { writeReports } from './write-reports.js';

/** The order `npm run load` runs every scenario in; others follow alphabetically. */
const SMOKE_ORDER = ['read-mix', 'write-mix', 'rate-limit', 'soak', 'capacity'];

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseLoadArgs(argv);
  if (args.help) {
    process.stdout.write(`${LOAD_USAGE}\n`);
    return 0;
  }
  const profile = loadProfile(args.profile);
  const refusal = loadRefusal(profile);
  if (refusal) throw new LoadError(refusal);

  const book = loadThresholds(args.thresholds);
  const names = args.scenarios.length > 0 ? args.scenarios : orderedScenarios();
  const progress = new Progress({ quiet: args.quiet });
  const scenarios = names
    .map((name) => loadScenario(name))
    .filter((scenario) => {
      const refused = loadRefusal(profile, scenario);
      if (refused && args.scenarios.length > 0) throw new LoadError(refused);
      // Running every scenario against a read-only profile: the writing ones are left out.
      if (refused) progress.say(`Skipped: ${refused}`);
      return refused === undefined;
    });
  const baselines = new Map(scenarios.map((scenario) => [scenario.name, baselineFor(args, scenario, scenarios.length)]));

  const { effective, embedded } = await reachTarget(profile, progress);
  const controller = new AbortController();
  let interrupts = 0;
  let firstAt = 0;
  const onSignal = (): void => {
    // Ctrl-C reaches this process through its group and again through the gate that forwards it:
    // a repeat within a second is the same interrupt (as Playwright treats it), not "quit now".
    if (interrupts > 0 && Date.now() - firstAt < 1000) return;
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    firstAt = Date.now();
    progress.say('Interrupted: finishing what is in flight and cleaning up (press Ctrl-C again to quit at once).');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const runId = args.runId ?? `lr${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36).padStart(3, '0')}`;
  const results: LoadResult[] = [];
  try {
    for (const scenario of scenarios) {
      if (controller.signal.aborted) break;
      progress.say(`${scenario.name} (${args.size}): ${scenario.description}`);
      const baseline = baselines.get(scenario.name);
      const result = await runScenario({
        scenario,
        size: args.size,
        profile: effective,
        embedded: embedded !== undefined,
        shard: args.shard,
        ...(args.seconds === undefined ? {} : { seconds: args.seconds }),
        runId,
        seed: args.seed,
        judging: { thresholds: book.forScenario(scenario.name, args.size), regressions: book.regressions, ...(baseline ? { baseline } : {}) },
        progress,
        signal: controller.signal,
      });
      results.push(result);
      const files = writeReports(result, args.out);
      process.stdout.write(`${summaryLines(result, files).join('\n')}\n`);
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await embedded?.stop();
  }
  if (controller.signal.aborted) throw new LoadError('The run was interrupted, so it cannot be judged (reports of finished scenarios were written)');
  return results.every((result) => result.passed) ? 0 : 1;
}

function orderedScenarios(): string[] {
  const available = availableScenarios();
  return [...SMOKE_ORDER.filter((name) => available.includes(name)), ...available.filter((name) => !SMOKE_ORDER.includes(name))];
}

/** --baseline is a result file (one scenario) or a folder holding <scenario>.json files. */
function baselineFor(args: LoadArgs, scenario: Scenario, count: number): { file: string; result: LoadResult } | undefined {
  if (args.baseline === undefined) return undefined;
  const isDirectory = existsSync(args.baseline) && statSync(args.baseline).isDirectory();
  if (!isDirectory && count > 1) throw new LoadError('--baseline must be a folder of <scenario>.json files when several scenarios run');
  const file = isDirectory ? join(args.baseline, `${scenario.name}.json`) : args.baseline;
  if (isDirectory && !existsSync(file)) return undefined;
  const result = readResult(file, 'baseline');
  if (result.scenario !== scenario.name) throw new LoadError(`The baseline ${file} is a result of ${result.scenario}, not of ${scenario.name}`);
  return { file, result };
}

/** The profile's target, or the embedded one when nothing answers and the profile can start it. */
async function reachTarget(profile: Profile, progress: Progress): Promise<{ effective: Profile; embedded?: EmbeddedTarget }> {
  const client = new TargetClient(profile.baseUrl);
  if (await client.answers(profile.tokens.admin)) return { effective: profile };
  const overridden = (process.env.THERE_THERE_BASE_URL ?? '').trim() !== '';
  if (profile.start === undefined || overridden) throw new LoadError(`Nothing answers at ${profile.baseUrl}, so the load run cannot start`);
  progress.say(`Nothing answers at ${profile.baseUrl}: starting the embedded reference target on a free port.`);
  const embedded = await startEmbeddedTarget();
  progress.say(`Embedded reference target at ${embedded.baseUrl} (rate limit ${embedded.rateLimit.limit} per ${embedded.rateLimit.windowSeconds}s per token).`);
  return { effective: { ...profile, baseUrl: embedded.baseUrl, rateLimit: embedded.rateLimit }, embedded };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof LoadError || error instanceof ProfileError) process.stderr.write(`${error.message}\n`);
      else process.stderr.write(`The load run failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
      process.exit(2);
    },
  );
}
