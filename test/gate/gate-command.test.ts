// `npm run gate` (bin/gate.ts): the runs it cannot judge end with one sentence and exit code 2
// within seconds.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { localSecrets, startGateTarget, writeProfile, type GateTarget } from './_support/gate-target.js';
import { runGate, type GateRun } from './_support/run-gate.js';
import { removeTemporaryFolders, temporaryFolder } from './_support/run-conformance.js';

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

function assertCannotJudge(run: GateRun, cause: RegExp): void {
  assert.equal(run.code, 2, `exit ${run.code}\n${run.stdout}\n${run.stderr}`);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${run.stderr}`);
  assert.match(lines[0] ?? '', cause);
  assert.match(lines[0] ?? '', /[.]$/);
  assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /, 'no stack trace');
  for (const secret of localSecrets()) assert.ok(!(run.stdout + run.stderr).includes(secret), 'no token printed');
  assert.ok(run.durationMs < 6_000, `took ${run.durationMs} ms`); // 5 s, and a second for a busy 2-core machine
}

describe('the gate cannot judge the run', () => {
  it('when nothing answers at the target', async () => {
    const run = await runGate({ profile: writeProfile({ baseUrl: `http://127.0.0.1:${await closedPort()}/api` }) });
    assertCannotJudge(run, /does not answer at http:\/\/127\.0\.0\.1:\d+\/api\/me \(connection refused\)/);
  });

  it('when the target rejects the admin token', async () => {
    const profile = writeProfile({ baseUrl: `${target.origin}/api`, tokens: { admin: '1|ttWrongSecretWrongSecretWrongSecret0000', pool: [] } });
    assertCannotJudge(await runGate({ profile }), /rejected the admin token .* \(GET \/me answered 401\)/);
  });

  it('when an environment variable the profile names is missing', async () => {
    const profile = writeProfile({ baseUrl: `${target.origin}/api`, tokens: { admin: '${TT_GATE_TEST_MISSING_ADMIN}' } });
    assertCannotJudge(await runGate({ profile }), /the environment variable TT_GATE_TEST_MISSING_ADMIN is not set \(used in tokens\.admin\)/);
  });

  it('when the profile is not valid', async () => {
    const profile = writeProfile({ baseUrl: `${target.origin}/api`, tokens: { member: 'x' } });
    assertCannotJudge(await runGate({ profile }), /tokens\.admin is missing/);
  });

  it('when the spec is not valid', async () => {
    const spec = join(temporaryFolder('tt-gate-spec-'), 'broken.yaml');
    writeFileSync(spec, 'openapi: 3.1.0\npaths: [unclosed\n');
    const run = await runGate({ profile: writeProfile({ baseUrl: `${target.origin}/api` }), env: { THERE_THERE_SPEC: spec } });
    assertCannotJudge(run, /broken\.yaml/);
  });

  it('when an argument is not valid', async () => {
    const run = await runGate({ profile: writeProfile({ baseUrl: `${target.origin}/api` }), args: ['--shard', '4/3'] });
    assertCannotJudge(run, /--shard must be i\/n/);
  });
});
