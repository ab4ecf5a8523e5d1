// `npm run gate`: the release gate for CI. Runs the conformance suite, then the load smoke
// scenarios when the profile allows load, then writes the combined reports/summary.md and
// summary.json. Exit 0 when both parts pass, 1 when either found failures or breaches, 2 when
// the run cannot be judged (one sentence on stderr).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadProfile, ProfileError, type Profile } from '../core/profile.js';
import type { LoadResult } from '../load/load-result.js';
import { readResult } from '../load/read-result.js';
import { fixRunIdentity, readRunSettings, SettingsError, type RunSettings } from '../specs/support/run-settings.js';
import { combineSummary, type GateParts } from './_internals/combine-summary.js';
import { GATE_USAGE, parseGateArgs, type GateArgs } from './_internals/gate-args.js';
import { GateError } from './_internals/gate-error.js';
import { catchInterrupts, interruptedBy, runChild } from './_internals/run-child.js';
import { appendStepSummary } from './_internals/step-summary.js';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(REPO, 'node_modules', '.bin');

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseGateArgs(argv);
  if (args.help) {
    process.stdout.write(`${GATE_USAGE}\n`);
    return 0;
  }
  // Seed and run id are fixed here, so both parts and every shard's children share them.
  fixRunIdentity();
  const settings = readRunSettings();
  const profile = loadProfile(settings.profilePath);

  // From here on SIGINT/SIGTERM stop the running part gracefully (it cleans up), then the gate.
  catchInterrupts();
  const conformanceExit = await runChild(join(BIN, 'playwright'), ['test', ...(args.shard ? [`--shard=${args.shard.index}/${args.shard.count}`] : [])], childEnv(), { sigtermAs: 'SIGINT' });
  throwIfInterrupted();
  // The suite has printed its one sentence; there is nothing to combine.
  if (conformanceExit === 2 || conformanceExit > 2) return 2;

  const load = await runLoad(args, settings, profile);
  throwIfInterrupted();
  const loadExit = 'skipped' in load ? 0 : load.exit;
  const exitCode = loadExit === 2 ? 2 : conformanceExit === 0 && loadExit === 0 ? 0 : 1;
  const parts: GateParts = { reportsDir: settings.reportsDir, conformanceExit, load, exitCode };
  appendStepSummary(combineSummary(parts).markdown);
  process.stdout.write(`Gate: ${exitCode === 0 ? 'passed' : exitCode === 1 ? 'failed' : 'cannot judge'} (conformance exit ${conformanceExit}, load ${'skipped' in load ? 'not run' : `exit ${load.exit}`}); ${join(settings.reportsDir, 'summary.md')}\n`);
  return exitCode;
}

/** An interrupted run cannot be judged (exit 2): the part that was running has stopped and cleaned up. */
function throwIfInterrupted(): void {
  const signal = interruptedBy();
  if (signal !== undefined) throw new GateError(`The gate was interrupted by ${signal}, so the run cannot be judged; the part that was running stopped and ran its clean-up.`);
}

async function runLoad(args: GateArgs, settings: RunSettings, profile: Profile): Promise<GateParts['load']> {
  if (!profile.allowLoad) return { skipped: `the profile ${settings.profilePath} does not allow load (allowLoad: true)` };
  if (args.shard !== undefined && args.shard.index !== 1) return { skipped: `load runs on shard 1 only, this is shard ${args.shard.index}/${args.shard.count}` };
  const out = join(settings.reportsDir, 'load');
  const started = Date.now();
  const loadArgs = [join(REPO, 'load', 'cli.ts'), '--profile', settings.profilePath, '--out', out, '--run-id', settings.runId, ...args.loadScenarios.flatMap((name) => ['--scenario', name])];
  const exit = await runChild(join(BIN, 'tsx'), loadArgs, childEnv());
  return { exit, results: resultsWrittenSince(out, started) };
}

/** The load results (`<scenario>.json`) this run wrote: older files in the folder are left out. */
function resultsWrittenSince(dir: string, since: number): LoadResult[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).mtimeMs >= since - 1000)
    .map((file) => readResult(file, 'load result'));
}

function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT; // when a test runs the gate, its children are not node:test runs
  return env;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof GateError || error instanceof ProfileError || error instanceof SettingsError) process.stderr.write(`${error.message}\n`);
      else process.stderr.write(`The gate failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
      process.exit(2);
    },
  );
}
