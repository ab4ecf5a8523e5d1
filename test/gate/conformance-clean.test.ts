// The conformance suite against the healthy reference target: a green run (exit 0), every
// operation covered, no 429 by accident, and no token anywhere in what it printed or wrote.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { localSecrets, startGateTarget, writeProfile, type GateTarget } from './_support/gate-target.js';
import { removeTemporaryFolders, reportFiles, runConformance, type ConformanceRun } from './_support/run-conformance.js';

const SPECS = ['specs/operations.spec.ts', 'specs/validation.spec.ts', 'specs/access.spec.ts', 'specs/routing.spec.ts'];

let target: GateTarget;
let run: ConformanceRun;

before(async () => {
  target = await startGateTarget();
  run = await runConformance({ profile: writeProfile({ baseUrl: `${target.origin}/api` }), args: SPECS, cases: 2, seed: 20_250_601 });
});

after(async () => {
  await target.close();
  removeTemporaryFolders();
});

describe('a conformance run against the reference target', () => {
  it('exits 0 with a conformant summary', () => {
    assert.equal(run.code, 0, `exit ${run.code}\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-2000)}`);
    assert.equal(run.summary?.verdict, 'conformant');
    assert.deepEqual(run.summary?.checks, {});
    assert.ok((run.summary?.tests.passed ?? 0) > 250, `only ${run.summary?.tests.passed} tests passed`);
  });

  it('sees every operation answer 2xx, except the one it may not perform', () => {
    const coverage = run.summary?.coverage ?? {};
    const without2xx = Object.entries(coverage).filter(([, entry]) => !Object.keys(entry.statuses).some((status) => /^2\d\d$/.test(status)));
    assert.deepEqual(without2xx.map(([key]) => key), ['DELETE /members/{user}']);
    assert.ok(run.summary?.skippedOperations.some((entry) => entry.operationKey === 'DELETE /members/{user}' && /created/.test(entry.reason)));
  });

  it('meets no 429 by accident', () => {
    assert.equal(run.summary?.requests.rateLimited, 0);
  });

  it('prints and writes no token, not even the secret part', () => {
    const outputs = [{ file: 'stdout', text: run.stdout }, { file: 'stderr', text: run.stderr }, ...reportFiles(run.reportsDir)];
    assert.ok(outputs.length > 4, 'the run wrote its reports');
    assert.ok(outputs.some(({ file }) => file.endsWith('(embedded)')), 'the HTML report’s data was read');
    for (const secret of localSecrets()) {
      for (const { file, text } of outputs) assert.ok(!text.includes(secret), `${file} contains a token`);
    }
  });
});
