// `npm run gate:merge -- --from DIR [DIR...]`: joins the reports folders of the shards of one
// gate run (`npm run gate -- --shard i/n` on n machines) into one report set: Playwright's
// merge-reports replays the shards' blob reports into junit.xml, html/ and our summary reporter
// (given back the worker reports that live outside the blobs), then the load figures of shard 1
// are added as the gate does. Exit 0 when the whole run is conformant and its thresholds met, 1
// on findings or a breach, 2 when the shards cannot be merged or the run cannot be judged.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runStateDir } from '../specs/support/worker-report.js';
import { combineSummary, type GateParts } from './_internals/combine-summary.js';
import { GateError } from './_internals/gate-error.js';
import { GATE_MERGE_USAGE, parseGateMergeArgs } from './_internals/gate-merge-args.js';
import { catchInterrupts, interruptedBy, runChild } from './_internals/run-child.js';
import { collectShardOutputs, type ShardOutput } from './_internals/shard-outputs.js';
import { loadPartOfShard } from './_internals/shard-load.js';
import { appendStepSummary } from './_internals/step-summary.js';
import { loadProfile, ProfileError } from '../core/profile.js';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(REPO, 'node_modules', '.bin');
const MERGE_CONFIG = join(REPO, 'bin', '_internals', 'merge.config.ts');

/** The merged conformance verdict as the exit code `playwright test` would have given. */
const VERDICT_EXIT: Record<string, number> = { conformant: 0, findings: 1, 'cannot-judge': 2, interrupted: 2 };

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseGateMergeArgs(argv);
  if (args.help) {
    process.stdout.write(`${GATE_MERGE_USAGE}\n`);
    return 0;
  }
  const shards = collectShardOutputs(args.from);
  catchInterrupts(); // a SIGTERM stops merge-reports and still removes the staging folders below
  const out = resolve(args.out ?? ((process.env.THERE_THERE_REPORTS_DIR ?? '').trim() || 'reports'));
  const identity = runIdentity(shards);
  sameProfile(shards);
  // Everything is read from the shards before anything is written: --out may be one of them.
  const load = loadPartOfShard(shards[0] as ShardOutput);
  mkdirSync(out, { recursive: true });
  for (const name of ['summary.json', 'summary.md']) rmSync(join(out, name), { force: true });
  putBackWorkerReports(shards, runStateDir(out, identity.runId));

  const staging = mkdtempSync(join(tmpdir(), 'tt-gate-merge-'));
  let mergeExit: number;
  try {
    for (const output of shards) cpSync(output.blobFile, join(staging, basename(output.blobFile)));
    const env: NodeJS.ProcessEnv = { ...process.env, THERE_THERE_REPORTS_DIR: out, THERE_THERE_SEED: String(identity.seed), THERE_THERE_RUN_ID: identity.runId };
    delete env.NODE_TEST_CONTEXT; // when a test runs the merge, Playwright is not a node:test run
    mergeExit = await runChild(join(BIN, 'playwright'), ['merge-reports', '--config', MERGE_CONFIG, staging], env);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(runStateDir(out, identity.runId), { recursive: true, force: true });
  }
  const signal = interruptedBy();
  if (signal !== undefined) throw new GateError(`The merge was interrupted by ${signal}; its staging folders are removed, run it again.`);
  const summaryFile = join(out, 'summary.json');
  if (!existsSync(summaryFile)) throw new GateError(`Playwright could not merge the blob reports (merge-reports exited with ${mergeExit}; its output is above).`);
  const verdict = String((JSON.parse(readFileSync(summaryFile, 'utf8')) as { verdict?: unknown }).verdict);
  const conformanceExit = VERDICT_EXIT[verdict] ?? 2;

  copyLoadReports(shards[0] as ShardOutput, out);
  const loadExit = 'skipped' in load ? 0 : load.exit;
  const exitCode = conformanceExit === 2 || loadExit === 2 ? 2 : conformanceExit === 0 && loadExit === 0 ? 0 : 1;
  const parts: GateParts = { reportsDir: out, conformanceExit, load, exitCode };
  appendStepSummary(combineSummary(parts).markdown);
  const word = exitCode === 0 ? 'passed' : exitCode === 1 ? 'failed' : 'cannot judge';
  process.stdout.write(`Gate (${shards.length} shards merged): ${word} (conformance ${verdict}, load ${'skipped' in load ? 'not run' : `exit ${load.exit}`}); ${join(out, 'summary.md')}\n`);
  return exitCode;
}

/**
 * The merge redacts the shards' replayed messages with the profile's tokens and names its target:
 * it must read the profile the shards ran with, and be able to load it (its `${ENV}` secrets set).
 */
function sameProfile(shards: readonly ShardOutput[]): void {
  const own = (process.env.THERE_THERE_PROFILE ?? '').trim() || 'targets/local.yaml';
  const theirs = [...new Set(shards.map((output) => output.summary?.profile).filter((profile): profile is string => typeof profile === 'string'))];
  const other = theirs.find((profile) => normalize(profile) !== normalize(own));
  if (other !== undefined) throw new GateError(`The shards ran with the profile ${other} but this merge reads ${own}: set THERE_THERE_PROFILE (and its secrets) as for the shards, so the merged reports name their target and redact their tokens.`);
  try {
    loadProfile(own);
  } catch (error) {
    if (error instanceof ProfileError) throw new GateError(`The merge cannot load the shards' profile, so it could not redact their tokens: ${error.message}`);
    throw error;
  }
}

/** The run id form of specs/support/run-settings.ts. */
const RUN_ID = /^[a-z0-9-]{4,40}$/;

/** The seed and run id the shards share (the merged summary names them). */
function runIdentity(shards: readonly ShardOutput[]): { seed: number; runId: string } {
  const withIdentity = shards.filter((output) => typeof output.summary?.seed === 'number' && typeof output.summary.runId === 'string');
  const first = withIdentity[0]?.summary;
  if (first === undefined) throw new GateError(`No shard folder holds a summary.json with the run's seed and run id (${shards.map((output) => output.dir).join(', ')}).`);
  const distinct = new Set(withIdentity.map((output) => `${output.summary?.seed} ${output.summary?.runId}`));
  // Shards of different runs are not one run: merging them would mix findings of other seeds.
  if (distinct.size > 1) throw new GateError(`The shards ran with different seeds or run ids (${[...distinct].join('; ')}): set THERE_THERE_SEED and THERE_THERE_RUN_ID once for all shards of a run.`);
  const runId = first.runId as string;
  // The run id names a folder the merge writes and removes: only what the gate itself accepts.
  if (!RUN_ID.test(runId) || !Number.isInteger(first.seed)) throw new GateError(`The shards' summary.json names a run id or seed the gate never writes (${JSON.stringify(runId)}, ${JSON.stringify(first.seed)}).`);
  return { seed: first.seed as number, runId };
}

/** The worker reports each shard kept, where the summary reporter collects a run's at its end. */
function putBackWorkerReports(shards: readonly ShardOutput[], dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const output of shards) {
    if (output.workers === undefined) {
      process.stderr.write(`Shard ${output.shard.current} of ${output.shard.total} kept no worker reports in ${output.dir}: its requests and clean-up are missing from the merged summary.\n`);
      continue;
    }
    output.workers.forEach((report, index) => writeFileSync(join(dir, `worker-${output.shard.current}-of-${output.shard.total}-${index}.json`), JSON.stringify(report)));
  }
}

/** Shard 1's load reports (json, md, html per scenario) into the merged set. */
function copyLoadReports(first: ShardOutput, out: string): void {
  const from = join(first.dir, 'load');
  const to = join(out, 'load');
  if (!existsSync(from) || resolve(from) === resolve(to)) return;
  cpSync(from, to, { recursive: true });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof GateError) process.stderr.write(`${error.message}\n`);
      else process.stderr.write(`The merge failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
      process.exit(2);
    },
  );
}
