// Another vendor's OpenAPI 3.1 file, written in the 3.0 style many real files still carry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSpec } from '../../../core/spec/load-spec.js';
import { fixture } from './fixtures.js';

describe('a vendor spec with 3.0 habits (pet clinic)', () => {
  const spec = loadSpec(fixture('pet-clinic.yaml'));
  const { validators } = spec;
  const owner = {
    id: 7,
    created_at: '2025-06-01T10:30:00Z',
    first_name: 'Ada',
    last_name: 'Byron',
    email: 'ada@example.com',
    phone: '+31 20-555 1234',
    address: null,
  };
  const pet = { id: '01HZY3K6T3V4B8N0S5W2X9Q7RM', name: 'Tibbles', species: 'cat', birth_date: null, weight_kg: 4.2, tags: ['indoor'] };

  it('loads every operation with one warning per habit', () => {
    assert.equal(spec.operations.length, 12);
    const messages = spec.warnings.map((warning) => warning.message);
    assert.equal(messages.length, 3, messages.join('\n'));
    assert.match(messages[0] ?? '', /`nullable: true`.* in 6 schemas/);
    assert.match(messages[1] ?? '', /exclusiveMinimum/);
    assert.match(messages[2] ?? '', /format "ulid" is unknown .* not checked \(4 schemas\)/);
  });

  it('compiles every schema', () => {
    assert.ok(validators.compileAll() > 20);
  });

  it('validates a list page with nullable fields, patterns repaired for the u flag and headers', () => {
    const page = validators.responseBody('GET /owners', 200, 'application/json');
    assert.equal(page?.({ items: [owner], next_cursor: null }), true);
    assert.equal(page?.({ items: [{ ...owner, phone: 'call me' }], next_cursor: null }), false);
    assert.equal(page?.({ items: [{ ...owner, email: 'nope' }], next_cursor: 'abc' }), false);
    assert.equal(page?.({ items: [{ ...owner, created_at: undefined }], next_cursor: null }), false);
    const headers = validators.responseHeaders('GET /owners', 200);
    assert.equal(headers?.({ 'X-Total-Count': '1', 'X-Request-Id': '0b5a4b7e-8c1a-4b8e-9b1a-2f1e1c9d2a10' }), true);
    assert.equal(headers?.({ 'X-Total-Count': '1', 'X-Request-Id': 'not-a-uuid' }), false);
  });

  it('checks numeric exclusive bounds, closed objects and unknown formats as unchecked', () => {
    const create = validators.requestBody('POST /owners/{ownerId}/pets', 'application/json');
    assert.equal(create?.(pet), true);
    assert.equal(create?.({ ...pet, weight_kg: 0 }), false);
    assert.equal(create?.({ ...pet, colour: 'ginger' }), false);
    assert.equal(create?.({ ...pet, species: 'dragon' }), false);
    assert.equal(create?.({ ...pet, id: 'anything goes for an unknown format' }), true);
  });

  it('reads errors from range and default responses in their own media type', () => {
    const problem = { type: 'https://pawsome.invalid/problems/not-found', title: 'Not found', status: 404 };
    assert.equal(validators.responseBody('GET /owners', 404, 'application/problem+json')?.(problem), true);
    assert.equal(validators.responseBody('GET /owners', 500, 'application/problem+json')?.({ title: 'x' }), false);
    assert.equal(validators.responseBody('GET /owners/{ownerId}', 404, 'application/problem+json')?.(problem), true);
    assert.equal(validators.responseBody('POST /owners/{ownerId}/pets', 500, 'application/problem+json'), undefined);
  });

  it('validates recursive specialties and a nullable $ref', () => {
    const vets = validators.responseBody('GET /vets', 200, 'application/json');
    const surgery = { name: 'surgery', sub_specialties: [{ name: 'orthopaedics', sub_specialties: [{ name: 'spine' }] }] };
    assert.equal(vets?.([{ id: 1, name: 'Dr Who', specialties: [surgery] }]), true);
    assert.equal(vets?.([{ id: 1, name: 'Dr Who', specialties: [{ sub_specialties: [] }] }]), false);
    const visits = validators.responseBody('GET /pets/{petId}/visits', 200, 'application/json');
    const visit = { id: 1, pet_id: pet.id, date: '2025-06-01T10:30:00+02:00' };
    assert.equal(visits?.([{ ...visit, vet: null }, { ...visit, vet: { id: 2, name: 'Dr No', specialties: [] } }]), true);
    assert.equal(visits?.([{ ...visit, vet: { id: 2 } }]), false);
  });

  it('indexes path-level parameters, header overrides, per-operation security and extensions', () => {
    const get = spec.operation('GET /owners/{ownerId}');
    assert.deepEqual(get?.parameters.map((parameter) => `${parameter.in} ${parameter.name} ${parameter.required}`), [
      'path ownerId true',
      'header x-clinic true',
    ]);
    assert.deepEqual(spec.operation('DELETE /owners/{ownerId}')?.security, [{ oauth: ['owners:write'] }]);
    assert.deepEqual(spec.operation('GET /vets')?.security, []);
    assert.deepEqual(spec.operation('GET /owners')?.security, [{ apiKey: [] }]);
    assert.deepEqual(spec.operation('GET /health')?.extensions, { 'x-internal': true });
    assert.equal(validators.responseBody('GET /health', 200, 'text/plain')?.('ok'), true);
    assert.deepEqual(spec.operation('POST /owners')?.extensions, { 'x-codegen-request-body-name': 'owner' });
    assert.equal(validators.parameter('GET /owners/{ownerId}/pets', 'query', 'species')?.(['cat', 'dog']), true);
    assert.equal(validators.parameter('GET /owners/{ownerId}/pets', 'query', 'species')?.(['cat', 'dragon']), false);
  });
});
