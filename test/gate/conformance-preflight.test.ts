// Runs that cannot be judged: one sentence on stderr, exit code 2, within seconds, and no
// stack trace or token on the way out.

import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { localSecrets, startGateTarget, writeProfile, type GateTarget } from './_support/gate-target.js';
import { removeTemporaryFolders, runConformance, type ConformanceRun } from './_support/run-conformance.js';

let target: GateTarget;

before(async () => {
  target = await startGateTarget();
});

after(async () => {
  await target.close();
  removeTemporaryFolders();
});

/** A port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function assertCannotJudge(run: ConformanceRun, cause: RegExp): void {
  assert.equal(run.code, 2, `exit ${run.code}\n${run.stdout}\n${run.stderr}`);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${run.stderr}`);
  assert.match(lines[0] ?? '', cause);
  assert.match(lines[0] ?? '', /[.]$/);
  assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /, 'no stack trace');
  for (const secret of localSecrets()) assert.ok(!(run.stdout + run.stderr).includes(secret), 'no token printed');
  assert.ok(run.durationMs < 6_000, `took ${run.durationMs} ms`); // 5 s, and a second for npx on a busy 2-core machine
}

describe('the conformance run cannot be judged', () => {
  it('when nothing answers at the target and the profile cannot start it', async () => {
    const run = await runConformance({ profile: writeProfile({ baseUrl: `http://127.0.0.1:${await closedPort()}/api` }), args: ['specs/routing.spec.ts'] });
    assertCannotJudge(run, /does not answer at http:\/\/127\.0\.0\.1:\d+\/api\/me \(connection refused\)/);
  });

  it('when the profile’s start command fails', async () => {
    const profile = writeProfile({ baseUrl: `http://127.0.0.1:${await closedPort()}/api`, start: 'node -e "process.exit(3)"' });
    const run = await runConformance({ profile, args: ['specs/routing.spec.ts'] });
    assertCannotJudge(run, /^The target did not start: `node -e "process.exit\(3\)"` exited with code 3\.$/);
  });

  it('when the target rejects the admin token', async () => {
    const profile = writeProfile({
      baseUrl: `${target.origin}/api`,
      tokens: { admin: '1|ttWrongSecretWrongSecretWrongSecret0000', pool: [] },
    });
    const run = await runConformance({ profile, args: ['specs/routing.spec.ts'] });
    assertCannotJudge(run, /rejected the admin token .* \(GET \/me answered 401\)/);
  });

  it('when the profile is not valid', async () => {
    const profile = writeProfile({ baseUrl: `${target.origin}/api`, tokens: { member: 'x' } });
    const run = await runConformance({ profile, args: ['specs/routing.spec.ts'] });
    assertCannotJudge(run, /tokens\.admin is missing/);
  });

  it('when a setting is not valid', async () => {
    const run = await runConformance({ profile: writeProfile({ baseUrl: `${target.origin}/api` }), args: ['specs/routing.spec.ts'], env: { THERE_THERE_CASES: 'many' } });
    assertCannotJudge(run, /THERE_THERE_CASES must be an integer/);
  });
});
