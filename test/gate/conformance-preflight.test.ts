// Runs that cannot be judged: one sentence on stderr, exit code 2, within seconds, and no
// stack trace or token on the way out.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertCannotJudge, closedPort } from './_support/cannot-judge.js';
import { startGateTarget, writeProfile, type GateTarget } from './_support/gate-target.js';
import { removeTemporaryFolders, runConformance } from './_support/run-conformance.js';

let target: GateTarget;

before(async () => {
  target = await startGateTarget();
});

after(async () => {
  await target.close();
  removeTemporaryFolders();
});

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
