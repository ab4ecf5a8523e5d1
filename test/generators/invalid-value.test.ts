import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonSchema } from '../../core/spec/model.js';
import { invalidValue } from '../../generators/invalid-value.js';
import type { InvalidCase, InvalidKind } from '../../generators/types.js';
import { assertInvalidAt, compile, contractSpec, holds, oneSentence, sample } from './_support/checks.js';

const ULID = '^[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{26}$';

const ticket: JsonSchema = {
  type: 'object',
  required: ['channel', 'subject', 'from_contact', 'message'],
  properties: {
    channel: { type: 'string', pattern: ULID },
    subject: { type: 'string', minLength: 1, maxLength: 255, pattern: '\\S' },
    from_contact: {
      type: 'object',
      required: ['email'],
      properties: { email: { type: 'string', format: 'email', maxLength: 255 }, name: { type: ['string', 'null'], maxLength: 255 } },
    },
    message: { type: 'object', required: ['body'], properties: { body: { type: 'string', minLength: 1, maxLength: 65535 } } },
    to_recipients: { type: 'array', minItems: 1, maxItems: 3, items: { type: 'string', format: 'email' } },
    priority: { type: 'integer', minimum: 1, maximum: 5 },
    status: { type: 'string', enum: ['open', 'closed'] },
    due: { type: 'string', format: 'date-time' },
  },
};

/** Every case fails validation at (or under) the path it records; returns a sample to look at. */
function invalidAt(schema: JsonSchema, options = {}, numRuns = 150): InvalidCase[] {
  const validate = compile(schema as object);
  holds(invalidValue(schema, options), (invalid) => assertInvalidAt(validate, invalid.value, invalid.path, `(${invalid.kind})`), numRuns);
  return sample(invalidValue(schema, options), 800);
}

const seen = (cases: InvalidCase[]) => new Set(cases.map((invalid) => `${invalid.kind} ${invalid.path.replace(/\.\d+/g, '.N')}`));

describe('invalidValue', () => {
  it('breaks each constraint of a nested schema, at the path Laravel names', () => {
    const found = seen(invalidAt(ticket));
    for (const expected of [
      'missing-required channel', 'missing-required from_contact.email', 'missing-required message.body',
      'wrong-type subject', 'wrong-type from_contact', 'null-not-allowed from_contact.email', 'null-not-allowed ',
      'too-short subject', 'too-long subject', 'too-long message.body', 'too-long from_contact.name',
      'bad-format from_contact.email', 'bad-format due', 'bad-format to_recipients.N', 'pattern-mismatch channel',
      'not-in-enum status', 'below-minimum priority', 'above-maximum priority', 'too-few-items to_recipients', 'too-many-items to_recipients',
    ]) {
      assert.ok(found.has(expected), `missing ${expected}; found ${[...found].sort().join(', ')}`);
    }
    assert.ok(![...found].some((entry) => entry.startsWith('unknown-property')), 'no unknown-property where additionalProperties is open');
    assert.ok(![...found].some((entry) => entry === 'null-not-allowed from_contact.name'), 'no null case where null is allowed');
  });

  it('adds unknown properties only where additionalProperties is false', () => {
    const closed: JsonSchema = { type: 'object', additionalProperties: false, properties: { a: { type: 'string' } }, required: ['a'] };
    const cases = invalidAt(closed);
    assert.ok(cases.some((invalid) => invalid.kind === 'unknown-property' && invalid.path !== '' && !invalid.path.includes('.')));
  });

  it('breaks exactly one thing: a case of a closed, flat schema has all its errors at the recorded path', () => {
    const schema: JsonSchema = {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'size'],
      properties: { name: { type: 'string', minLength: 2, maxLength: 5 }, size: { type: 'integer', minimum: 0 }, tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } } },
    };
    const validate = compile(schema);
    holds(invalidValue(schema), (invalid) => {
      assert.equal(validate(invalid.value), false);
      for (const error of validate.errors ?? []) {
        const at = [error.instancePath.slice(1).replace(/\//g, '.'), (error.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ?? (error.params as { additionalProperty?: string }).additionalProperty]
          .filter((part) => part !== undefined && part !== '').join('.');
        assert.ok(at === invalid.path || at.startsWith(`${invalid.path}.`) || invalid.path === '', `${invalid.kind} at ${invalid.path} also fails at ${at}`);
      }
    }, 200);
  });

  it('breaks the branch a value took: union members, if/then rules', () => {
    invalidAt({ type: 'object', required: ['who'], properties: { who: { oneOf: [{ type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } }, { type: 'null' }] } } });
    const spec = contractSpec();
    const operation = spec.operation('POST /workflows')!;
    const validate = spec.validators.requestBody(operation.key, 'application/json')!;
    const schema = operation.requestBody!.content['application/json']!.schema;
    holds(invalidValue(schema), (invalid) => assertInvalidAt(validate, invalid.value, invalid.path, `(${invalid.kind})`), 150);
    const found = seen(sample(invalidValue(schema), 1500));
    for (const expected of ['missing-required trigger_parameters', 'above-maximum trigger_parameters.value', 'not-in-enum trigger_type', 'pattern-mismatch trigger_parameters.tag_ulids.N']) {
      assert.ok(found.has(expected), `missing ${expected}`);
    }
  });

  it('keeps to the kinds asked for, and says so when nothing can be broken', () => {
    const cases = invalidAt(ticket, { kinds: ['missing-required', 'too-long'] as InvalidKind[] }, 50);
    assert.deepEqual(new Set(cases.map((invalid) => invalid.kind)), new Set(['missing-required', 'too-long']));
    assert.throws(() => invalidValue({}), oneSentence('invalidValue: the schema offers no way'));
    assert.throws(() => invalidValue(ticket, { kinds: ['made-up'] as never }), oneSentence('invalidValue: unknown kind "made-up"'));
  });

  it('gives the same cases for the same seed, as plain JSON objects', () => {
    const first = sample(invalidValue(ticket), 40, 11);
    assert.deepEqual(first, sample(invalidValue(ticket), 40, 11));
    for (const invalid of first) {
      if (typeof invalid.value === 'object' && invalid.value !== null && !Array.isArray(invalid.value)) {
        assert.equal(Object.getPrototypeOf(invalid.value), Object.prototype);
      }
    }
  });
});
