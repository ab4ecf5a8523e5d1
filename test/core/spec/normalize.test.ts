import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSpec, loadSpecText } from '../../../core/spec/load-spec.js';
import { fixture } from './fixtures.js';

type Schema = Record<string, any>;

describe('OpenAPI 3.0 habits in a 3.1 document', () => {
  const spec = loadSpec(fixture('habits.yaml'));
  const validate = spec.validators.requestBody('POST /things', 'application/json');
  const valid = (thing: Record<string, unknown>): boolean => validate?.({ count: 1, ...thing }) ?? assert.fail('no validator');

  it('warns once per habit and once per unknown format, with file, line and pointer', () => {
    const messages = spec.warnings.map((warning) => warning.message);
    assert.equal(spec.warnings.length, 5, messages.join('\n'));
    assert.equal(messages.filter((message) => message.includes('`nullable: true`')).length, 1);
    assert.match(messages.find((message) => message.includes('`nullable: true`')) ?? '', /in 3 schemas/);
    assert.equal(messages.filter((message) => message.includes('exclusiveMinimum')).length, 1);
    assert.match(messages.find((message) => message.includes('"shoe-size"')) ?? '', /not checked \(2 schemas\)/);
    assert.equal(messages.filter((message) => message.includes('"flavour"')).length, 1);
    assert.match(messages.find((message) => message.includes('(unclosed')) ?? '', /not a valid ECMAScript regular expression.*not checked/);
    const shoe = spec.warnings.find((warning) => warning.message.includes('"shoe-size"'));
    assert.match(shoe?.where ?? '', /habits\.yaml:50:19 #\/components\/schemas\/Thing\/properties\/shoe\/format$/);
    assert.ok(spec.warnings.every((warning) => /habits\.yaml:\d+:\d+ #\//.test(warning.where)));
  });

  it('reads nullable as a union with null, for types, enums and $refs', () => {
    assert.equal(valid({ nickname: null }), true);
    assert.equal(valid({ nickname: 3 }), false);
    assert.equal(valid({ mood: null }), true);
    assert.equal(valid({ mood: 'sad' }), true);
    assert.equal(valid({ mood: 'angry' }), false);
    assert.equal(valid({ parent: null }), true);
    assert.equal(valid({ parent: { id: 1 } }), true);
    assert.equal(valid({ parent: {} }), false);
  });

  it('reads boolean exclusive bounds as numeric ones', () => {
    assert.equal(valid({ score: 0 }), false);
    assert.equal(valid({ score: 0.5 }), true);
    assert.equal(valid({ score: 10 }), true);
    assert.equal(valid({ score: 10.5 }), false);
  });

  it('accepts any value of an unknown format and still checks known formats and everything else', () => {
    assert.equal(valid({ shoe: 'not a size at all', flavour: '' }), true);
    assert.equal(valid({ shoe: 42 }), false);
    assert.equal(valid({ email: 'ada@example.com' }), true);
    assert.equal(valid({ email: 'not an email' }), false);
    assert.equal(validate?.({}), false);
    assert.equal(valid({ count: 0 }), false);
  });

  it('ignores example and x- keywords, repairs escapes only the u flag refuses, drops what cannot compile', () => {
    assert.equal(valid({ tag: 'anything' }), true);
    assert.equal(valid({ slug: 'a-b_' }), true);
    assert.equal(valid({ slug: 'A' }), false);
    assert.equal(valid({ weird: 'anything' }), true);
  });

  it('gives generators plain 2020-12 schemas and keeps the x- keywords', () => {
    const thing = spec.operation('POST /things')?.requestBody?.content['application/json']?.schema as Schema;
    assert.deepEqual(thing.properties.nickname.type, ['string', 'null']);
    assert.deepEqual(thing.properties.mood.enum, ['happy', 'sad', null]);
    assert.equal(thing.properties.score.exclusiveMinimum, 0);
    assert.equal(thing.properties.score.minimum, undefined);
    assert.equal(thing.properties.score.maximum, 10);
    assert.equal(thing.properties.score.exclusiveMaximum, undefined);
    assert.deepEqual(thing.properties.parent.anyOf[0], { type: 'null' });
    assert.equal(thing.properties.parent.anyOf[1].properties.id.type, 'integer');
    assert.equal(thing['x-entity'], 'thing');
    assert.equal(thing.properties.tag['x-display-name'], 'Tag');
    assert.equal('nullable' in thing.properties.nickname, false);
  });

  it('rewrites only schema keywords: a property called nullable stays a property', () => {
    const text = `openapi: 3.1.0
paths:
  /x:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [nullable]
                properties:
                  nullable: {type: boolean}
                  exclusiveMinimum: {type: boolean}
`;
    const plain = loadSpecText(text, 'plain.yaml');
    assert.deepEqual(plain.warnings, []);
    const validate = plain.validators.responseBody('GET /x', 200, 'application/json');
    assert.equal(validate?.({ nullable: true, exclusiveMinimum: false }), true);
    assert.equal(validate?.({ nullable: null }), false);
  });
});
