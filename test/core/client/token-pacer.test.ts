import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TokenPacer } from '../../../core/client/token-pacer.js';

/** A pacer on a virtual clock: sleeping advances time, so tests are exact and instant. */
function virtualPacer(limit: number, windowMs: number, marginMs = 0) {
  let now = 1_000_000;
  const pacer = new TokenPacer({
    limit,
    windowMs,
    marginMs,
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  });
  return { pacer, now: () => now };
}

describe('TokenPacer', () => {
  it('lets the first `limit` requests go at once, then spaces them a window apart', async () => {
    const { pacer, now } = virtualPacer(3, 1000);
    const times: number[] = [];
    for (let index = 0; index < 7; index += 1) {
      await pacer.acquire('admin');
      times.push(now() - 1_000_000);
    }
    assert.deepEqual(times, [0, 0, 0, 1000, 1000, 1000, 2000]);
  });

  it('keeps tokens apart', async () => {
    const { pacer, now } = virtualPacer(1, 1000);
    await pacer.acquire('admin');
    await pacer.acquire('pool[0]');
    assert.equal(now(), 1_000_000);
  });

  it('never grants more than `limit` sends in any window plus margin (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 10, max: 500 }), fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 30 }), async (limit, windowMs, pauses) => {
        let now = 0;
        const pacer = new TokenPacer({ limit, windowMs, marginMs: 5, now: () => now, sleep: async (ms) => void (now += ms) });
        const sends: number[] = [];
        for (const pause of pauses) {
          now += pause;
          await pacer.acquire('k');
          sends.push(now);
        }
        for (let index = 0; index + limit < sends.length; index += 1) {
          assert.ok((sends[index + limit] as number) - (sends[index] as number) >= windowMs + 5);
        }
      }),
      { numRuns: 100, seed: 20250601 },
    );
  });

  it('holds a token back until a Retry-After has passed', async () => {
    const { pacer, now } = virtualPacer(10, 1000);
    pacer.blockUntil('admin', 1_000_000 + 2500);
    await pacer.acquire('admin');
    assert.equal(now(), 1_002_500);
  });

  it('refuses a limit that is not a positive integer', () => {
    assert.throws(() => new TokenPacer({ limit: 0, windowMs: 1000 }), /positive integer/);
  });
});
