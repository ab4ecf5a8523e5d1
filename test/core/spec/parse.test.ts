import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SpecError } from '../../../core/spec/errors.js';
import { parseSpecFile, parseSpecText } from '../../../core/spec/parse.js';
import { fixture, specError } from './fixtures.js';

describe('parseSpecFile', () => {
  it('names the file and the line of malformed YAML in one sentence', () => {
    const file = fixture('malformed.yaml');
    assert.throws(() => parseSpecFile(file), specError(new RegExp(`^${escape(file)}:12:\\d+: malformed YAML`)));
    try {
      parseSpecFile(file);
    } catch (error) {
      assert.ok(error instanceof SpecError);
      assert.equal(error.line, 12);
      assert.equal(error.file, file);
    }
  });

  it('rejects duplicate keys at the line of the second one', () => {
    assert.throws(() => parseSpecFile(fixture('duplicate-key.yaml')), specError(/duplicate-key\.yaml:11:\d+: .*unique/));
  });

  it('says a missing file is missing', () => {
    assert.throws(() => parseSpecFile(fixture('no-such-spec.yaml')), specError(/no-such-spec\.yaml: cannot read the spec file: no such file\.$/));
  });

  it('reads JSON, tab-indented too, and locates pointers in it', () => {
    const parsed = parseSpecFile(fixture('tabs.json'));
    assert.equal((parsed.data as { openapi: string }).openapi, '3.1.1');
    assert.deepEqual(parsed.position('#/paths/~1ping/get'), { line: 5, column: 20 });
  });

  it('turns pointers into lines, numeric YAML keys included, and falls back to the deepest existing node', () => {
    const text = ['openapi: 3.1.0', 'paths:', '  /a/{id}:', '    get:', '      responses:', '        200:', '          description: ok', ''].join('\n');
    const parsed = parseSpecText(text, 'inline.yaml');
    assert.equal(parsed.position('#/paths/~1a~1{id}/get/responses/200/description')?.line, 7);
    assert.equal(parsed.position('#/paths/~1a~1%7Bid%7D/get')?.line, 5);
    assert.equal(parsed.position('#/paths/~1a~1{id}/get/responses/404/content')?.line, 6);
    assert.equal(parsed.where('#/paths/~1a~1{id}/get/responses/200/description'), 'inline.yaml:7:24');
    assert.equal(parsed.where('#'), 'inline.yaml:1:1');
  });

  it('reports an alias to no anchor as malformed YAML, not a crash', () => {
    assert.throws(() => parseSpecText('openapi: 3.1.0\npaths: *nowhere\n', 'alias.yaml'), specError(/^alias\.yaml(:\d+:\d+)?: malformed YAML/));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
