// `mode: read-only`: only GET requests reach the target, and everything else is reported as
// skipped with a reason, never as passed.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFaultyProxy, type FaultyProxy } from './_support/faulty-proxy.js';
import { startGateTarget, writeProfile, type GateTarget } from './_support/gate-target.js';
import { removeTemporaryFolders, runConformance, type ConformanceRun } from './_support/run-conformance.js';

let target: GateTarget;
let proxy: FaultyProxy;
let run: ConformanceRun;

before(async () => {
  target = await startGateTarget();
  proxy = await startFaultyProxy(target.origin, {}); // no fault: it only counts
  const profile = writeProfile({ baseUrl: `${proxy.origin}/api`, mode: 'read-only' });
  run = await runConformance({ profile, args: ['specs/operations.spec.ts', 'specs/access.spec.ts', 'specs/routing.spec.ts'], cases: 2 });
});

after(async () => {
  await proxy.close();
  await target.close();
  removeTemporaryFolders();
});

describe('a read-only conformance run', () => {
  it('passes against the reference target', () => {
    assert.equal(run.code, 0, `exit ${run.code}\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-1500)}`);
  });

  it('sends nothing but GET', () => {
    const methods = new Set(proxy.seen.map((request) => request.method));
    assert.deepEqual([...methods], ['GET']);
    assert.ok(proxy.seen.length > 50);
  });

  it('reports every other operation as skipped with its reason', () => {
    const skipped = run.summary?.skippedOperations ?? [];
    for (const key of ['POST /tickets', 'PUT /tags/{tag}', 'DELETE /brains/{brain}']) {
      assert.ok(skipped.some((entry) => entry.operationKey === key && /read-only/.test(entry.reason)), `${key} is not reported as skipped`);
    }
    assert.ok((run.summary?.tests.skipped ?? 0) > 30);
  });
});
