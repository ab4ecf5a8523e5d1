import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FAULTS } from '../../../../target/faults/catalogue.js';
import { QUICK, readMutationOptions, UsageError } from '../../../../target/faults/mutation/mutation-options.js';

describe('readMutationOptions', () => {
  it('runs the whole catalogue against the whole gate by default, two at a time', () => {
    const options = readMutationOptions([]);
    assert.equal(options.faults.length, FAULTS.length);
    assert.equal(options.scope, 'all');
    assert.equal(options.parallel, 2);
    assert.deepEqual(options.rateLimit, {});
    assert.equal(options.cases, undefined);
    assert.equal(options.maxFailures, undefined);
  });

  it('--quick sets the budget, and explicit options win over it', () => {
    const quick = readMutationOptions(['--quick']);
    assert.equal(quick.cases, QUICK.cases);
    assert.equal(quick.scope, 'primary');
    assert.equal(quick.maxFailures, undefined);
    assert.equal(quick.workers, QUICK.workers);
    assert.deepEqual(quick.rateLimit, QUICK.rateLimit);
    const mixed = readMutationOptions(['--quick', '--cases', '7', '--scope', 'all', '--rate-window', '9']);
    assert.equal(mixed.cases, 7);
    assert.equal(mixed.scope, 'all');
    assert.deepEqual(mixed.rateLimit, { limit: QUICK.rateLimit.limit, windowSeconds: 9 });
  });

  it('picks faults by id, in catalogue order', () => {
    const options = readMutationOptions(['--faults', 'emoji-500, links-relative']);
    assert.deepEqual(options.faults.map((fault) => fault.id), ['links-relative', 'emoji-500']);
  });

  it('refuses bad input with one sentence', () => {
    for (const args of [['--cases', '0'], ['--faults', 'nope'], ['--faults', ','], ['--scope', 'some'], ['--what'], ['--quick', 'yes']]) {
      assert.throws(() => readMutationOptions(args), (error: unknown) => {
        assert.ok(error instanceof UsageError, args.join(' '));
        assert.match(error.message, /^[^\n]+\.$/);
        return true;
      });
    }
  });
});
