// The runner end to end with a stand-in gate: a real target process per run, the counting proxy,
// the environment the gate reads, its summary and the verdict.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FAULTS } from '../../../../target/faults/catalogue.js';
import { runCatalogue } from '../../../../target/faults/mutation/run-catalogue.js';
import { runOne, type RunSettings } from '../../../../target/faults/mutation/run-one.js';

const FAKE_GATE = fileURLToPath(new URL('./_fake-gate.ts', import.meta.url));
const STREAMING_GATE = fileURLToPath(new URL('./_fake-streaming-gate.ts', import.meta.url));

function settings(): RunSettings {
  return {
    reportDir: mkdtempSync(join(tmpdir(), 'mutation-')),
    rateLimit: { limit: 60, windowSeconds: 5 },
    cases: 7,
    timeoutMs: 60_000,
    gateCommand: [process.execPath, '--import', 'tsx', FAKE_GATE],
  };
}

describe('runOne', () => {
  it('judges the clean target clean and a fault detected by its expected check', async () => {
    const fault = FAULTS.find((entry) => entry.id === 'channel-list-bare-array');
    assert.ok(fault);
    const run = settings();
    const [clean, faulty] = await Promise.all([runOne(undefined, run), runOne(fault, run)]);

    assert.equal(clean.verdict, 'clean', clean.problem);
    assert.deepEqual(clean.fired, {});
    assert.equal(clean.requests, 2);

    assert.equal(faulty.verdict, 'detected', faulty.problem);
    assert.deepEqual(faulty.firedExpected, ['envelope']);
    assert.equal(faulty.gateExitCode, 1);
    assert.equal(faulty.firstDetection?.checkId, 'envelope');
    assert.equal(faulty.firstDetection?.requests, 2, 'the second request showed it');
    const summary = JSON.parse(readFileSync(join(faulty.reportDir, 'summary.json'), 'utf8')) as { cases: string };
    assert.equal(summary.cases, '7', 'the case budget reaches the gate');
  });

  it('stops a fault run at the first streamed finding of an expected check, and judges it from the stream', async () => {
    const fault = { id: 'channel-list-bare-array', area: 'envelopes-and-schemas' as const, description: 'x', catches: ['envelope'] };
    const run = await runOne(fault, { ...settings(), gateCommand: [process.execPath, '--import', 'tsx', STREAMING_GATE], stopAtDetection: true });
    assert.equal(run.verdict, 'detected', run.problem);
    assert.deepEqual(run.fired, { 'response-schema': 1, envelope: 1 });
    assert.deepEqual(run.firedExpected, ['envelope']);
    assert.equal(run.firstDetection?.checkId, 'envelope');
    assert.ok(run.durationMs < 30_000, `the run went on for ${run.durationMs} ms`);
  });

  it('lets a run go on when only unexpected checks have streamed', async () => {
    const fault = { id: 'channel-list-bare-array', area: 'envelopes-and-schemas' as const, description: 'x', catches: ['sort-order'] };
    const run = await runOne(fault, { ...settings(), timeoutMs: 4_000, gateCommand: [process.execPath, '--import', 'tsx', STREAMING_GATE], stopAtDetection: true });
    assert.equal(run.verdict, 'not-judged', 'the stand-in never ends on its own: the timeout decides');
    assert.match(run.problem ?? '', /did not finish within 4 s/);
  });

  it('calls a fault caught only by other checks "unexpected-only"', async () => {
    const fault = { id: 'channel-list-bare-array', area: 'envelopes-and-schemas' as const, description: 'x', catches: ['sort-order'] };
    const run = await runOne(fault, settings());
    assert.equal(run.verdict, 'unexpected-only');
    assert.deepEqual(run.firedUnexpected, ['envelope']);
  });

  it('reruns a fault the budgeted pass missed against the whole gate, and keeps both verdicts', async () => {
    const missed = { id: 'links-relative', area: 'pagination' as const, description: 'x', catches: ['pagination-links'] };
    const found = FAULTS.find((entry) => entry.id === 'channel-list-bare-array');
    assert.ok(found);
    const seen: string[] = [];
    const run = await runCatalogue([missed, found], { ...settings(), maxFailures: 1 }, 2, (record) => seen.push(record.fault ?? 'clean'));
    assert.equal(run.clean.verdict, 'clean');
    const [rerun, detected] = run.faults;
    assert.equal(rerun?.verdict, 'undetected');
    assert.equal(rerun?.quickPass?.verdict, 'undetected');
    assert.match(rerun?.reportDir ?? '', /links-relative\.confirm$/);
    assert.equal(detected?.verdict, 'detected');
    assert.equal(detected?.quickPass, undefined, 'a detection needs no rerun');
    assert.deepEqual([...seen].sort(), ['channel-list-bare-array', 'clean', 'links-relative']);
  });
});
