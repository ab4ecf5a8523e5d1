// The gate interrupted mid-run: SIGTERM to the gate (a CI runner cancelling a job) and SIGINT to
// its process group (Ctrl-C). Either way it stops within seconds with exit 2 and one sentence (an
// interrupted run cannot be judged), and the target holds nothing the run created: the same rows,
// byte for byte, as before it started.
//
// Why this holds (Playwright 1.65, node_modules/playwright/lib): its workers ignore SIGINT and
// SIGTERM and tear their fixtures down (the `created` fixture deletes what the worker made) when
// the runner stops them or when the runner disappears; the runner stops gracefully on SIGINT
// only and dies at once on SIGTERM. So the gate catches both, hands the suite a SIGINT, and
// waits for it (bin/_internals/run-child.ts).

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { addedRows, missingRows, rowsCarrying, snapshotDb, type DbSnapshot } from './_support/db-snapshot.js';
import { localSecrets, writeProfile } from './_support/gate-target.js';
import { startGate } from './_support/interruptible-gate.js';
import { removeTemporaryFolders } from './_support/run-conformance.js';
import { startTargetProcess, type TargetProcess } from './_support/target-process.js';

/** What the API offers no way to remove (POST /members/invite); everything else must be gone. */
const UNDELETABLE = new Set(['invitations', 'invitation_channels']);

let target: TargetProcess;
let profile: string;

before(async () => {
  target = await startTargetProcess();
  profile = writeProfile({ baseUrl: `${target.origin}/api`, allowLoad: false });
});

after(async () => {
  await target?.close();
  removeTemporaryFolders();
});

async function interruptOnceCreated(signal: 'SIGTERM' | 'SIGINT'): Promise<void> {
  const rowsBefore = snapshotDb(target.dbFile);
  const gate = startGate({ profile, cases: 2 });
  try {
    const created = await waitFor(() => rowsCarrying(snapshotDb(target.dbFile), gate.runId).length > 0, gate.exited, 90_000);
    assert.ok(created, `the run created nothing before it ended:\n${gate.output().stdout.slice(-2000)}\n${gate.output().stderr}`);
    const sent = Date.now();
    if (signal === 'SIGINT') process.kill(-(gate.child.pid as number), 'SIGINT'); // Ctrl-C: the whole group
    else gate.child.kill('SIGTERM'); // the gate alone
    const code = await Promise.race([gate.exited, sleep(90_000, 'hung' as const, { ref: false })]);
    const stoppedMs = Date.now() - sent;
    process.stdout.write(`# ${signal}: the gate exited ${stoppedMs} ms after the signal\n`);
    const { stdout, stderr } = gate.output();
    assert.notEqual(code, 'hung', 'the gate did not stop within 90 s');
    assert.equal(code, 2, `exit ${code}\n${stdout.slice(-2000)}\n${stderr}`);
    assert.ok(stoppedMs < 60_000, `took ${stoppedMs} ms to stop`);
    const lastLine = stderr.trim().split('\n').at(-1) ?? '';
    assert.match(lastLine, new RegExp(`^The gate was interrupted by ${signal}, so the run cannot be judged`));
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    for (const secret of localSecrets()) assert.ok(!(stdout + stderr).includes(secret), 'no token printed');
    assertNothingLeft(rowsBefore, snapshotDb(target.dbFile), gate.runId);
  } finally {
    gate.kill();
  }
}

function assertNothingLeft(rowsBefore: DbSnapshot, rowsAfter: DbSnapshot, runId: string): void {
  assert.deepEqual(Object.fromEntries(missingRows(rowsBefore, rowsAfter)), {}, 'rows changed or deleted');
  const left = [...addedRows(rowsBefore, rowsAfter)].filter(([table]) => !UNDELETABLE.has(table));
  assert.deepEqual(Object.fromEntries(left), {}, 'rows left behind');
  assert.deepEqual(rowsCarrying(rowsAfter, runId).filter(({ table }) => !UNDELETABLE.has(table)), []);
}

/** Polls `ready` every 200 ms until it holds (true), `ended` settles or the time is up (false). */
async function waitFor(ready: () => boolean, ended: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let over = false;
  void ended.then(() => (over = true));
  const until = Date.now() + timeoutMs;
  while (!over && Date.now() < until) {
    if (ready()) return true;
    await sleep(200);
  }
  return ready();
}

describe('an interrupted gate run', () => {
  it('stops on SIGTERM to the gate, exit 2, and leaves nothing it created', () => interruptOnceCreated('SIGTERM'));
  it('stops on SIGINT to its process group (Ctrl-C), exit 2, and leaves nothing it created', () => interruptOnceCreated('SIGINT'));
});
