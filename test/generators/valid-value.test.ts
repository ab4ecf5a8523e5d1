import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSpecText } from '../../core/spec/load-spec.js';
import type { JsonSchema } from '../../core/spec/model.js';
import { validValue } from '../../generators/valid-value.js';
import type { ValueOptions } from '../../generators/types.js';
import { codePoints, compile, contractSpec, holds, oneSentence, sample } from './_support/checks.js';

const ULID = '^[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{26}$';

/** Every generated value validates against the schema (ajv 2020 + ajv-formats); returns a sample to look at. */
function validAgainst(schema: JsonSchema, options: ValueOptions = {}, numRuns = 150): unknown[] {
  const validate = compile(schema as object);
  holds(validValue(schema, options), (value) => {
    assert.equal(validate(value), true, `${JSON.stringify(value)?.slice(0, 200)} fails: ${JSON.stringify(validate.errors)}`);
  }, numRuns);
  return sample(validValue(schema, options), 400);
}

const strings = (values: unknown[]): string[] => values.filter((value): value is string => typeof value === 'string');

describe('validValue: types, const and enum', () => {
  it('draws both sides of a type union with null', () => {
    const values = validAgainst({ type: ['string', 'null'], maxLength: 10 });
    assert.ok(values.some((value) => value === null));
    assert.ok(values.some((value) => typeof value === 'string'));
  });

  it('keeps to const and enum, and reaches every enum value', () => {
    assert.deepEqual(new Set(validAgainst({ const: 'fixed' })), new Set(['fixed']));
    const values = validAgainst({ type: 'string', enum: ['open', 'waiting', 'closed', 'spam'] });
    assert.deepEqual(new Set(values), new Set(['open', 'waiting', 'closed', 'spam']));
  });

  it('infers the type from the keywords when `type` is absent', () => {
    const values = validAgainst({ properties: { a: { minimum: 3 } }, required: ['a'] });
    assert.ok(values.every((value) => typeof value === 'object' && value !== null && typeof (value as { a: unknown }).a === 'number'));
  });
});

describe('validValue: strings', () => {
  it('generates every common format, date-time mostly in the contract offset form', () => {
    for (const format of ['email', 'date-time', 'date', 'uri', 'uuid', 'ipv4', 'hostname']) validAgainst({ type: 'string', format }, {}, 80);
    const dateTimes = strings(sample(validValue({ type: 'string', format: 'date-time' }), 200));
    const offsetForm = dateTimes.filter((text) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/.test(text));
    assert.ok(offsetForm.length > dateTimes.length / 2, `${offsetForm.length} of ${dateTimes.length} in the offset form`);
    assert.ok(offsetForm.some((text) => !text.endsWith('+00:00')), 'offsets other than +00:00 appear');
  });

  it('honours format and pattern together (the contract Timestamp)', () => {
    const timestamp = contractSpec().document.components?.schemas?.Timestamp as JsonSchema;
    const values = validAgainst(timestamp);
    assert.ok(strings(values).every((text) => /[+-]\d{2}:\d{2}$/.test(text)));
  });

  it('matches patterns through stringMatching (ULID, hex colour)', () => {
    validAgainst({ type: 'string', pattern: ULID });
    validAgainst({ type: 'string', pattern: '^#[0-9a-fA-F]{6}$' });
  });

  it('reaches exact minLength and maxLength, counted in code points', () => {
    const lengths = new Set(strings(validAgainst({ type: 'string', minLength: 3, maxLength: 40 })).map(codePoints));
    assert.ok(lengths.has(3), 'minLength reached');
    assert.ok(lengths.has(40), 'maxLength reached');
    const long = strings(sample(validValue({ type: 'string', maxLength: 65535 }), 2000));
    assert.ok(long.some((text) => codePoints(text) === 65535), 'a large maxLength is reached too');
  });

  it('mixes in non-ASCII letters, emoji (surrogate pairs) and right-to-left text', () => {
    const values = strings(validAgainst({ type: 'string', minLength: 1, maxLength: 50 }));
    assert.ok(values.some((text) => /[À-ɏЀ-ӿ一-鿿]/u.test(text)), 'non-ASCII letters');
    assert.ok(values.some((text) => [...text].some((char) => char.codePointAt(0)! > 0xffff)), 'astral-plane emoji');
    assert.ok(values.some((text) => /[\u0590-\u06ff]/u.test(text)), 'right-to-left text');
    assert.ok(values.filter((text) => /^[\x20-\x7e]*$/.test(text)).length > values.length / 2, 'mostly plain ASCII');
  });

  it('puts HTML in fields named or described as HTML, and only there', () => {
    const html = (name: string, schema: JsonSchema) =>
      sample(validValue({ type: 'object', required: [name], properties: { [name]: schema } }), 300).map((value) => (value as Record<string, string>)[name]!);
    assert.ok(html('body', { type: 'string', minLength: 1, maxLength: 65535 }).some((text) => /<[a-z]+[ >]/.test(text)));
    assert.ok(html('content', { type: 'string', description: 'The HTML of the message.' }).some((text) => /<[a-z]+[ >]/.test(text)));
    assert.ok(!html('subject', { type: 'string', maxLength: 255 }).some((text) => /<(p|script|img|a|div|table)[ >]/.test(text)));
  });

  it('gives whitespace-only strings where allowed, never to required strings with minLength ≥ 1', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', minLength: 1, maxLength: 20 }, note: { type: 'string', minLength: 1, maxLength: 20 } },
    };
    const blank = (text: unknown) => typeof text === 'string' && text.length > 0 && text.trim() === '';
    const values = validAgainst(schema, {}, 100) as Array<Record<string, unknown>>;
    assert.ok(!values.some((value) => blank(value.name)), 'required: never whitespace-only');
    assert.ok(values.some((value) => blank(value.note)), 'optional: whitespace-only appears');
    const everywhere = sample(validValue(schema, { whitespaceOnly: 'everywhere' }), 400) as Array<Record<string, unknown>>;
    assert.ok(everywhere.some((value) => blank(value.name)), 'option "everywhere" allows it in required strings');
    const never = sample(validValue(schema, { whitespaceOnly: 'never' }), 400) as Array<Record<string, unknown>>;
    assert.ok(!never.some((value) => blank(value.name) || blank(value.note)), 'option "never"');
  });

  it('never starts or ends a non-blank string with whitespace (servers trim)', () => {
    for (const text of strings(sample(validValue({ type: 'string', minLength: 2, maxLength: 30 }), 400))) {
      assert.equal(text, text.trim(), JSON.stringify(text));
    }
  });

  it('respects `pattern: \\S` on required bodies', () => {
    const values = strings(validAgainst({ type: 'string', minLength: 1, maxLength: 65535, pattern: '\\S' }));
    assert.ok(values.every((text) => text.trim() !== ''));
  });
});

describe('validValue: numbers', () => {
  it('stays inside exclusive bounds and on the multipleOf grid', () => {
    validAgainst({ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 });
    validAgainst({ type: 'number', minimum: -5, maximum: 5, multipleOf: 0.25 });
    validAgainst({ type: 'integer', exclusiveMinimum: 10, maximum: 100, multipleOf: 7 });
  });

  it('hits integer boundaries', () => {
    const values = validAgainst({ type: 'integer', minimum: 1, maximum: 100 });
    assert.ok(values.includes(1) && values.includes(100));
  });
});

describe('validValue: arrays and objects', () => {
  it('keeps items unique and reaches maxItems', () => {
    const values = validAgainst({ type: 'array', uniqueItems: true, minItems: 1, maxItems: 4, items: { type: 'string', enum: ['a', 'b', 'c', 'd', 'e'] } });
    assert.ok(values.some((value) => (value as unknown[]).length === 4));
    validAgainst({ type: 'array', uniqueItems: true, items: { type: 'object', properties: { n: { type: 'integer', minimum: 0, maximum: 3 } } } });
  });

  it('always sends required properties and nothing undeclared when additionalProperties is false', () => {
    const values = validAgainst({
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: { id: { type: 'integer' }, name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
    }, { extraProperties: true }) as Array<Record<string, unknown>>;
    assert.ok(values.every((value) => 'id' in value));
    assert.ok(values.some((value) => 'name' in value) && values.some((value) => !('name' in value)));
  });

  it('meets minProperties from a dictionary schema, and adds unknown fields only when asked', () => {
    validAgainst({ type: 'object', minProperties: 2, additionalProperties: { type: 'integer' } });
    const open = { type: 'object', properties: { a: { type: 'string' } } };
    assert.ok(!sample(validValue(open), 300).some((value) => 'x_unexpected_field' in (value as object)));
    assert.ok(validAgainst(open, { extraProperties: true }).some((value) => 'x_unexpected_field' in (value as object)));
  });
});

describe('validValue: combinators', () => {
  it('merges allOf', () => {
    const values = validAgainst({
      allOf: [
        { type: 'object', required: ['a'], properties: { a: { type: 'string' } } },
        { required: ['b'], properties: { a: { maxLength: 3 }, b: { type: 'integer', minimum: 5 } } },
      ],
    }) as Array<{ a: string; b: number }>;
    assert.ok(values.every((value) => codePoints(value.a) <= 3 && value.b >= 5));
  });

  it('picks a oneOf branch and matches exactly one, even when branches overlap', () => {
    const values = validAgainst({ oneOf: [{ type: 'string', maxLength: 5 }, { type: 'string', minLength: 3 }] });
    assert.ok(strings(values).some((text) => codePoints(text) < 3) && strings(values).some((text) => codePoints(text) > 5));
    validAgainst({ oneOf: [{ type: 'integer', multipleOf: 2 }, { type: 'integer', multipleOf: 3 }] });
  });

  it('reaches every anyOf branch', () => {
    const values = validAgainst({ anyOf: [{ type: 'boolean' }, { type: 'object', required: ['k'], properties: { k: { const: 1 } } }] });
    assert.ok(values.some((value) => typeof value === 'boolean') && values.some((value) => typeof value === 'object'));
  });

  it('honours if/then/else: on_no_reply workflows carry trigger_parameters within the bounds of their unit', () => {
    const spec = contractSpec();
    const operation = spec.operation('POST /workflows')!;
    const schema = operation.requestBody!.content['application/json']!.schema;
    const validate = spec.validators.requestBody(operation.key, 'application/json')!;
    const values = sample(validValue(schema), 600) as Array<Record<string, any>>;
    for (const value of values) assert.equal(validate(value), true, JSON.stringify(validate.errors));
    const noReply = values.filter((value) => value.trigger_type === 'on_no_reply');
    assert.ok(noReply.length > 0 && noReply.every((value) => typeof value.trigger_parameters?.value === 'number'));
    const units = new Set(noReply.map((value) => value.trigger_parameters.unit));
    for (const unit of ['minutes', 'hours', 'days', undefined]) assert.ok(units.has(unit), `unit ${unit} appears`);
    assert.ok(noReply.some((value) => value.trigger_parameters.unit === 'days' && value.trigger_parameters.value === 30), 'the days bound is reached');
    const types = new Set(values.map((value) => value.trigger_type));
    assert.equal(types.size, 6, `every trigger type appears: ${[...types]}`);
  });

  it('follows a $ref through resolveRef, recursion stopping at maxDepth', () => {
    const node: JsonSchema = { type: 'object', required: ['name'], properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } } };
    const resolveRef = (ref: string): JsonSchema => {
      assert.equal(ref, '#/$defs/node');
      return node;
    };
    const validate = compile({ $ref: '#/$defs/node', $defs: { node } });
    const depth = (value: any): number => 1 + Math.max(0, ...((value.children ?? []) as unknown[]).map(depth));
    const values = sample(validValue({ $ref: '#/$defs/node' }, { resolveRef, maxDepth: 4 }), 300);
    for (const value of values) assert.equal(validate(value), true);
    assert.ok(values.some((value) => depth(value) >= 3), 'nests');
    assert.ok(values.every((value) => depth(value) <= 5), 'stops');
  });

  it('walks the cyclic graphs core/spec builds for recursive schemas', () => {
    const folder: Record<string, any> = { type: 'object', required: ['name', 'children'], properties: { name: { type: 'string' } } };
    folder.properties.children = { type: 'array', items: folder };
    const tree = { $ref: '#/$defs/f', $defs: { f: { type: 'object', required: ['name', 'children'], properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/f' } } } } } };
    const validate = compile(tree);
    for (const value of sample(validValue(folder), 200)) assert.equal(validate(value), true);
  });
});

describe('validValue: 3.0 habits after core/spec normalisation', () => {
  it('generates values the normalised schema accepts', () => {
    const spec = loadSpecText(`
openapi: 3.1.0
info: { title: habits, version: '1' }
paths:
  /things:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [count]
              x-entity: thing
              properties:
                count: { type: integer, minimum: 1, example: 3 }
                nickname: { type: string, nullable: true }
                mood: { type: string, enum: [happy, sad], nullable: true }
                score: { type: number, minimum: 0, exclusiveMinimum: true, maximum: 10 }
                shoe: { type: string, format: shoe-size }
                parent: { nullable: true, allOf: [{ type: object, required: [id], properties: { id: { type: integer } } }] }
      responses:
        '201': { description: created }
`, 'habits.yaml');
    const operation = spec.operation('POST /things')!;
    const validate = spec.validators.requestBody(operation.key, 'application/json')!;
    const values = sample(validValue(operation.requestBody!.content['application/json']!.schema), 400) as Array<Record<string, unknown>>;
    for (const value of values) assert.equal(validate(value), true, JSON.stringify(validate.errors));
    assert.ok(values.some((value) => value.nickname === null) && values.some((value) => value.mood === null) && values.some((value) => value.parent === null));
    assert.ok(values.every((value) => value.score === undefined || (value.score as number) > 0));
  });
});

describe('validValue: options and determinism', () => {
  it('gives the same values for the same seed', () => {
    const schema = contractSpec().operation('POST /tickets')!.requestBody!.content['application/json']!.schema;
    assert.deepEqual(sample(validValue(schema), 30, 7), sample(validValue(schema), 30, 7));
    assert.notDeepEqual(sample(validValue(schema), 30, 7), sample(validValue(schema), 30, 8));
  });

  it('rejects bad options and unusable schemas in one sentence, when built', () => {
    assert.throws(() => validValue({}, { maxDepth: 0 }), oneSentence('validValue: maxDepth'));
    assert.throws(() => validValue({}, { unusualStrings: 2 }), oneSentence('validValue: unusualStrings'));
    assert.throws(() => validValue({}, { whitespaceOnly: 'sometimes' as never }), oneSentence('validValue: whitespaceOnly'));
    assert.throws(() => validValue({}, { colour: 'red' } as never), oneSentence('validValue: unknown option "colour"'));
    assert.throws(() => validValue({ type: 'integer', minimum: 5, maximum: 1 }), oneSentence('validValue: the schema allows no integer'));
    assert.throws(() => validValue({ type: 'object', required: ['a'], properties: { a: { allOf: [{ type: 'string' }, { type: 'integer' }] } } }), oneSentence('validValue: the schema at a '));
    assert.throws(() => validValue({ $ref: '#/components/schemas/X' }), oneSentence('validValue: the schema has a $ref'));
    assert.throws(() => validValue(false), oneSentence('validValue: the schema is `false`'));
  });
});
