// The rate-limit scenario against the reference target, clean and with each rate-limit fault of
// the target's catalogue: the clean target passes every threshold, each fault breaks the one it
// is about (leakage, Retry-After, isolation). A lockout that outlasts Retry-After is the gate's
// `rate-limit-recovery` to catch: the scenario's single resume probe does not judge it.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadProfile } from '../../core/profile.js';
import { FAULTS } from '../../target/faults/catalogue.js';
import { buildApp } from '../../target/app.js';
import type { LoadResult } from '../../load/load-result.js';
import { Progress } from '../../load/progress.js';
import { runScenario } from '../../load/run-scenario.js';
import { loadScenario } from '../../load/scenario.js';
import { loadThresholds } from '../../load/thresholds-file.js';

const RATE_LIMIT = { limit: 50, windowSeconds: 1 };

async function floodRun(faults: string[]): Promise<LoadResult> {
  const app = await buildApp({ rateLimit: RATE_LIMIT, faults });
  try {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const profile = { ...loadProfile('targets/local.yaml', {}), baseUrl: `${address}/api`, rateLimit: RATE_LIMIT };
    return await runScenario({
      scenario: loadScenario('rate-limit'),
      size: 'smoke',
      profile,
      embedded: false,
      shard: { index: 1, count: 1 },
      // Two windows of flood, so a busy machine still overflows at least one of them.
      seconds: 2,
      runId: 'lrflood',
      seed: 1,
      judging: { thresholds: loadThresholds('load/thresholds.yaml').forScenario('rate-limit', 'smoke').filter((t) => t.metric !== 'isolation.p99'), regressions: [] },
      progress: new Progress({ quiet: true }),
      signal: new AbortController().signal,
    });
  } finally {
    await app.close();
  }
}

const breached = (result: LoadResult): string[] => result.thresholds.filter((outcome) => !outcome.passed).map((outcome) => outcome.metric);

const CASES: Array<[fault: string, metric: string]> = [
  ['rate-limit-off', 'limit_leakage'],
  ['retry-after-missing', 'retry_after_valid'],
  ['rate-limit-global', 'isolation.success_rate'],
];
const known = CASES.filter(([fault]) => FAULTS.some((item) => item.id === fault));

// Each run idles a window, floods and waits out Retry-Afters: the runs go side by side.
const runs = new Map<string, Promise<LoadResult>>();
before(() => {
  runs.set('', floodRun([]));
  for (const [fault] of known) runs.set(fault, floodRun([fault]));
});

describe('rate-limit scenario', () => {
  it('a conformant limiter meets every threshold', async () => {
    const result = await (runs.get('') as Promise<LoadResult>);
    assert.deepEqual(breached(result), [], result.thresholds.map((t) => t.message).join('; '));
    assert.equal(result.metrics.limit_leakage, 0);
    assert.ok((result.metrics.flood_429 ?? 0) > 0);
    assert.equal(result.metrics.worst_window_2xx, RATE_LIMIT.limit);
    assert.equal(result.metrics['isolation.success_rate'], 1);
    assert.equal(result.metrics.recovery_failures, 0);
    assert.ok((result.metrics.resume_delay ?? Infinity) < 250_000);
  });

  for (const [fault, metric] of CASES) {
    const skip = known.some(([id]) => id === fault) ? false : `the target has no fault ${fault} any more`;
    it(`catches the target fault ${fault} through ${metric}`, { skip }, async () => {
      const result = await (runs.get(fault) as Promise<LoadResult>);
      assert.ok(breached(result).includes(metric), `${fault}: breached ${breached(result).join(', ') || 'nothing'}`);
      assert.equal(result.passed, false);
    });
  }
});
