import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LoadError } from '../../load/load-error.js';
import { availableScenarios, loadScenario } from '../../load/scenario.js';
import { loadThresholds } from '../../load/thresholds-file.js';

describe('scenario files', () => {
  it('every shipped scenario loads with a smoke and a full size, and has thresholds', () => {
    const names = availableScenarios();
    assert.deepEqual(names, ['capacity', 'rate-limit', 'read-mix', 'soak', 'write-mix']);
    const book = loadThresholds('load/thresholds.yaml');
    for (const name of names) {
      const scenario = loadScenario(name);
      assert.ok(scenario.sizes.smoke.seconds > 0 && scenario.sizes.full.seconds > scenario.sizes.smoke.seconds, name);
      assert.ok(book.forScenario(name, 'smoke').length > 0, `${name} has smoke thresholds`);
      assert.ok(book.forScenario(name, 'full').length > 0, `${name} has full thresholds`);
    }
    assert.deepEqual(loadScenario('soak').requests.map((r) => r.name), loadScenario('read-mix').requests.map((r) => r.name));
    assert.equal(loadScenario('rate-limit').model, 'closed');
    assert.equal(loadScenario('write-mix').journey[0]?.capture.ticket, 'data.ulid');
  });

  it('a bad scenario file is one sentence naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    const write = (name: string, text: string): void => writeFileSync(join(dir, `${name}.yaml`), text);
    const base = 'kind: mix\nrequests: [{ name: me, path: /me }]\n';
    write('a', `name: a\n${base}sizes:\n  smoke: { rate: 10, duration: 1s, connections: 2 }\n  full: { rate: 10, duration: 10x, connections: 2 }\n`);
    write('b', `name: b\n${base}sizes:\n  smoke: { duration: 1s, connections: 2 }\n  full: { rate: 1, duration: 1s, connections: 2 }\n`);
    write('c', `name: wrong\n${base}`);
    write('d', `name: d\nkind: soak\n`);
    write('e', `name: e\n${base}model: closed\nsizes:\n  smoke: { rate: 10, duration: 1s, connections: 2 }\n  full: { duration: 1s, connections: 2 }\n`);
    const cases: Array<[string, RegExp]> = [
      ['a', /a\.yaml: sizes\.full\.duration must be a duration such as "8s" or "5m"\.$/],
      ['b', /b\.yaml: sizes\.smoke\.rate is missing\.$/],
      ['c', /c\.yaml: name must be "c", the file's name\.$/],
      ['d', /d\.yaml: kind must be one of mix, journey, flood, capacity\.$/],
      ['e', /e\.yaml: sizes\.smoke\.rate belongs to open-model scenarios/],
      ['zzz', /^Unknown scenario "zzz" \(available: a, b, c, d, e\)\.$/],
    ];
    for (const [name, message] of cases) {
      assert.throws(() => loadScenario(name, dir), (error: unknown) => error instanceof LoadError && message.test(error.message) && !error.message.includes('\n'), name);
    }
  });
});
