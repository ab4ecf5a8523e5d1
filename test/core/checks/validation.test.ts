import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  negativeRejected,
  positiveAccepted,
  validationErrorFields,
  validationErrorFormat,
} from '../../../core/checks/validation.js';
import type { GeneratedCase } from '../../../core/exchange.js';
import { assertFail, assertPass, assertSkip, context, exchange, thing } from '../_support/check-fixtures.js';

const broken = (path: string, expectedStatus = 422, location: 'body' | 'query' = 'body'): GeneratedCase => ({
  validity: 'invalid',
  broken: { location, path, kind: 'too-long', expectedStatus },
  replay: { seed: 42, path: '3:1' },
});
const valid: GeneratedCase = { validity: 'valid', replay: { seed: 7 } };
const invalid422 = (errors: unknown) => ({ message: 'The name field is too long.', errors });

describe('validation-error-format', () => {
  it('passes {message, errors: {field: [text]}}', () => {
    assertPass(validationErrorFormat, exchange({ op: 'POST /things', status: 422, body: invalid422({ name: ['Too long.'] }) }));
  });
  it('fails a missing errors object, empty errors, and non-list messages', () => {
    assertFail(validationErrorFormat, exchange({ op: 'POST /things', status: 422, body: { message: 'Invalid.' } }));
    assertFail(validationErrorFormat, exchange({ op: 'POST /things', status: 422, body: invalid422({}) }));
    const [finding] = assertFail(validationErrorFormat, exchange({ op: 'POST /things', status: 422, body: invalid422({ name: 'Too long.' }) }));
    assert.match(finding?.actual ?? '', /errors\.name/);
  });
  it('fails a 422 whose body is not JSON, without crashing', () => {
    assertFail(validationErrorFormat, exchange({ op: 'POST /things', status: 422, body: '<p>invalid</p>', headers: { 'content-type': 'text/html' } }));
  });
  it('skips other statuses', () => {
    assertSkip(validationErrorFormat, exchange({ op: 'POST /things', status: 400, body: { message: 'x' } }));
  });
});

describe('validation-error-fields', () => {
  it('passes when errors names the broken field, dotted or bracketed, or something inside it', () => {
    assertPass(validationErrorFields, exchange({ op: 'POST /things', status: 422, body: invalid422({ 'from.email': ['x'] }), case: broken('from.email') }));
    assertPass(
      validationErrorFields,
      exchange({ op: 'GET /things', status: 422, body: invalid422({ 'filter.status': ['x'] }), case: broken('filter[status]', 422, 'query') }),
    );
    assertPass(validationErrorFields, exchange({ op: 'POST /things', status: 422, body: invalid422({ 'from.email': ['x'] }), case: broken('from') }));
  });
  it('fails when errors names only other fields', () => {
    const [finding] = assertFail(
      validationErrorFields,
      exchange({ op: 'POST /things', status: 422, body: invalid422({ name: ['x'] }), case: broken('to_recipients.0') }),
    );
    assert.match(finding?.title ?? '', /to_recipients\.0/);
    assert.match(finding?.actual ?? '', /keys: name/);
  });
  it('does not accept a parent key for a nested breakage', () => {
    assertFail(validationErrorFields, exchange({ op: 'POST /things', status: 422, body: invalid422({ from: ['x'] }), case: broken('from.email') }));
  });
  it('skips valid cases, root breakages, other expected statuses and other responses', () => {
    assertSkip(validationErrorFields, exchange({ op: 'POST /things', status: 422, body: invalid422({ a: ['x'] }), case: valid }));
    assertSkip(validationErrorFields, exchange({ op: 'POST /things', status: 422, body: invalid422({ a: ['x'] }), case: broken('') }));
    assertSkip(validationErrorFields, exchange({ op: 'POST /things', status: 422, body: invalid422({ a: ['x'] }), case: broken('a', 400) }));
    assertSkip(validationErrorFields, exchange({ op: 'POST /things', status: 201, body: { data: thing() }, case: broken('a') }));
  });
});

describe('negative-rejected', () => {
  it('passes the expected 4xx', () => {
    assertPass(negativeRejected, exchange({ op: 'POST /things', status: 422, body: invalid422({ a: ['x'] }), case: broken('a') }));
    assertPass(negativeRejected, exchange({ op: 'POST /things', status: 400, body: { message: 'Malformed JSON body.' }, case: broken('', 400) }));
  });
  it('fails an accepted invalid request, a 5xx, and the wrong 4xx', () => {
    const [accepted] = assertFail(negativeRejected, exchange({ op: 'POST /things', status: 201, body: { data: thing() }, case: broken('name') }));
    assert.match(accepted?.title ?? '', /accepted/);
    assert.deepEqual(accepted?.replay, { seed: 42, path: '3:1' });
    assertFail(negativeRejected, exchange({ op: 'POST /things', status: 500, body: { message: 'Server Error' }, case: broken('name') }));
    assertFail(negativeRejected, exchange({ op: 'POST /things', status: 400, body: { message: 'Bad.' }, case: broken('name') }));
  });
  it('skips valid cases and 429s', () => {
    assertSkip(negativeRejected, exchange({ op: 'POST /things', status: 201, body: { data: thing() }, case: valid }));
    assertSkip(negativeRejected, exchange({ op: 'POST /things', status: 429, body: { message: 'Too Many Attempts.' }, case: broken('a') }));
  });
});

describe('positive-accepted', () => {
  it('passes a 2xx for a valid case', () => {
    assertPass(positiveAccepted, exchange({ op: 'POST /things', status: 201, body: { data: thing() }, case: valid }));
  });
  it('fails a valid case refused with 422, naming the fields', () => {
    const [finding] = assertFail(positiveAccepted, exchange({ op: 'POST /things', status: 422, body: invalid422({ name: ['x'] }), case: valid }));
    assert.match(finding?.title ?? '', /errors on name/);
  });
  it('skips when the scenario expected something else, for invalid cases and for 429s', () => {
    assertSkip(positiveAccepted, exchange({ op: 'POST /things', status: 403, body: { message: 'no' }, case: valid }), context({ expect: 'forbidden' }));
    assertSkip(positiveAccepted, exchange({ op: 'POST /things', status: 422, body: invalid422({ a: ['x'] }), case: broken('a') }));
    assertSkip(positiveAccepted, exchange({ op: 'POST /things', status: 429, body: { message: 'Too Many Attempts.' }, case: valid }));
  });
});

describe('positive-accepted with references the run could not ground', () => {
  const channel = { location: 'body' as const, path: 'channel', resource: 'channel' };
  const tags = { location: 'body' as const, path: 'tag_ulids.1', resource: 'tag' };
  const filter = { location: 'query' as const, path: 'filter[channel_ulids]', resource: 'channel' };
  const ticket = { location: 'path' as const, path: 'ticket', resource: 'ticket' };
  const withUngrounded = (...ungrounded: Array<typeof channel | typeof tags | typeof filter | typeof ticket>) => ({ ...context(), ungrounded });

  it('skips a 422 whose errors name an ungrounded reference, saying which resource', () => {
    const reason = assertSkip(positiveAccepted, exchange({ op: 'POST /things', status: 422, body: invalid422({ channel: ['The selected channel is invalid.'] }), case: valid }), withUngrounded(channel));
    assert.match(reason, /refers to a channel the run could not find/);
  });
  it('matches array items and the array itself', () => {
    assertSkip(positiveAccepted, exchange({ op: 'POST /things', status: 422, body: invalid422({ 'tag_ulids.1': ['x'] }), case: valid }), withUngrounded(tags));
    assertSkip(positiveAccepted, exchange({ op: 'POST /things', status: 422, body: invalid422({ tag_ulids: ['x'] }), case: valid }), withUngrounded(tags));
  });
  it('skips a 404 when an id in the path was made up, and only then', () => {
    const reason = assertSkip(positiveAccepted, exchange({ op: 'POST /things', status: 404, body: { message: 'Not found.' }, case: valid }), withUngrounded(ticket, channel));
    assert.match(reason, /refers to a ticket the run could not find \(path ticket\)/);
    // A made-up id in the body does not explain a 404: the path was real.
    assertFail(positiveAccepted, exchange({ op: 'POST /things', status: 404, body: { message: 'Not found.' }, case: valid }), withUngrounded(channel, tags));
  });
  it('never excuses a refusal of a made-up filter id: an unknown id in a filter matches nothing', () => {
    assertFail(positiveAccepted, exchange({ op: 'GET /things', status: 422, body: invalid422({ 'filter.channel_ulids': ['x'] }), case: valid }), withUngrounded(filter));
    assertFail(positiveAccepted, exchange({ op: 'GET /things', status: 404, body: { message: 'Not found.' }, case: valid }), withUngrounded(filter));
  });
  it('fails a 422 that names a made-up reference and another field as well', () => {
    assertFail(positiveAccepted, exchange({ op: 'POST /things', status: 422, body: invalid422({ channel: ['x'], subject: ['The subject field is required.'] }), case: valid }), withUngrounded(channel));
  });
  it('still fails a 422 on another field, a 500 and a 400', () => {
    const [other] = assertFail(positiveAccepted, exchange({ op: 'POST /things', status: 422, body: invalid422({ name: ['x'] }), case: valid }), withUngrounded(channel));
    assert.match(other?.title ?? '', /errors on name/);
    // `channel_name` is not `channel`: a prefix of the key is no match.
    assertFail(positiveAccepted, exchange({ op: 'POST /things', status: 422, body: invalid422({ channel_name: ['x'] }), case: valid }), withUngrounded(channel));
    assertFail(positiveAccepted, exchange({ op: 'POST /things', status: 500, body: { message: 'Server Error' }, case: valid }), withUngrounded(channel));
    assertFail(positiveAccepted, exchange({ op: 'POST /things', status: 400, body: { message: 'Bad.' }, case: valid }), withUngrounded(channel));
  });
  it('still fails a 422 on a reference the run did ground (no ungrounded references recorded)', () => {
    assertFail(positiveAccepted, exchange({ op: 'POST /things', status: 422, body: invalid422({ channel: ['The selected channel is invalid.'] }), case: valid }), context());
    assertFail(positiveAccepted, exchange({ op: 'POST /things', status: 404, body: { message: 'Not found.' }, case: valid }), { ...context(), ungrounded: [] });
  });
});
