// Exchanges marked with ungrounded references: the judge hands the marks to the checks, and a
// setup refused only for them is told apart from one the target is to blame for.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GeneratedCase } from '../../../core/exchange.js';
import type { GeneratedRequest } from '../../../generators/types.js';
import { createJudge } from '../../../specs/support/judge.js';
import { allRefusedForUngrounded, markUngrounded, unboundReferences } from '../../../specs/support/ungrounded-exchanges.js';
import { context, exchange } from '../../core/_support/check-fixtures.js';

const valid: GeneratedCase = { validity: 'valid', replay: { seed: 7 } };
const channel = { location: 'body' as const, path: 'channel', resource: 'channel' };
const refusedOnChannel = () =>
  exchange({ op: 'POST /things', status: 422, body: { message: 'The selected channel is invalid.', errors: { channel: ['The selected channel is invalid.'] } }, case: valid });

describe('ungrounded exchanges', () => {
  it('the judge hands an exchange\'s marks to positive-accepted; unmarked, the same answer is a finding', () => {
    const judge = createJudge(context(), () => {});
    const marked = refusedOnChannel();
    markUngrounded(marked, [channel]);
    assert.deepEqual(judge(marked, ['positive-accepted']), []);
    assert.equal(judge(refusedOnChannel(), ['positive-accepted']).length, 1);
  });

  it('a setup is excused only when every exchange was refused for its ungrounded references', () => {
    const marked = refusedOnChannel();
    markUngrounded(marked, [channel]);
    assert.match(allRefusedForUngrounded([marked]) ?? '', /refers to a channel the run could not find/);
    assert.equal(allRefusedForUngrounded([marked, refusedOnChannel()]), undefined);
    const crashed = exchange({ op: 'POST /things', status: 500, body: { message: 'Server Error' }, case: valid });
    markUngrounded(crashed, [channel]);
    assert.equal(allRefusedForUngrounded([crashed]), undefined);
    assert.equal(allRefusedForUngrounded([]), undefined);
  });

  it('drops path references the binding replaced with real ids', () => {
    const generated = {
      ungrounded: [{ location: 'path', path: 'ticket', resource: 'ticket' }, { location: 'path', path: 'message', resource: 'message' }, channel],
    } as GeneratedRequest;
    assert.deepEqual(unboundReferences(generated, { ticket: '01jbz8k7m2q4r6s8t0v2w4x6yc' }), [{ location: 'path', path: 'message', resource: 'message' }, channel]);
    assert.deepEqual(unboundReferences({} as GeneratedRequest, {}), []);
  });
});
