import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSpec } from '../../../core/spec/load-spec.js';
import { fixture } from './fixtures.js';

type Schema = Record<string, any>;

describe('recursive schemas', () => {
  const spec = loadSpec(fixture('recursive.yaml'));
  const folder = spec.operation('GET /folders')?.responses['200']?.content['application/json']?.schema as Schema;
  const people = spec.operation('GET /people')?.responses['200']?.content['application/json']?.schema as Schema;

  it('become cyclic object graphs in the model, each schema built once', () => {
    assert.equal(folder.properties.children.items, folder);
    const person = people.items;
    const company = person.properties.employer;
    assert.deepEqual(company.required, ['name']);
    // `{$ref, required}`: the sibling constrains the target, as 2020-12 says.
    assert.deepEqual(company.properties.ceo.required, ['employer']);
    assert.equal(company.properties.ceo.allOf[0], person);
  });

  it('validate at any depth, errors pointing at the deep value', () => {
    const validate = spec.validators.responseBody('GET /folders', 200, 'application/json');
    assert.ok(validate);
    const leaf = (name: unknown) => ({ name, children: [] });
    assert.equal(validate({ name: 'root', children: [{ name: 'a', children: [leaf('b'), leaf('c')] }] }), true);
    assert.equal(validate({ name: 'root', children: [{ name: 'a', children: [leaf(7)] }] }), false);
    assert.equal(validate.errors?.[0]?.instancePath, '/children/0/children/0/name');
  });

  it('apply $ref siblings when validating mutual recursion', () => {
    const validate = spec.validators.responseBody('GET /people', 200, 'application/json');
    assert.ok(validate);
    const ceo = { name: 'Grace', employer: { name: 'Navy' } };
    assert.equal(validate([{ name: 'Ada', employer: { name: 'Engines', ceo } }]), true);
    assert.equal(validate([{ name: 'Ada', employer: { name: 'Engines', ceo: { name: 'Grace' } } }]), false);
  });
});
