// Valid requests record the references the run context could not ground (made-up ids), and
// leave optional ones out, so a refusal for naming nothing is not blamed on the server.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSpecText } from '../../core/spec/load-spec.js';
import type { RunContext } from '../../generators/types.js';
import { invalidRequest } from '../../generators/invalid-request.js';
import { validRequest } from '../../generators/valid-request.js';
import { contractSpec, sample } from './_support/checks.js';

const channels = ['01jbz8k7m2q4r6s8t0v2w4x6yc', '01jbz8k7m2q4r6s8t0v2w4x6yd'];
const tags = ['01jbz8k7m2q4r6s8t0v2w4x6ye'];
const things = ['01jbz8k7m2q4r6s8t0v2w4x6yf'];

const spec = loadSpecText(`
openapi: 3.1.0
info: { title: references, version: '1' }
components:
  schemas:
    Ulid: { type: string, pattern: '^[0-9a-hjkmnp-tv-z]{26}$' }
paths:
  /things:
    get:
      parameters:
        - { name: 'filter[channel_ulids]', in: query, style: form, explode: false, schema: { type: array, items: { $ref: '#/components/schemas/Ulid' } } }
        - { name: 'filter[status]', in: query, schema: { type: string, enum: [open, closed] } }
      responses:
        '200': { description: listed }
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [channel, name, parts]
              properties:
                channel: { $ref: '#/components/schemas/Ulid' }
                name: { type: string, minLength: 1, maxLength: 20 }
                owner_ulid: { anyOf: [{ $ref: '#/components/schemas/Ulid' }, { type: 'null' }] }
                tag_ulids: { type: array, minItems: 1, maxItems: 3, items: { $ref: '#/components/schemas/Ulid' } }
                parts:
                  type: array
                  minItems: 1
                  maxItems: 2
                  items: { type: object, required: [thing_ulid], properties: { thing_ulid: { $ref: '#/components/schemas/Ulid' }, note: { type: string } } }
      responses:
        '201': { description: created }
  /things/{thing}:
    get:
      parameters:
        - { name: thing, in: path, required: true, schema: { $ref: '#/components/schemas/Ulid' } }
      responses:
        '200': { description: read }
  /things/{thing}/tags:
    put:
      parameters:
        - { name: thing, in: path, required: true, schema: { $ref: '#/components/schemas/Ulid' } }
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [tag_ulids], properties: { tag_ulids: { type: array, minItems: 1, maxItems: 3, items: { $ref: '#/components/schemas/Ulid' } } } }
      responses:
        '200': { description: tagged }
`, 'references.yaml');

describe('ungrounded references of valid requests', () => {
  it('marks POST /tickets of the contract when no channel was harvested, and not when one was', () => {
    const operation = contractSpec().operation('POST /tickets')!;
    for (const request of sample(validRequest(operation, {}), 30)) {
      const body = request.body as Record<string, unknown>;
      assert.equal(typeof body.channel, 'string', 'the required channel stays');
      assert.ok(request.ungrounded?.some((entry) => entry.location === 'body' && entry.path === 'channel' && entry.resource === 'channel'), JSON.stringify(request.ungrounded));
    }
    for (const request of sample(validRequest(operation, { ulids: { channel: channels } }), 30)) {
      assert.ok(channels.includes((request.body as Record<string, unknown>).channel as string));
      assert.ok(!(request.ungrounded ?? []).some((entry) => entry.resource === 'channel'), JSON.stringify(request.ungrounded));
    }
  });

  it('keeps required ungrounded references (also inside array items) and leaves optional ones out', () => {
    const operation = spec.operation('POST /things')!;
    const validate = spec.validators.requestBody(operation.key, 'application/json')!;
    for (const request of sample(validRequest(operation, {}), 60)) {
      const body = request.body as Record<string, unknown>;
      assert.equal(validate(body), true, JSON.stringify(validate.errors));
      assert.ok(!('tag_ulids' in body), 'an optional made-up reference is left out');
      assert.ok(body.owner_ulid === undefined || body.owner_ulid === null, 'a null names nothing and may stay');
      const parts = body.parts as unknown[];
      const expected = ['channel', ...parts.map((_part, index) => `parts.${index}.thing_ulid`)];
      assert.deepEqual(request.ungrounded?.map((entry) => entry.path), expected);
      assert.deepEqual(request.ungrounded?.map((entry) => entry.resource), ['channel', ...parts.map(() => 'thing')]);
    }
  });

  it('marks nothing when every reference was taken from the context, and offers optional ones again', () => {
    const operation = spec.operation('POST /things')!;
    const context: RunContext = { ulids: { channel: channels, tag: tags, thing: things, user: channels } };
    const requests = sample(validRequest(operation, context), 60);
    for (const request of requests) assert.equal(request.ungrounded, undefined, JSON.stringify(request.ungrounded));
    assert.ok(requests.some((request) => Array.isArray((request.body as Record<string, unknown>).tag_ulids)));
  });

  it('marks each made-up item of a required array of references by its index', () => {
    const operation = spec.operation('PUT /things/{thing}/tags')!;
    for (const request of sample(validRequest(operation, { ulids: { thing: things } }), 30)) {
      const ids = (request.body as { tag_ulids: string[] }).tag_ulids;
      assert.deepEqual(request.ungrounded, ids.map((_id, index) => ({ location: 'body', path: `tag_ulids.${index}`, resource: 'tag' })));
    }
    for (const request of sample(validRequest(operation, { ulids: { thing: things, tag: tags } }), 30)) assert.equal(request.ungrounded, undefined);
  });

  it('marks query references holding a value the context does not have, and path parameters without harvested ids', () => {
    const list = spec.operation('GET /things')!;
    let marked = 0;
    for (const request of sample(validRequest(list, { ulids: { channel: channels } }), 80)) {
      const sent = request.query['filter[channel_ulids]'];
      const values = sent === undefined ? [] : String(sent).split(',').filter((value) => value !== '');
      const madeUp = values.some((value) => !channels.includes(value));
      const entry = request.ungrounded?.find((candidate) => candidate.path === 'filter[channel_ulids]');
      assert.equal(entry !== undefined, madeUp, `${String(sent)} → ${JSON.stringify(request.ungrounded)}`);
      if (entry !== undefined) {
        assert.deepEqual(entry, { location: 'query', path: 'filter[channel_ulids]', resource: 'channel' });
        marked += 1;
      }
      assert.ok(!(request.ungrounded ?? []).some((candidate) => candidate.path === 'filter[status]'), 'a status is no reference');
    }
    assert.ok(marked > 0, 'schema-random filter values are marked');

    const read = spec.operation('GET /things/{thing}')!;
    for (const request of sample(validRequest(read, {}), 10)) assert.deepEqual(request.ungrounded, [{ location: 'path', path: 'thing', resource: 'thing' }]);
    for (const request of sample(validRequest(read, { ulids: { thing: things } }), 10)) assert.equal(request.ungrounded, undefined);
  });

  it('leaves invalid requests unmarked (their refusal is expected anyway)', () => {
    for (const request of sample(invalidRequest(spec.operation('POST /things')!, {}), 30)) assert.equal(request.ungrounded, undefined);
  });
});
