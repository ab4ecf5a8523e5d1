// Shared by the tests of runs that cannot be judged (conformance and gate): a closed port to aim
// at, and the exit-2 contract: one sentence on stderr, no stack trace, no token, within seconds.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { localSecrets } from './gate-target.js';

/** A port nothing listens on (taken, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface FinishedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export function assertCannotJudge(run: FinishedRun, cause: RegExp, limitMs = 6_000): void {
  assert.equal(run.code, 2, `exit ${run.code}\n${run.stdout}\n${run.stderr}`);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${run.stderr}`);
  assert.match(lines[0] ?? '', cause);
  assert.match(lines[0] ?? '', /[.]$/);
  assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /, 'no stack trace');
  for (const secret of localSecrets()) assert.ok(!(run.stdout + run.stderr).includes(secret), 'no token printed');
  assert.ok(run.durationMs < limitMs, `took ${run.durationMs} ms`); // 5 s, and a second for a busy 2-core machine
}
