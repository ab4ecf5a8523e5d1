import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSpec } from '../../../core/spec/load-spec.js';
import { validateResponseBody } from '../../../core/spec/validate-response-body.js';
import { fixture } from './fixtures.js';

describe('validateResponseBody', () => {
  const spec = loadSpec(fixture('features.yaml'));

  it('says whether the body is valid, with the errors', () => {
    assert.deepEqual(validateResponseBody(spec, 'GET /boards/{board}/cards', 200, [{ id: '1', title: 'x' }]), { documented: true, valid: true, errors: [] });
    const invalid = validateResponseBody(spec, 'GET /boards/{board}/cards', 200, [{ id: 1, title: 'x' }]);
    assert.equal(invalid.documented && invalid.valid, false);
    assert.equal(invalid.documented && invalid.errors[0]?.instancePath, '/0/id');
  });

  it('says when the status or media type is not documented', () => {
    assert.deepEqual(validateResponseBody(spec, 'GET /ping', 500, {}), { documented: false });
    assert.deepEqual(validateResponseBody(spec, 'GET /boards/{board}/cards', 200, [], 'text/html'), { documented: false });
  });
});
