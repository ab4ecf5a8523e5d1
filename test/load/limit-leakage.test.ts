import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { limitLeakage, type LimitSample } from '../../load/limit-leakage.js';
import { seededRandom } from '../../load/prng.js';

/**
 * A flood of one token by `connections` closed-loop connections against a fixed-window limiter
 * (the window starts with the first request received after the last one ended) that lets
 * `limit + extra` requests through per window. Network delays jitter up to `jitterMs` each way.
 */
function flood(options: { limit: number; extra: number; windowMs: number; seconds: number; connections: number; jitterMs: number; seed: number }): LimitSample[] {
  const random = seededRandom(options.seed);
  const samples: LimitSample[] = [];
  const free = Array.from({ length: options.connections }, (_, index) => 1_000_000 + index * 0.1);
  let windowStart = -Infinity;
  let count = 0;
  for (;;) {
    let next = 0;
    for (let index = 1; index < free.length; index += 1) if ((free[index] as number) < (free[next] as number)) next = index;
    const sentAt = free[next] as number;
    if (sentAt > 1_000_000 + options.seconds * 1000) break;
    const received = sentAt + 0.3 + random() * options.jitterMs;
    if (received >= windowStart + options.windowMs) {
      windowStart = received;
      count = 0;
    }
    count += 1;
    const ok = count <= options.limit + options.extra;
    const completedAt = received + 0.3 + random() * options.jitterMs;
    samples.push({ sentAt, completedAt, ok, limited: !ok });
    free[next] = completedAt;
  }
  // Arrival order at the client is not the order of sending; the function must not rely on it.
  for (let index = samples.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [samples[index], samples[other]] = [samples[other] as LimitSample, samples[index] as LimitSample];
  }
  return samples;
}

describe('limitLeakage', () => {
  it('never blames a conformant limiter, whatever the jitter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }),
        fc.constantFrom(100, 1000),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.integer(),
        (limit, windowMs, connections, jitterMs, seed) => {
          const samples = flood({ limit, extra: 0, windowMs, seconds: (windowMs * 4.5) / 1000, connections, jitterMs, seed });
          assert.equal(limitLeakage(samples, limit, windowMs).leakage, 0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('catches a limiter that lets even one request too many through per window', () => {
    for (const extra of [1, 3]) {
      const samples = flood({ limit: 50, extra, windowMs: 1000, seconds: 4.5, connections: 4, jitterMs: 2, seed: 7 });
      const outcome = limitLeakage(samples, 50, 1000);
      assert.ok(outcome.leakage >= extra * 4, `extra ${extra}: leakage ${outcome.leakage}`);
      assert.equal(outcome.worstWindow, 50 + extra);
    }
  });

  it('catches a server that does not limit at all', () => {
    const samples = flood({ limit: 1e9, extra: 0, windowMs: 1000, seconds: 2.5, connections: 4, jitterMs: 1, seed: 3 });
    assert.ok(limitLeakage(samples, 60, 1000).leakage > 1000);
  });

  it('catches a window that resets too early', () => {
    const samples = flood({ limit: 20, extra: 0, windowMs: 500, seconds: 4, connections: 2, jitterMs: 1, seed: 5 });
    assert.ok(limitLeakage(samples, 20, 1000).leakage > 0);
  });

  it('has nothing to say about no samples', () => {
    assert.deepEqual(limitLeakage([], 60, 1000), { leakage: 0, worstWindow: 0, windowsExamined: 0 });
  });
});
