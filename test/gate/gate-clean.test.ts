// One whole `npm run gate` (bin/gate.ts as a child: conformance, then the load smoke) against
// the reference target started as a separate process on a temp database file. One run, several
// verdicts: exit 0 with every report, every operation's 2xx but one, no 429 by accident, no token
// anywhere it printed or wrote, and, read straight from the database before and after, nothing
// the run did not create changed and nothing it created left behind but what the API cannot delete.
//
// What may legitimately differ in the database, and why (checked on a real run: only the two
// tables below gained rows; every other table is row-for-row identical):
// - the rate limiter's windows live in the target's memory (target/http/rate-limiter.ts), not in
//   the database, so nothing is excluded for them;
// - invitations (and their invitation_channels) made by POST /members/invite: no operation of
//   the API removes one. They must carry the run id and be listed as left behind in summary.json.
// Tickets have no DELETE either, but the run removes them by deleting the contact it created for
// them (the contract: DELETE /contacts/{contact} deletes its tickets), so they must all be gone.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addedRows, missingRows, snapshotDb, type DbSnapshot } from './_support/db-snapshot.js';
import { localSecrets, writeProfile } from './_support/gate-target.js';
import { runGate, type GateRun } from './_support/run-gate.js';
import { removeTemporaryFolders, reportFiles, type GateSummary } from './_support/run-conformance.js';
import { startTargetProcess, type TargetProcess } from './_support/target-process.js';

// A limit the rate-limit spec can burst through quickly, high enough that paced clients never wait long.
const RATE = { limit: 200, windowSeconds: 2 };
/** The tables that may gain rows, and only rows that carry the run id (see above). */
const UNDELETABLE = new Set(['invitations', 'invitation_channels']);

let target: TargetProcess;
let run: GateRun;
let rowsBefore: DbSnapshot;
let rowsAfter: DbSnapshot;

before(async () => {
  target = await startTargetProcess({ rateLimit: RATE });
  rowsBefore = snapshotDb(target.dbFile);
  const profile = writeProfile({ baseUrl: `${target.origin}/api`, rateLimit: RATE, allowLoad: true });
  // The load part: the scenario that creates data, and one that reads.
  run = await runGate({ profile, args: ['--load-scenario', 'write-mix,read-mix'], cases: 3, seed: 20_250_601, timeoutMs: 240_000 });
  rowsAfter = snapshotDb(target.dbFile);
});

after(async () => {
  await target?.close();
  removeTemporaryFolders();
});

const summary = (): GateSummary & { runId: string; gate: { verdict: string }; leftBehind: Array<{ resource: string; id: string }>; load: { ran: boolean; scenarios: Array<{ scenario: string; passed: boolean; thresholds: Array<{ metric: string; passed: boolean }> }> } } =>
  run.summary as never;

describe('a whole gate run against the reference target', () => {
  it('exits 0 and writes summary.md|json with the load figures, junit.xml and the HTML report', () => {
    const context = `exit ${run.code} after ${run.durationMs} ms\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-2000)}`;
    assert.equal(summary().verdict, 'conformant', context);
    assert.deepEqual(summary().checks, {});
    assert.ok(summary().tests.passed > 300, `only ${summary().tests.passed} tests passed`);
    const scenarios = summary().load.scenarios;
    assert.deepEqual(scenarios.map((entry) => entry.scenario).sort(), ['read-mix', 'write-mix']);
    assert.ok(scenarios.every((entry) => entry.thresholds.length > 0));
    // The smoke thresholds include the load generator's own timing (late_rate, p99,
    // achieved_ratio): on a machine busy with other work they can miss while the target is fine.
    // Only such a miss may turn the exit into 1; any other breach (errors, clean-up) fails here.
    const breached = scenarios.flatMap((entry) => entry.thresholds.filter((outcome) => !outcome.passed).map((outcome) => `${entry.scenario}: ${outcome.metric}`));
    assert.deepEqual(breached.filter((name) => !/: (late_rate|p99|achieved_ratio)$/.test(name)), [], context);
    if (breached.length > 0) process.stdout.write(`# load timing missed on a busy machine (exit 1 accepted): ${breached.join(', ')}\n`);
    assert.equal(run.code, breached.length === 0 ? 0 : 1, context);
    assert.equal(summary().gate.verdict, breached.length === 0 ? 'passed' : 'failed');
    assert.match(run.markdown ?? '', breached.length === 0 ? /# Release gate: passed/ : /# Release gate: failed/);
    assert.match(run.markdown ?? '', /## write-mix \(smoke\): (thresholds met|failed)/);
    assert.ok(existsSync(join(run.reportsDir, 'junit.xml')), 'junit.xml');
    assert.ok(existsSync(join(run.reportsDir, 'html', 'index.html')), 'the HTML report');
    process.stdout.write(`# gate run: ${(run.durationMs / 1000).toFixed(1)} s\n`);
  });

  it('sees every operation answer 2xx, except the one it may not perform', () => {
    const without2xx = Object.entries(summary().coverage).filter(([, entry]) => !Object.keys(entry.statuses).some((status) => /^2\d\d$/.test(status)));
    assert.deepEqual(without2xx.map(([key]) => key), ['DELETE /members/{user}']);
    assert.ok(summary().skippedOperations.some((entry) => entry.operationKey === 'DELETE /members/{user}' && /created/.test(entry.reason)));
  });

  it('meets no 429 by accident', () => {
    assert.equal(summary().requests.rateLimited, 0);
  });

  it('prints and writes no token, not even the secret part', () => {
    const outputs = [{ file: 'stdout', text: run.stdout }, { file: 'stderr', text: run.stderr }, ...reportFiles(run.reportsDir)];
    assert.ok(outputs.some(({ file }) => file.endsWith('(embedded)')), 'the HTML report’s data was read');
    assert.ok(outputs.some(({ file }) => file.endsWith('write-mix.html')), 'the load reports were read');
    for (const secret of localSecrets()) {
      for (const { file, text } of outputs) assert.ok(!text.includes(secret), `${file} contains a token`);
    }
  });

  it('leaves every row it did not create byte-identical, and every table’s count as it was', () => {
    assert.ok((rowsBefore.get('tickets')?.length ?? 0) > 100, 'the seed data was read');
    assert.deepEqual(Object.fromEntries(missingRows(rowsBefore, rowsAfter)), {}, 'rows changed or deleted');
    const added = addedRows(rowsBefore, rowsAfter);
    const unexpected = [...added].filter(([table]) => !UNDELETABLE.has(table));
    assert.deepEqual(Object.fromEntries(unexpected), {}, 'rows left behind');
  });

  it('leaves only invitations, each carrying the run id and listed in the summary', () => {
    const added = addedRows(rowsBefore, rowsAfter);
    const invitations = (added.get('invitations') ?? []).map((row) => JSON.parse(row) as { id: number; ulid: string; email: string });
    assert.deepEqual([...new Set(summary().leftBehind.map((item) => item.resource))], ['invite'], 'the summary lists invitations only');
    const listed = summary().leftBehind.map((item) => item.id);
    assert.deepEqual(invitations.map((row) => row.ulid).sort(), [...listed].sort());
    for (const row of invitations) assert.ok(row.email.includes(summary().runId), `invitation ${row.ulid} does not carry the run id`);
    const ids = new Set(invitations.map((row) => row.id));
    for (const row of added.get('invitation_channels') ?? []) assert.ok(ids.has((JSON.parse(row) as { invitation_id: number }).invitation_id), `${row} belongs to no invitation of the run`);
  });
});
