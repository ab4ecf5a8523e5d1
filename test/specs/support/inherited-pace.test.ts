import assert from 'node:assert/strict';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InheritedPace } from '../../../specs/support/inherited-pace.js';

describe('InheritedPace', () => {
  it('makes the first requests wait for what the previous worker sent in the window', () => {
    // limit 3 per 1000 ms: the previous worker sent 3 at t=0, 100, 200.
    const pace = new InheritedPace({ 'pool[0]': [0, 100, 200] }, () => 3, 1000);
    assert.equal(pace.reserve('pool[0]'), 1000);
    assert.equal(pace.reserve('pool[0]'), 1100);
    assert.equal(pace.reserve('pool[0]'), 1200);
    assert.equal(pace.reserve('pool[0]'), 0, 'the fourth is up to the ordinary pacer');
    assert.equal(pace.reserve('pool[1]'), 0, 'another key inherits nothing');
  });

  it('lets requests go at once when the previous worker left room', () => {
    const pace = new InheritedPace({ admin: [500] }, () => 3, 1000);
    assert.equal(pace.reserve('admin'), 0);
    assert.equal(pace.reserve('admin'), 0);
    assert.equal(pace.reserve('admin'), 1500);
  });

  it('hands its recent sends to the next worker through a file, once', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pace-')), 'pace.json');
    const first = new InheritedPace({}, () => 2, 10_000);
    first.record('member', 1000);
    first.record('member', 2000);
    first.record('member', 3000);
    first.write(file, 4000);
    const log = InheritedPace.read(file);
    assert.deepEqual(log, { member: [2000, 3000] });
    assert.equal(existsSync(file), false);
    assert.deepEqual(InheritedPace.read(file), {});
  });
});
