// A target that misbehaves badly gets findings and a finished report, never a crash or a hang.
// A proxy in front of the reference target answers GET /me properly (the pre-flight passes) and
// breaks everything else: reset connections, never answer (some routes), an HTML page, 500 for
// all. Where even /me is broken, the run cannot be judged: exit 2, one sentence, within seconds.
// THERE_THERE_REQUEST_TIMEOUT_SECONDS shortens the client's 10 s timeout to keep hangs cheap.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertCannotJudge } from './_support/cannot-judge.js';
import { startFaultyProxy, type Fault, type ProxiedRequest, type ProxiedResponse } from './_support/faulty-proxy.js';
import { startGateTarget, writeProfile, type GateTarget } from './_support/gate-target.js';
import { removeTemporaryFolders, runConformance, type ConformanceRun } from './_support/run-conformance.js';

const SPECS = ['specs/operations.spec.ts', '--grep', '(GET|POST) /tags$'];
const FAST_TIMEOUT = { THERE_THERE_REQUEST_TIMEOUT_SECONDS: '1' };

const isMe = (request: ProxiedRequest): boolean => request.url.split('?')[0] === '/api/me';
const html: ProxiedResponse = { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from('<!doctype html><html><body><h1>Welcome</h1></body></html>') };
const serverError: ProxiedResponse = { status: 500, headers: { 'content-type': 'text/plain' }, body: Buffer.from('Internal Server Error') };

let target: GateTarget;


after(async () => {
  await target.close();
  removeTemporaryFolders();
});

/** A conformance run through a proxy with `fault`; the proxy is closed afterwards. */
async function runBehind(fault: Fault): Promise<ConformanceRun> {
  const proxy = await startFaultyProxy(target.origin, fault);
  try {
    return await runConformance({ profile: writeProfile({ baseUrl: `${proxy.origin}/api` }), args: SPECS, cases: 1, env: FAST_TIMEOUT, timeoutMs: 90_000 });
  } finally {
    await proxy.close();
  }
}

function assertFindings(run: ConformanceRun, checkIds: readonly string[]): void {
  const context = `exit ${run.code} after ${run.durationMs} ms\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-1500)}`;
  assert.equal(run.code, 1, context);
  assert.equal(run.summary?.verdict, 'findings', context);
  for (const id of checkIds) assert.ok((run.summary?.checks[id]?.findings ?? 0) > 0, `no ${id} finding; checks: ${JSON.stringify(run.summary?.checks)}`);
  const markdown = join(run.reportsDir, 'summary.md');
  assert.ok(existsSync(markdown), 'summary.md');
  for (const id of checkIds) assert.match(readFileSync(markdown, 'utf8'), new RegExp(id), `summary.md names ${id}`);
  assert.doesNotMatch(run.stdout + run.stderr, /TypeError|ReferenceError|Unhandled/, 'no crash of the suite itself');
  process.stdout.write(`# ${checkIds.join(', ')}: ${run.durationMs} ms\n`);
}

// The runs that must end in findings mostly wait (on the proxy, on timeouts): three at a time
// keeps the file's wall time down without crowding a 2-core machine.
const FINDINGS_RUNS = {
  reset: { request: (request: ProxiedRequest) => (isMe(request) ? undefined : ('reset' as const)) },
  hang: { request: (request: ProxiedRequest) => (request.url.startsWith('/api/tags') ? ('hang' as const) : undefined) },
  html: { request: (request: ProxiedRequest) => (isMe(request) ? undefined : html) },
  serverError: { request: (request: ProxiedRequest) => (isMe(request) ? undefined : serverError) },
} satisfies Record<string, Fault>;
type FindingsRun = keyof typeof FINDINGS_RUNS;
const runs = new Map<FindingsRun, ConformanceRun>();

before(async () => {
  target = await startGateTarget();
  const queue = Object.keys(FINDINGS_RUNS) as FindingsRun[];
  const lane = async (): Promise<void> => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) runs.set(name, await runBehind(FINDINGS_RUNS[name]));
  };
  await Promise.all([lane(), lane(), lane()]);
});

const finished = (name: FindingsRun): ConformanceRun => runs.get(name) as ConformanceRun;

describe('a badly broken target behind a working /me', () => {
  it('resets every connection: response-received findings, exit 1', () => assertFindings(finished('reset'), ['response-received']));
  it('never answers on /tags: response-received findings within the shortened timeout, exit 1', () => assertFindings(finished('hang'), ['response-received']));
  it('answers an HTML page: content-type findings, exit 1', () => assertFindings(finished('html'), ['content-type']));
  it('answers 500 to everything: no-server-error findings, exit 1', () => assertFindings(finished('serverError'), ['no-server-error']));
});

describe('a target broken on /me too', () => {
  // The ~5 s of the issue, with room for a 2-core machine busy with other work (Playwright's
  // start alone took 6-7 s at a load average of 12); a hang adds the pre-flight's 3 s timeout.
  const cases = [['resets', 'reset', 10_000], ['hangs', 'hang', 13_000], ['answers 500', serverError, 10_000], ['answers an HTML page with 200', html, 10_000]] as const;
  for (const [name, answer, limitMs] of cases) {
    it(`${name}: cannot be judged, exit 2 with one sentence within seconds`, async () => {
      const proxy = await startFaultyProxy(target.origin, { request: () => answer });
      try {
        const run = await runConformance({ profile: writeProfile({ baseUrl: `${proxy.origin}/api` }), args: SPECS, cases: 1, env: FAST_TIMEOUT, timeoutMs: 30_000 });
        assertCannotJudge(run, /GET \/me|\/api\/me/, limitMs);
      } finally {
        await proxy.close();
      }
    });
  }
});
