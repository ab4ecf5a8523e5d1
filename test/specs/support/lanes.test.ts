// Lanes split the token pool over every worker of every shard of a run.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { laneOf } from '../../../specs/support/lanes.js';

describe('laneOf', () => {
  it('is the worker itself in a run without shards', () => {
    assert.deepEqual(laneOf(1, 2, null), { slot: 1, lanes: 2, shardTag: '' });
  });

  it('gives every worker of every shard a lane of its own', () => {
    const slots = [1, 2, 3].flatMap((current) => [0, 1].map((index) => laneOf(index, 2, { current, total: 3 })));
    assert.deepEqual(slots.map((lane) => lane.slot), [0, 1, 2, 3, 4, 5]);
    assert.ok(slots.every((lane) => lane.lanes === 6));
    assert.deepEqual([...new Set(slots.map((lane) => lane.shardTag))], ['s1', 's2', 's3']);
  });
});
