// `npm run cases` (bin/cases.ts), run as a separate process the way people run it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { contractSpec, projectFile } from './_support/checks.js';

function cases(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', projectFile('bin/cases.ts'), ...args], { cwd: projectFile(''), encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run cases', () => {
  it('prints sane valid cases for all 60 operations as JSON lines', () => {
    const { status, stdout, stderr } = cases('--spec', 'openapi.yaml', '--count', '3', '--seed', '42');
    assert.equal(status, 0, stderr);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, any>);
    assert.equal(lines.length, 180);
    assert.equal(new Set(lines.map((line) => line.operation)).size, 60);
    const spec = contractSpec();
    for (const line of lines) {
      assert.ok(typeof line.method === 'string' && line.path.startsWith('/') && !line.path.includes('{') && typeof line.query === 'object');
      if (line.body !== undefined) assert.equal(spec.validators.requestBody(line.operation, 'application/json')!(line.body), true);
    }
    assert.match(stderr, /180 cases from openapi\.yaml with seed 42/);
  });

  it('prints invalid cases with the broken part and expected status, the same for the same seed', () => {
    const run = () => cases('--spec', 'openapi.yaml', '--operation', 'post /tickets', '--count', '5', '--invalid', '--seed', '7');
    const first = run();
    assert.equal(first.status, 0, first.stderr);
    const lines = first.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, any>);
    assert.equal(lines.length, 5);
    for (const line of lines) {
      assert.equal(line.operation, 'POST /tickets');
      assert.ok(['body', 'query', 'path'].includes(line.broken.location) && typeof line.broken.path === 'string' && typeof line.broken.kind === 'string');
      assert.ok([400, 404, 422].includes(line.broken.expectedStatus));
    }
    assert.equal(run().stdout, first.stdout);
  });

  it('answers bad input with one sentence on stderr and exit code 2', () => {
    for (const args of [
      ['--spec', 'no-such-file.yaml'],
      ['--spec', 'openapi.yaml', '--operation', 'GET /nowhere'],
      ['--spec', 'openapi.yaml', '--count', 'many'],
      ['--spec', 'openapi.yaml', '--colour'],
      [],
      ['--spec', 'openapi.yaml', '--operation', 'GET /me', '--invalid'],
    ]) {
      const { status, stdout, stderr } = cases(...args);
      assert.equal(status, 2, `${args.join(' ')}: ${stderr}`);
      assert.equal(stdout, '');
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
      assert.match(stderr.trim(), /\.$/);
    }
  });
});
