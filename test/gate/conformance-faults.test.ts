// The conformance suite against the reference target behind a proxy that breaks one rule: each
// run must fail (exit 1) and name the right check id in summary.json, with a curl that
// reproduces it and no token in it. Runs are narrowed to the tests that meet the fault.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jsonBody, startFaultyProxy, type Fault, type FaultyProxy } from './_support/faulty-proxy.js';
import { localSecrets, startGateTarget, writeProfile, type GateTarget } from './_support/gate-target.js';
import { removeTemporaryFolders, reportFiles, runConformance, type ConformanceRun } from './_support/run-conformance.js';

const ADMIN = 'Bearer 1|ttA7kq2Xn9PvL4mR8sW3eY6uB1cD5fG0hJ2kN4pQ';
const MEMBER = 'Bearer 2|ttM3vB8nC1xZ6aS9dF2gH5jK7lQ0wE4rT1yU8iO3';
const ADMIN_ONLY_TAG_ROUTES = /^\/api\/tags/;

let target: GateTarget;
const proxies: FaultyProxy[] = [];

before(async () => {
  target = await startGateTarget();
});

after(async () => {
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await target.close();
  removeTemporaryFolders();
});

async function runAgainst(fault: Fault, args: string[], cases = 3): Promise<ConformanceRun> {
  const proxy = await startFaultyProxy(target.origin, fault);
  proxies.push(proxy);
  return runConformance({ profile: writeProfile({ baseUrl: `${proxy.origin}/api` }), args, cases, seed: 77 });
}

function assertCaught(run: ConformanceRun, checkId: string, operationKey: string): void {
  assert.equal(run.code, 1, `exit ${run.code}\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-1500)}`);
  const group = run.summary?.findings.find((entry) => entry.checkId === checkId);
  assert.ok(group, `no ${checkId} finding; checks: ${Object.keys(run.summary?.checks ?? {}).join(', ')}`);
  const operation = group.operations.find((entry) => entry.operationKey === operationKey);
  assert.ok(operation, `${checkId} names ${group.operations.map((entry) => entry.operationKey).join(', ')}, not ${operationKey}`);
  const curl = operation.findings[0]?.curl ?? '';
  assert.match(curl, /^curl -sS -i /);
  assert.ok(curl.includes('<redacted:') || !curl.includes('Authorization'), 'the curl redacts the token');
  for (const secret of localSecrets()) {
    for (const { file, text } of reportFiles(run.reportsDir)) assert.ok(!text.includes(secret), `${file} contains a token`);
    assert.ok(!run.stdout.includes(secret), 'stdout contains a token');
  }
}

describe('faults the conformance run must name', () => {
  it('a response without X-RateLimit-Remaining → response-headers', async () => {
    const run = await runAgainst({ response: (_request, response) => void delete response.headers['x-ratelimit-remaining'] }, ['specs/operations.spec.ts', '-g', 'GET /tags$']);
    assertCaught(run, 'response-headers', 'GET /tags');
  });

  it('200 instead of 201 on a create → status-documented', async () => {
    const run = await runAgainst(
      { response: (request, response) => void (request.method === 'POST' && response.status === 201 && (response.status = 200)) },
      ['specs/operations.spec.ts', '-g', 'POST /tags$'],
    );
    assertCaught(run, 'status-documented', 'POST /tags');
  });

  it('the member token let through an admin route → role-permissions', async () => {
    const run = await runAgainst(
      {
        request: (request) => {
          if (request.headers.authorization === MEMBER && request.method !== 'GET' && ADMIN_ONLY_TAG_ROUTES.test(request.url)) request.headers.authorization = ADMIN;
        },
      },
      ['specs/access.spec.ts', '-g', 'role permissions.*(POST|PUT) /tags'],
    );
    assertCaught(run, 'role-permissions', 'POST /tags');
  });

  it('a 500 on an emoji, echoing the token → no-server-error, with the token redacted', async () => {
    const emoji = /\p{Extended_Pictographic}/u;
    const run = await runAgainst(
      {
        request: (request) => {
          if (!emoji.test(request.body.toString('utf8'))) return;
          const response = { status: 500, headers: {}, body: Buffer.alloc(0) };
          jsonBody(response, { message: 'Server Error', debug: `authorization was ${String(request.headers.authorization)}` });
          return response;
        },
      },
      ['specs/operations.spec.ts', '-g', 'POST /quick-replies$'],
      20,
    );
    assertCaught(run, 'no-server-error', 'POST /quick-replies');
    assert.match(JSON.stringify(run.summary?.findings), /authorization was Bearer <redacted:pool\[\d\]>/);
  });
});
