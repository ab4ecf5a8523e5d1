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
  // The whole catalogue takes about 11 minutes on 2 cores, more than `npm test` may use: by
  // default this runs the first fault of every area (every area of the catalogue, every run),
  // and THERE_THERE_MUTATION=full runs them all.
  const full = process.env.THERE_THERE_MUTATION === 'full';
  const chosen = full ? FAULTS : FAULTS.filter((fault, index) => FAULTS.findIndex((other) => other.area === fault.area) === index);
  it(
    full ? 'scores 100% over the whole catalogue with a clean pass' : `scores 100% over one fault per area (${chosen.length}) with a clean pass`,
    { skip: gate ? false : 'the conformance gate (playwright.config.ts) is not there yet', timeout: 15 * 60_000 },
    () => {
      const out = mkdtempSync(join(tmpdir(), 'mutation-run-'));
      const run = mutation(['--quick', '--out', out, ...(full ? [] : ['--faults', chosen.map((fault) => fault.id).join(',')])], 14 * 60_000);
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
      assert.equal(report.score.total, chosen.length);
      assert.equal(report.score.percent, 100);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /Mutation score: 100% /);
    },
  );
});
