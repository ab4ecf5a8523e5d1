import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FAULTS } from '../../../../target/faults/catalogue.js';
import { scopeFor, SPEC_FILES_BY_CHECK } from '../../../../target/faults/mutation/gate-scope.js';

describe('gate scope', () => {
  it('names spec files for every check id a fault expects', () => {
    for (const fault of FAULTS) {
      for (const id of fault.catches) assert.ok(SPEC_FILES_BY_CHECK[id]?.length, `${fault.id}: no spec file judges ${id}`);
    }
  });

  it("scopes a fault to the existing files of its primary check, else to the whole gate", () => {
    const root = mkdtempSync(join(tmpdir(), 'scope-'));
    mkdirSync(join(root, 'specs'));
    writeFileSync(join(root, 'specs', 'pagination.spec.ts'), '');
    const fault = { id: 'x', area: 'pagination' as const, description: 'x', catches: ['pagination-links', 'response-schema'] };
    assert.deepEqual(scopeFor(fault, root), ['specs/pagination.spec.ts']);
    assert.equal(scopeFor({ ...fault, catches: ['sort-order'] }, root), undefined);
  });
});
