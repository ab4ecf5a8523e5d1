import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { defineCheck, type Check } from '../../../core/checks/check.js';
import { CHECKS, checksById } from '../../../core/checks/registry.js';
import { findingsOf, runChecks } from '../../../core/checks/run-checks.js';
import type { Exchange } from '../../../core/exchange.js';
import { context, exchange, page, thing } from '../_support/check-fixtures.js';

const WRITTEN_NOW = [
  'status-documented', 'content-type', 'response-schema', 'response-headers', 'envelope', 'no-server-error',
  'error-body', 'validation-error-format', 'validation-error-fields', 'negative-rejected', 'positive-accepted',
  'auth-required', 'auth-invalid-token', 'workspace-header', 'workspace-isolation', 'role-permissions',
  'unsupported-method', 'unknown-route',
];

describe('the check registry', () => {
  it('holds every check id of this stage, each once, with a one-line description', () => {
    const ids = CHECKS.map((check) => check.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of WRITTEN_NOW) assert.ok(ids.includes(id), `${id} is not registered`);
    for (const check of CHECKS) {
      assert.match(check.id, /^[a-z]+(-[a-z0-9]+)*$/);
      assert.ok(check.description.length > 10 && !check.description.includes('\n'), check.id);
    }
  });

  it('uses the ids of DESIGN.md, plus only response-received', () => {
    const design = readFileSync(new URL('../../../../shared/DESIGN.md', import.meta.url), 'utf8');
    const section = design.slice(design.indexOf('## Check ids'), design.indexOf('## Exit codes'));
    const designIds = new Set([...section.matchAll(/`([a-z-]+)`/g)].map((match) => match[1]));
    const extra = CHECKS.map((check) => check.id).filter((id) => !designIds.has(id));
    assert.deepEqual(extra, ['response-received']);
  });

  it('picks checks by id and names unknown ids in one sentence', () => {
    assert.deepEqual(checksById(['envelope', 'content-type']).map((check) => check.id), ['content-type', 'envelope']);
    assert.throws(() => checksById(['envelop']), /Unknown check id\(s\): envelop;/);
  });

  it('finds nothing wrong in a conformant exchange', () => {
    const results = runChecks(CHECKS, exchange({ op: 'GET /things', body: page([thing()]), case: { validity: 'valid' } }), context());
    assert.deepEqual(findingsOf(results), []);
    assert.ok(results.some((result) => result.outcome === 'pass'));
    assert.ok(results.some((result) => result.outcome === 'skip'));
  });
});

describe('a check that throws', () => {
  it('becomes a check-crashed finding, for every registered check, and the run goes on', () => {
    const exploding = new Proxy({} as Exchange, {
      get(_target, key) {
        if (key === 'operationKey') return 'GET /things';
        throw new Error(`boom reading ${String(key)}`);
      },
    });
    const results = runChecks(CHECKS, exploding, context());
    assert.equal(results.length, CHECKS.length);
    for (const result of results) {
      assert.equal(result.outcome, 'fail', result.checkId);
      const [finding] = result.outcome === 'fail' ? result.findings : [];
      assert.equal(finding?.kind, 'check-crashed');
      assert.equal(finding?.checkId, result.checkId);
      assert.match(finding?.title ?? '', /crashed: Error: boom/);
    }
  });

  it('is caught inside its guard-wrapped run as well, without stopping the checks after it', () => {
    const faulty: Check = defineCheck({
      id: 'faulty',
      description: 'Throws on purpose.',
      run: () => {
        throw new TypeError('cannot read x of undefined');
      },
    });
    const [crashed, after] = runChecks([faulty, CHECKS[1] as Check], exchange({ op: 'GET /things', body: page([]) }), context());
    assert.equal(crashed?.outcome, 'fail');
    assert.equal(crashed?.outcome === 'fail' && crashed.findings[0]?.kind, 'check-crashed');
    assert.equal(after?.outcome, 'pass');
  });
});
