// The client and the checks together against a hand-made server that breaks one rule per path:
// each breakage must surface as a finding of the right check id, and nothing may crash.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CHECKS } from '../../../core/checks/registry.js';
import { findingsOf, runChecks } from '../../../core/checks/run-checks.js';
import { ApiClient, type ApiRequest } from '../../../core/client/api-client.js';
import { context, page, thing, tinySpec, ULID_A } from '../_support/check-fixtures.js';
import { json, startServer, type TestServer } from '../_support/misbehaving-server.js';

const RATE = { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '59' };
let server: TestServer;
let api: ApiClient;

before(async () => {
  server = await startServer((request, response) => {
    const url = request.url ?? '';
    const authorized = request.headers.authorization === 'Bearer 1|adminSecretAAAAAAAA';
    if (url === '/api/things' && request.method === 'PATCH') {
      return json(response, 405, { message: 'Method not allowed.' }, RATE); // no Allow header
    }
    if (url === '/api/nowhere') {
      response.writeHead(404, { 'content-type': 'text/html' });
      return response.end('<h1>Not Found</h1>');
    }
    if (url === '/api/things') {
      if (request.method === 'POST') return json(response, 201, thing(), RATE); // no envelope
      return json(response, 200, page([thing()])); // rate-limit headers missing, and no auth check at all
    }
    if (url === `/api/things/${ULID_A}`) {
      if (!authorized) return json(response, 401, { message: 'Unauthenticated.' }, RATE);
      response.writeHead(200, { 'content-type': 'application/json', ...RATE });
      return response.end('{"data":{"id":1,"ulid":"'); // cut off
    }
    if (url === `/api/things/${ULID_A}/labels`) {
      response.writeHead(500, { 'content-type': 'text/html' });
      return response.end('<html>Whoops, looks like something went wrong.</html>');
    }
    if (url === '/api/hang') return;
    json(response, 404, { message: 'Not found.' }, RATE);
  });
  api = await ApiClient.create({
    profile: {
      baseUrl: `${server.url}/api`,
      tokens: { admin: '1|adminSecretAAAAAAAA', pool: [] },
      rateLimit: { limit: 100, windowSeconds: 1 },
      file: 'faulty.yaml',
    },
    timeoutMs: 300,
  });
});

after(async () => {
  await api.dispose();
  await server.close();
});

async function firedChecks(request: ApiRequest): Promise<string[]> {
  const exchange = await api.send(request);
  const findings = findingsOf(runChecks(CHECKS, exchange, context()));
  assert.deepEqual(findings.filter((finding) => finding.kind === 'check-crashed'), []);
  return [...new Set(findings.map((finding) => finding.checkId))].sort();
}

const op = (key: string) => {
  const operation = tinySpec.operation(key);
  if (operation === undefined) throw new Error(`no ${key}`);
  return operation;
};

describe('checks against a faulty server', () => {
  it('a list without rate-limit headers → response-headers', async () => {
    assert.deepEqual(await firedChecks({ operation: op('GET /things'), path: '/things' }), ['response-headers']);
  });

  it('the same list served without a token → auth-required too', async () => {
    const fired = await firedChecks({ operation: op('GET /things'), path: '/things', auth: { kind: 'none' } });
    assert.deepEqual(fired, ['auth-required', 'response-headers']);
  });

  it('a bare resource instead of {data: ...} → envelope and response-schema', async () => {
    const fired = await firedChecks({ operation: op('POST /things'), path: '/things', json: { name: 'x' }, case: { validity: 'valid' } });
    assert.deepEqual(fired, ['envelope', 'response-schema']);
  });

  it('cut-off JSON → response-schema, with the raw excerpt', async () => {
    const exchange = await api.send({ operation: op('GET /things/{thing}'), path: `/things/${ULID_A}` });
    const findings = findingsOf(runChecks(CHECKS, exchange, context()));
    assert.deepEqual(findings.map((finding) => finding.checkId), ['response-schema']);
    assert.match(findings[0]?.actual ?? '', /\{\\"data\\":\{\\"id\\":1,\\"ulid\\":\\"/);
  });

  it('an HTML 500 → status-documented, no-server-error and error-body', async () => {
    const fired = await firedChecks({ operation: op('GET /things/{thing}/labels'), path: `/things/${ULID_A}/labels` });
    assert.deepEqual(fired, ['error-body', 'no-server-error', 'status-documented']);
  });

  it('a 405 without Allow → unsupported-method; an HTML 404 → unknown-route and error-body', async () => {
    assert.deepEqual(await firedChecks({ method: 'PATCH', path: '/things' }), ['unsupported-method']);
    assert.deepEqual(await firedChecks({ method: 'GET', path: '/nowhere' }), ['error-body', 'unknown-route']);
  });

  it('no answer → response-received only', async () => {
    assert.deepEqual(await firedChecks({ method: 'GET', path: '/hang' }), ['response-received']);
  });
});
