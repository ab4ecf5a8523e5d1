import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { stampBody } from '../../../specs/support/stamp-body.js';

const ajv = new Ajv2020({ strict: false });
addFormats.default(ajv);

const schema = {
  type: 'object',
  properties: {
    subject: { type: 'string', minLength: 1, maxLength: 20 },
    name: { type: 'string' },
    from_contact: { type: 'object', properties: { email: { type: 'string', format: 'email', maxLength: 255 } } },
    to: { type: 'array', items: { type: 'string', format: 'email' } },
  },
};
const validate = ajv.compile(schema);

describe('stampBody', () => {
  it('prefixes the first label field and tags every email, leaving the input alone', () => {
    const body = { subject: 'Hello', name: 'kept', from_contact: { email: 'a@b.test' }, to: ['c@d.test'] };
    const stamped = stampBody(body, schema, 'run-1', validate) as typeof body;
    assert.equal(stamped.subject.startsWith('[run-1] '), true);
    assert.equal(stamped.name, 'kept');
    assert.equal(stamped.from_contact.email, 'a+run-1@b.test');
    assert.deepEqual(stamped.to, ['c+run-1@d.test']);
    assert.equal(body.subject, 'Hello');
  });

  it('cuts the label field to its maxLength in code points', () => {
    const stamped = stampBody({ subject: '😀😀😀😀😀😀😀😀😀😀' }, schema, 'abcdefgh', validate) as { subject: string };
    assert.equal([...stamped.subject].length, 20);
    assert.ok(validate(stamped));
  });

  it('keeps the body as it was when the stamp would make it invalid', () => {
    const strict = { type: 'object', properties: { name: { type: 'string', pattern: '^[a-z]+$' } } };
    const body = { name: 'abc' };
    assert.equal(stampBody(body, strict, 'run-1', ajv.compile(strict)), body);
  });

  it('leaves what is not an object alone', () => {
    assert.equal(stampBody('text', schema, 'run-1', validate), 'text');
    assert.equal(stampBody(undefined, schema, 'run-1', validate), undefined);
  });
});

describe('stampBody on long emails', () => {
  it('cuts the local part to make room for the tag', () => {
    const long = `${'a'.repeat(240)}.b@example.test`;
    const stamped = stampBody({ from_contact: { email: long } }, schema, 'ttgate-run-w0-1', validate) as { from_contact: { email: string } };
    assert.ok(stamped.from_contact.email.length <= 255);
    assert.match(stamped.from_contact.email, /\+ttgate-run-w0-1@example\.test$/);
  });
});
