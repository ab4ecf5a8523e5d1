// `npm run gate` (bin/gate.ts): the runs it cannot judge end with one sentence and exit code 2
// within seconds.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertCannotJudge, closedPort } from './_support/cannot-judge.js';
import { startGateTarget, writeProfile, type GateTarget } from './_support/gate-target.js';
import { runGate } from './_support/run-gate.js';
import { removeTemporaryFolders, temporaryFolder } from './_support/run-conformance.js';

let target: GateTarget;

before(async () => {
  target = await startGateTarget();
});

after(async () => {
  await target.close();
  removeTemporaryFolders();
});

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
