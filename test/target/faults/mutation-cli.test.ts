// `npm run mutation`: bad input is one sentence and exit 2; with the gate in place, the whole
// catalogue under the --quick budget must score 100% with a clean pass of the clean target.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FAULTS } from '../../../target/faults/catalogue.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'target', 'faults', 'mutation-cli.ts');

function mutation(args: string[], timeoutMs = 30_000) {
  return spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs });
}

describe('npm run mutation', () => {
  it('refuses bad arguments with one sentence and exit 2', () => {
    for (const args of [['--cases', 'many'], ['--faults', 'no-such-fault'], ['--parallel', '0'], ['--colour']]) {
      const run = mutation(args);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /^[^\n]+\.\n$/, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stdout, '');
    }
  });

  const gate = existsSync(join(ROOT, 'playwright.config.ts'));
  // The whole catalogue under the --quick budget. The seed is fixed so that a run's time and
  // traffic are the same from commit to commit; the verdicts do not depend on it (a fault the
  // quick pass misses is rerun on the whole gate, which must find it whatever the seed).
  it(
    `scores 100% over the whole catalogue (${FAULTS.length} faults) with a clean pass`,
    { skip: gate ? false : 'the conformance gate (playwright.config.ts) is not there yet', timeout: 12 * 60_000 },
    () => {
      const out = mkdtempSync(join(tmpdir(), 'mutation-run-'));
      const run = mutation(['--quick', '--seed', '20261125', '--out', out], 11 * 60_000);
      const report = JSON.parse(readFileSync(join(out, 'mutation.json'), 'utf8')) as {
        passed: boolean;
        score: { detected: number; total: number; percent: number };
        clean: { verdict: string };
        faults: Array<{ fault: string; verdict: string; fired: Record<string, number> }>;
      };
      const misses = report.faults.filter((fault) => fault.verdict !== 'detected');
      assert.equal(report.clean.verdict, 'clean', `clean target: ${report.clean.verdict}\n${run.stdout}`);
      assert.deepEqual(
        misses.map((fault) => `${fault.fault}: ${fault.verdict} (${Object.keys(fault.fired).join(', ') || 'nothing fired'})`),
        [],
      );
      assert.equal(report.score.total, FAULTS.length);
      assert.equal(report.score.percent, 100);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /Mutation score: 100% /);
    },
  );
});
