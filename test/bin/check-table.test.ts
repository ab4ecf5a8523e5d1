// The README's check table is the registry's: every check id with its description, and no other.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkTable, withTable } from '../../bin/check-table.js';
import { CHECKS, OBSERVATION_CHECKS } from '../../core/checks/registry.js';

const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

test('the README holds the check table generated from the registry (npm run check-table -- --write)', () => {
  assert.equal(withTable(readme), readme);
});

test('the table has one row per registered check', () => {
  const rows = checkTable().split('\n').slice(2);
  assert.equal(rows.length, CHECKS.length + OBSERVATION_CHECKS.length);
  for (const check of [...CHECKS, ...OBSERVATION_CHECKS]) assert.ok(rows.some((row) => row.startsWith(`| \`${check.id}\` |`)), check.id);
});
