import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runObservationChecks, type Observation } from '../../../core/checks/observations.js';
import { CHECKS, OBSERVATION_CHECKS, observationChecksById } from '../../../core/checks/registry.js';
import { semanticContext } from './_support/semantic-fixtures.js';

const SEMANTIC_IDS = [
  'pagination-links', 'pagination-traversal', 'pagination-bounds', 'filter-semantics', 'sort-order',
  'rate-limit-burst', 'rate-limit-retry-after', 'rate-limit-isolation', 'rate-limit-recovery', 'rate-limit-headers',
  'read-after-write', 'update-persisted', 'use-after-delete', 'create-visible-in-list',
];

describe('the observation checks in the registry', () => {
  it('holds every semantic check id of DESIGN.md once, none shared with a single-exchange check', () => {
    const ids = OBSERVATION_CHECKS.map((check) => check.id);
    assert.deepEqual([...ids].sort(), [...SEMANTIC_IDS].sort());
    const design = readFileSync(new URL('../../../../shared/DESIGN.md', import.meta.url), 'utf8');
    for (const id of ids) assert.ok(design.includes(`\`${id}\``), `${id} is not a DESIGN.md id`);
    const single = new Set(CHECKS.map((check) => check.id));
    for (const id of ids) assert.ok(!single.has(id), `${id} is registered twice`);
  });

  it('gives each a one-line description and at least one observation kind', () => {
    for (const check of OBSERVATION_CHECKS) {
      assert.ok(check.description.length > 20 && !check.description.includes('\n'), check.id);
      assert.ok(check.kinds.length > 0, check.id);
    }
  });

  it('picks checks by id and names unknown ids in one sentence', () => {
    assert.deepEqual(observationChecksById(['sort-order', 'pagination-links']).map((check) => check.id), ['pagination-links', 'sort-order']);
    assert.throws(() => observationChecksById(['sort-orders']), /Unknown observation check id\(s\): sort-orders;/);
  });

  it('turns a check that throws into a check-crashed finding, for every check and kind it judges', () => {
    const exploding = new Proxy({} as Record<string, unknown>, {
      get(_target, key) {
        throw new Error(`boom reading ${String(key)}`);
      },
    });
    for (const check of OBSERVATION_CHECKS) {
      for (const kind of check.kinds) {
        const observation = new Proxy({ kind } as unknown as Observation, {
          get: (target, key) => (key === 'kind' ? kind : (exploding as Record<string | symbol, unknown>)[key]),
        });
        const [result] = runObservationChecks([check], observation, semanticContext());
        assert.equal(result?.outcome, 'fail', `${check.id} on ${kind}`);
        const finding = result?.outcome === 'fail' ? result.findings[0] : undefined;
        assert.equal(finding?.kind, 'check-crashed', `${check.id} on ${kind}`);
      }
    }
  });

  it('skips an observation kind a check does not judge', () => {
    const [result] = runObservationChecks(observationChecksById(['sort-order']), { kind: 'rate-limit-burst', role: 'admin', waves: [] }, semanticContext());
    assert.equal(result?.outcome, 'skip');
  });
});
