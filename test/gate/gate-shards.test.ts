// `--shard i/n` and `npm run gate:merge`: three shards of the conformance run, each its own
// Playwright process with its own reports folder (as on three CI machines), merged into one report
// set that holds the same tests with the same outcomes and the same findings as one unsharded run
// of the same specs and seed. The target has two faults, so there are findings to compare in more
// than one shard: `unknown-route-html` (routing) and `articles-without-auth` (access); what they
// break does not depend on the generated cases or on timing. Few failing tests on purpose: after
// each failure Playwright starts a new worker, seconds each on a busy machine. Also: GitHub annotations and the job summary, shard 1's load figures in
// the merged summary, and the inputs the merge refuses (exit 2).
//
// Wall time: 45 to 65 s measured on a 2-core machine busy with other runs (load average 6 to 11;
// each Playwright process spends some 5 s starting); the shards run one after another against one target while the unsharded run runs
// beside them against a second, so no two runs share run-id labels on one target at the same time.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { RESULT_FORMAT } from '../../load/load-result.js';
import { buildApp } from '../../target/app.js';
import { assertCannotJudge } from './_support/cannot-judge.js';
import { FAST_RATE, localSecrets, writeProfile } from './_support/gate-target.js';
import { runChild, runEnvironment, type ChildRun } from './_support/run-child.js';
import { removeTemporaryFolders, reportFiles, temporaryFolder } from './_support/run-conformance.js';

const SPECS = ['specs/routing.spec.ts', 'specs/access.spec.ts', 'specs/validation.spec.ts'];
const SEED = '20261125';
const RUN_ID = 'ttgate-shard-test';
const FAULTS = ['unknown-route-html', 'articles-without-auth'];

/** A child of the repository's own binaries (playwright, tsx) with the shared case budget, seed and run id. */
function runPart(bin: string, args: string[], settings: Record<string, string>, timeoutMs = 150_000): Promise<ChildRun> {
  return runChild(bin, args, runEnvironment({ THERE_THERE_CASES: '2', THERE_THERE_SEED: SEED, THERE_THERE_RUN_ID: RUN_ID, ...settings }), timeoutMs);
}

async function startTarget(): Promise<{ app: FastifyInstance; profile: string }> {
  const app = await buildApp({ rateLimit: FAST_RATE, faults: FAULTS });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, profile: writeProfile({ baseUrl: `http://127.0.0.1:${port}/api` }) };
}

interface SummaryJson {
  verdict: string;
  seed: number;
  runId: string;
  tests: { total: number; passed: number; failed: number; skipped: number };
  checks: Record<string, { findings: number; occurrences: number }>;
  findings: Array<{ checkId: string; operations: Array<{ findings: Array<{ dedupKey: string }> }> }>;
  requests: { sent: number };
  gate?: { exitCode: number; load: unknown };
  load?: { ran: boolean; scenarios?: Array<{ scenario: string }> };
}

function readSummary(dir: string): SummaryJson {
  return JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as SummaryJson;
}

/** Test title → outcome, from a junit.xml (failed, skipped or passed). */
function junitOutcomes(file: string): Map<string, string> {
  const xml = readFileSync(file, 'utf8');
  const outcomes = new Map<string, string>();
  for (const match of xml.matchAll(/<testcase name="([^"]*)" classname="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const body = match[4] ?? '';
    outcomes.set(`${match[2]} › ${match[1]}`, /<failure/.test(body) ? 'failed' : /<skipped/.test(body) ? 'skipped' : 'passed');
  }
  return outcomes;
}

/** The findings' dedup keys, ULIDs masked: the two targets drew their own ids for the same seed data. */
function dedupKeys(summary: SummaryJson): string[] {
  const keys = summary.findings.flatMap((check) => check.operations.flatMap((operation) => operation.findings.map((finding) => finding.dedupKey)));
  return keys.map((key) => key.replace(/\b[0-9a-hjkmnp-tv-z]{26}\b/gi, '<ulid>')).sort();
}

/** A load result of one smoke scenario, as shard 1's gate would have left it. */
function fakeLoadResult(): Record<string, unknown> {
  return {
    format: RESULT_FORMAT,
    scenario: 'read-mix',
    size: 'smoke',
    passed: false,
    durationSeconds: 10,
    metrics: {},
    record: {},
    thresholds: [{ expression: 'p99 < 250ms', metric: 'p99', passed: false, measured: 812, limit: 250, message: 'p99 812 ms, limit 250 ms' }],
  };
}

let sharded: { app: FastifyInstance; profile: string };
let whole: { app: FastifyInstance; profile: string };
const shardDirs: string[] = [];
let wholeDir: string;
let mergedDir: string;
let stepSummary: string;
let shardRuns: ChildRun[] = [];
let merge: ChildRun;
let unshardedRun: ChildRun;

before(async () => {
  const started = Date.now();
  [sharded, whole] = await Promise.all([startTarget(), startTarget()]);
  wholeDir = temporaryFolder('tt-gate-whole-');
  const runShards = async (): Promise<ChildRun[]> => {
    const runs: ChildRun[] = [];
    for (const index of [1, 2, 3]) {
      const dir = temporaryFolder(`tt-gate-shard${index}-`);
      shardDirs.push(dir);
      // The shards run as on GitHub Actions (annotations in their output); the unsharded run does not.
      runs.push(await runPart('playwright', ['test', `--shard=${index}/3`, ...SPECS], { THERE_THERE_PROFILE: sharded.profile, THERE_THERE_REPORTS_DIR: dir, GITHUB_ACTIONS: 'true', CI: 'true' }));
    }
    return runs;
  };
  const [runs, wholeRun] = await Promise.all([runShards(), runPart('playwright', ['test', ...SPECS], { THERE_THERE_PROFILE: whole.profile, THERE_THERE_REPORTS_DIR: wholeDir })]);
  shardRuns = runs;
  unshardedRun = wholeRun;

  // Shard 1 as the gate leaves it when the profile allows load: its combined summary names the load run.
  const first = shardDirs[0] as string;
  const firstSummary = readSummary(first) as unknown as Record<string, unknown>;
  writeFileSync(join(first, 'summary.json'), JSON.stringify({ ...firstSummary, gate: { verdict: 'failed', exitCode: 1, load: { exitCode: 1, verdict: 'failed' } }, load: { ran: true, scenarios: [{ scenario: 'read-mix' }] } }));
  mkdirSync(join(first, 'load'), { recursive: true });
  writeFileSync(join(first, 'load', 'read-mix.json'), JSON.stringify(fakeLoadResult()));

  mergedDir = temporaryFolder('tt-gate-merged-');
  stepSummary = join(temporaryFolder('tt-gate-step-'), 'step-summary.md');
  writeFileSync(stepSummary, '# an earlier step\n');
  merge = await runPart('tsx', ['bin/gate-merge.ts', '--from', ...shardDirs, '--out', mergedDir], { THERE_THERE_PROFILE: sharded.profile, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: stepSummary });
  process.stdout.write(`# shards, unsharded run and merge: ${Date.now() - started} ms (shards ${shardRuns.map((run) => run.durationMs).join(', ')} ms, merge ${merge.durationMs} ms)\n`);
});

after(async () => {
  await Promise.all([sharded?.app.close(), whole?.app.close()]);
  removeTemporaryFolders();
});

describe('three shards merged', () => {
  it('each shard ran its share and left a blob report and its worker reports', () => {
    shardRuns.forEach((run, index) => {
      assert.ok(run.code === 0 || run.code === 1, `shard ${index + 1} exit ${run.code}\n${run.stderr}`);
      const dir = shardDirs[index] as string;
      assert.ok(existsSync(join(dir, 'blob', `report-${index + 1}-of-3.zip`)), `shard ${index + 1} blob report`);
      assert.ok(existsSync(join(dir, 'shard', `workers-${index + 1}-of-3.json`)), `shard ${index + 1} worker reports`);
    });
    const shares = shardDirs.map((dir) => readSummary(dir).tests.total);
    assert.ok(shares.every((total) => total > 0), `every shard ran tests: ${shares.join(', ')}`);
  });

  it('merges into the same tests with the same outcomes as one unsharded run', () => {
    assert.equal(merge.code, 1, `gate:merge exit ${merge.code}\n${merge.stdout}\n${merge.stderr}`);
    const merged = junitOutcomes(join(mergedDir, 'junit.xml'));
    const unsharded = junitOutcomes(join(wholeDir, 'junit.xml'));
    assert.ok(unsharded.size > 100, `${unsharded.size} tests`);
    assert.deepEqual([...merged.entries()].sort(), [...unsharded.entries()].sort());
    const [mergedSummary, wholeSummary] = [readSummary(mergedDir), readSummary(wholeDir)];
    assert.deepEqual(mergedSummary.tests, wholeSummary.tests);
    assert.equal(mergedSummary.tests.total, shardDirs.map((dir) => readSummary(dir).tests.total).reduce((a, b) => a + b, 0));
    assert.ok(existsSync(join(mergedDir, 'html', 'index.html')), 'the merged HTML report');
  });

  it('merges into the same findings: check ids, counts and dedup keys', () => {
    const [merged, unsharded] = [readSummary(mergedDir), readSummary(wholeDir)];
    assert.equal(merged.verdict, 'findings');
    assert.equal(unsharded.verdict, 'findings');
    assert.ok((unsharded.checks['unknown-route']?.findings ?? 0) > 0 && (unsharded.checks['auth-required']?.findings ?? 0) > 0, 'both faults were found');
    assert.deepEqual(Object.fromEntries(Object.entries(merged.checks).map(([id, check]) => [id, check.findings])), Object.fromEntries(Object.entries(unsharded.checks).map(([id, check]) => [id, check.findings])));
    assert.deepEqual(dedupKeys(merged), dedupKeys(unsharded));
    assert.equal(merged.seed, Number(SEED));
    assert.equal(merged.runId, RUN_ID);
    // The worker reports came back from outside the blobs: every shard's requests are counted.
    const shardRequests = shardDirs.map((dir) => readSummary(dir).requests.sent).reduce((a, b) => a + b, 0);
    assert.equal(merged.requests.sent, shardRequests);
  });

  it('adds the load figures of shard 1 and writes the job summary on GitHub Actions', () => {
    const merged = readSummary(mergedDir);
    assert.equal(merged.gate?.exitCode, 1);
    assert.deepEqual(merged.load?.scenarios?.map((scenario) => scenario.scenario), ['read-mix']);
    const markdown = readFileSync(join(mergedDir, 'summary.md'), 'utf8');
    assert.match(markdown, /^# Release gate: failed/);
    assert.match(markdown, /## read-mix \(smoke\): failed/);
    assert.match(markdown, /`p99 < 250ms` \| \*\*breached\*\*/);
    assert.ok(existsSync(join(mergedDir, 'load', 'read-mix.json')), 'shard 1 load reports copied');
    assert.equal(readFileSync(stepSummary, 'utf8'), `# an earlier step\n${markdown}`);
  });

  it('annotates failures for GitHub when GITHUB_ACTIONS is set, and only then', () => {
    const withFindings = shardRuns.filter((run) => run.code === 1);
    assert.ok(withFindings.length > 0, 'some shard had findings');
    for (const run of withFindings) assert.match(run.stdout, /::error file=specs\/.*\.ts,title=specs\/.*\.spec\.ts/);
    assert.equal(unshardedRun.code, 1);
    assert.doesNotMatch(unshardedRun.stdout, /::error/);
  });

  it('prints and writes no token, in the HTML report either', () => {
    const written = reportFiles(mergedDir);
    assert.ok(written.some((entry) => entry.file.endsWith('(embedded)')), 'the HTML report was read');
    for (const secret of localSecrets()) {
      assert.ok(!(merge.stdout + merge.stderr).includes(secret), 'a token in the merge output');
      for (const { file, text } of written) assert.ok(!text.includes(secret), `a token in ${file}`);
    }
  });
});

describe('gate:merge cannot merge', () => {
  it('a folder that does not exist', async () => {
    const run = await runPart('tsx', ['bin/gate-merge.ts', '--from', join(temporaryFolder('tt-gate-none-'), 'missing')], {});
    assertCannotJudge(run, /The shard folder .*missing does not exist or is not a folder\./);
  });

  it('a folder without blob reports', async () => {
    const run = await runPart('tsx', ['bin/gate-merge.ts', '--from', wholeDir], {});
    assertCannotJudge(run, /holds no blob report/);
  });

  it('a shard missing', async () => {
    const run = await runPart('tsx', ['bin/gate-merge.ts', '--from', shardDirs[0] as string, shardDirs[2] as string, '--out', temporaryFolder('tt-gate-merged-')], {});
    assertCannotJudge(run, /Shard 2 of 3 is missing: pass the reports folder of every shard\./);
  });

  it('with another profile than the shards ran with (it could not redact their tokens)', async () => {
    const run = await runPart('tsx', ['bin/gate-merge.ts', '--from', ...shardDirs, '--out', temporaryFolder('tt-gate-merged-')], {});
    assertCannotJudge(run, /The shards ran with the profile .* but this merge reads targets\/local\.yaml/);
  });

  it('no folder named', async () => {
    assertCannotJudge(await runPart('tsx', ['bin/gate-merge.ts'], {}), /Name the reports folder of every shard/);
  });
});
