// The project's own contract must load cleanly: no 3.0 habits, no unknown formats, 60 operations.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../../../core/spec/load-spec.js';

const CONTRACT = fileURLToPath(new URL('../../../openapi.yaml', import.meta.url));

describe('openapi.yaml (the project contract)', () => {
  it('exists', () => {
    assert.ok(existsSync(CONTRACT), `openapi.yaml is missing: expected the contract at ${CONTRACT}`);
  });

  it('loads with no warnings and exactly 60 operations, each key once', { skip: !existsSync(CONTRACT) && 'openapi.yaml is missing' }, () => {
    const spec = loadSpec(CONTRACT);
    assert.deepEqual(spec.warnings, []);
    assert.equal(spec.operations.length, 60, spec.operations.map((operation) => operation.key).join('\n'));
    assert.equal(new Set(spec.operations.map((operation) => operation.key)).size, 60);
  });

  it('compiles every schema of every operation and component', { skip: !existsSync(CONTRACT) && 'openapi.yaml is missing' }, () => {
    const spec = loadSpec(CONTRACT);
    assert.ok(spec.validators.compileAll() > 0);
  });
});
