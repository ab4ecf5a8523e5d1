import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSpec, loadSpecText } from '../../../core/spec/load-spec.js';
import { fixture, specError } from './fixtures.js';

describe('loadSpec', () => {
  it('refuses an OpenAPI 3.0 document, naming the version and where it is written', () => {
    assert.throws(() => loadSpec(fixture('openapi-3.0.yaml')), specError(/openapi-3\.0\.yaml:1:10: the document is OpenAPI 3\.0\.3, but only OpenAPI 3\.1 is supported/));
  });

  it('refuses a Swagger 2 document, naming it', () => {
    assert.throws(() => loadSpec(fixture('swagger-2.json')), specError(/swagger-2\.json:2:\d+: the document is Swagger 2\.0, but only OpenAPI 3\.1 is supported/));
  });

  it('refuses documents that are not OpenAPI at all', () => {
    assert.throws(() => loadSpecText('- a\n- b\n', 'list.yaml'), specError(/^list\.yaml:1:1: not an OpenAPI document/));
    assert.throws(() => loadSpecText('', 'empty.yaml'), specError(/^empty\.yaml: not an OpenAPI document/));
    assert.throws(() => loadSpecText('info: {title: x}\npaths: {}\n', 'x.yaml'), specError(/no "openapi" version field/));
    assert.throws(() => loadSpecText('openapi: 3.1.0\ninfo: {title: x}\n', 'x.yaml'), specError(/has no "paths"/));
    assert.throws(() => loadSpecText('openapi: 3.1.0\npaths: [1]\n', 'x.yaml'), specError(/x\.yaml:2:8: "paths" must be a map/));
  });

  it('accepts any 3.1.x version and JSON files', () => {
    const spec = loadSpec(fixture('tabs.json'));
    assert.deepEqual(spec.operations.map((operation) => operation.key), ['GET /ping']);
    assert.deepEqual(spec.warnings, []);
  });

  it('finds operations by key, forgiving method case and spacing', () => {
    const spec = loadSpec(fixture('features.yaml'));
    assert.equal(spec.operation('POST /boards/{board}/cards')?.operationId, 'createCard');
    assert.equal(spec.operation('  post   /boards/{board}/cards ')?.operationId, 'createCard');
    assert.equal(spec.operation('DELETE /boards/{board}/cards'), undefined);
  });

  it('locates pointers for messages', () => {
    const spec = loadSpec(fixture('features.yaml'));
    assert.match(spec.where('#/components/schemas/Card'), /features\.yaml:\d+:\d+$/);
  });
});
