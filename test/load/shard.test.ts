import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LoadError } from '../../load/load-error.js';
import { parseShard, shareOfConnections, shareOfRate, shareOfTokens } from '../../load/shard.js';

describe('shards', () => {
  it('parses i/n and rejects anything else in one sentence', () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    assert.deepEqual(parseShard(' 1 / 1 '), { index: 1, count: 1 });
    for (const bad of ['0/2', '3/2', '1/0', '1', 'a/b', '1/2/3', '-1/2']) {
      assert.throws(() => parseShard(bad), (error: unknown) => error instanceof LoadError && /--shard must be i\/n/.test(error.message), bad);
    }
  });

  it('the shares of the rate add up to the whole rate', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 10_000, noNaN: true }), fc.integer({ min: 1, max: 16 }), (rate, count) => {
        let total = 0;
        for (let index = 1; index <= count; index += 1) total += shareOfRate(rate, { index, count });
        assert.ok(Math.abs(total - rate) < 1e-6 * rate);
      }),
    );
  });

  it('every shard gets at least one connection and together at least the whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 16 }), (connections, count) => {
        const shares = Array.from({ length: count }, (_, index) => shareOfConnections(connections, { index: index + 1, count }));
        assert.ok(shares.every((share) => share >= 1));
        assert.ok(shares.reduce((a, b) => a + b, 0) >= connections);
      }),
    );
  });

  it('splits the token pool into disjoint shares that cover it', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 40 }), (pool, wanted) => {
        const count = Math.min(wanted, pool.length);
        const shares = Array.from({ length: count }, (_, index) => shareOfTokens(pool, { index: index + 1, count }));
        assert.deepEqual(shares.flat().sort(), [...pool].sort());
        assert.ok(shares.every((share) => share.length >= 1));
        assert.ok(Math.max(...shares.map((s) => s.length)) - Math.min(...shares.map((s) => s.length)) <= 1);
      }),
    );
  });

  it('refuses a shard that would get no token', () => {
    assert.throws(() => shareOfTokens(['a', 'b'], { index: 3, count: 3 }), /Shard 3\/3 gets no token: the pool has only 2/);
  });
});
