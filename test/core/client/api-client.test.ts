import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiClient, type ApiClientOptions } from '../../../core/client/api-client.js';
import { createRedactor } from '../../../core/redact.js';
import { toCurl } from '../../../core/curl.js';
import { json, startServer, type TestServer } from '../_support/misbehaving-server.js';

const TOKENS = {
  admin: '1|adminSecretAAAAAAAAAAAAAAAAAAAAA',
  member: '2|memberSecretBBBBBBBBBBBBBBBBBBBB',
  pool: ['5|poolSecretCCCCCCCCCCCCCCCCCCCCCC0', '6|poolSecretCCCCCCCCCCCCCCCCCCCCCC1', '7|poolSecretCCCCCCCCCCCCCCCCCCCCCC2'],
};

let server: TestServer;
let retryCalls = 0;

before(async () => {
  server = await startServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    switch (path) {
      case '/api/hang':
        return; // never answers
      case '/api/reset':
        request.socket.destroy();
        return;
      case '/api/html':
        response.writeHead(500, { 'content-type': 'text/html' });
        response.end('<html><body>Whoops, looks like something went wrong.</body></html>');
        return;
      case '/api/truncated':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"data":[{"id":1,"name":"cut');
        return;
      case '/api/short-body':
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
        response.write('{"data":[');
        setTimeout(() => response.socket?.destroy(), 20);
        return;
      case '/api/empty':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end();
        return;
      case '/api/redirect':
        response.writeHead(302, { location: '/api/elsewhere' });
        response.end();
        return;
      case '/api/limited':
        retryCalls += 1;
        if (retryCalls === 1) return json(response, 429, { message: 'Too Many Attempts.' }, { 'retry-after': '1', 'x-ratelimit-remaining': '0' });
        return json(response, 200, { data: { ok: true } });
      case '/api/always-limited':
        return json(response, 429, { message: 'Too Many Attempts.' }, { 'retry-after': '1' });
      default:
        json(response, 200, { data: { echo: request.url } }, { 'x-ratelimit-limit': '60' });
    }
  });
});

after(async () => {
  await server.close();
});

async function client(options: Partial<ApiClientOptions> = {}): Promise<ApiClient> {
  return ApiClient.create({
    profile: { baseUrl: `${server.url}/api`, tokens: TOKENS, rateLimit: { limit: 1000, windowSeconds: 1 }, file: 'test.yaml' },
    timeoutMs: 2000,
    ...options,
  });
}

describe('ApiClient', () => {
  it('sends the role token, JSON headers, query and body, and records the exchange without the token', async () => {
    const api = await client();
    const exchange = await api.send({
      method: 'POST',
      path: '/tickets',
      pathTemplate: '/tickets',
      query: { 'filter[status]': ['open', 'waiting'].join(','), page: 2 },
      headers: { 'X-Workspace-Id': '1' },
      json: { subject: 'Hi' },
      auth: 'member',
    });
    await api.dispose();
    const seen = server.seen.at(-1);
    assert.equal(seen?.headers.authorization, `Bearer ${TOKENS.member}`);
    assert.equal(seen?.headers['content-type'], 'application/json');
    assert.equal(seen?.headers['x-workspace-id'], '1');
    assert.equal(seen?.url, '/api/tickets?filter[status]=open,waiting&page=2');
    assert.equal(seen?.body, '{"subject":"Hi"}');
    assert.equal(exchange.response?.status, 200);
    assert.deepEqual(exchange.response?.json, { kind: 'json', value: { data: { echo: '/api/tickets?filter[status]=open,waiting&page=2' } } });
    assert.equal(exchange.response?.headers['x-ratelimit-limit'], '60');
    assert.deepEqual(exchange.request.auth, { kind: 'token', role: 'member' });
    assert.equal(exchange.operationKey, 'POST /tickets');
    assert.ok(!JSON.stringify(exchange).includes('memberSecret'), 'the token leaked into the exchange');
  });

  it('turns a target that never answers into a timeout exchange within the timeout', async () => {
    const api = await client({ timeoutMs: 300 });
    const started = Date.now();
    const exchange = await api.send({ path: '/hang' });
    await api.dispose();
    assert.equal(exchange.error?.kind, 'timeout');
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    assert.equal(api.stats.timeouts, 1);
  });

  it('maps a reset socket, a cut-off body and a refused connection, keeping no call log', async () => {
    const api = await client();
    const reset = await api.send({ path: '/reset' });
    const short = await api.send({ path: '/short-body' });
    await api.dispose();
    assert.equal(reset.error?.kind, 'connection-reset');
    assert.equal(short.error?.kind, 'incomplete-body');
    assert.ok(!reset.error?.message.includes('\n'));
    assert.ok(!JSON.stringify([reset, short]).includes('adminSecret'), 'the call log leaked the token');

    const nowhere = await ApiClient.create({
      profile: { baseUrl: 'http://127.0.0.1:1/api', tokens: TOKENS, rateLimit: { limit: 60, windowSeconds: 60 }, file: 'x.yaml' },
    });
    const refused = await nowhere.send({ path: '/me' });
    await nowhere.dispose();
    assert.equal(refused.error?.kind, 'connection-refused');
  });

  it('records HTML, truncated JSON and empty bodies raw, without throwing', async () => {
    const api = await client();
    const html = await api.send({ path: '/html' });
    const truncated = await api.send({ path: '/truncated' });
    const empty = await api.send({ path: '/empty' });
    await api.dispose();
    assert.equal(html.response?.status, 500);
    assert.match(html.response?.bodyText ?? '', /Whoops/);
    assert.equal(html.response?.json.kind, 'invalid');
    assert.equal(truncated.response?.bodyText, '{"data":[{"id":1,"name":"cut');
    assert.equal(truncated.response?.json.kind, 'invalid');
    assert.deepEqual(empty.response?.json, { kind: 'empty' });
  });

  it('does not follow redirects', async () => {
    const api = await client();
    const exchange = await api.send({ path: '/redirect' });
    await api.dispose();
    assert.equal(exchange.response?.status, 302);
    assert.equal(exchange.response?.headers.location, '/api/elsewhere');
  });

  it('waits out a 429 per Retry-After, retries, counts it and keeps the 429 for judging', async () => {
    retryCalls = 0;
    const api = await client();
    const started = Date.now();
    const exchange = await api.send({ path: '/limited' });
    const elapsed = Date.now() - started;
    await api.dispose();
    assert.equal(exchange.response?.status, 200);
    assert.ok(elapsed >= 950, `retried after ${elapsed} ms, before Retry-After`);
    assert.equal(exchange.rateLimited.length, 1);
    assert.equal(exchange.rateLimited[0]?.response?.status, 429);
    assert.equal(exchange.rateLimited[0]?.response?.headers['retry-after'], '1');
    assert.equal(api.stats.rateLimited, 1);
    assert.equal(api.stats.retries, 1);
  });

  it('gives up after the bounded retries and returns the last 429', async () => {
    const api = await client({ maxRateLimitRetries: 1, maxRetryWaitMs: 50 });
    const exchange = await api.send({ path: '/always-limited' });
    await api.dispose();
    assert.equal(exchange.response?.status, 429);
    assert.equal(exchange.rateLimited.length, 1);
    assert.equal(api.stats.rateLimited, 2);
  });

  it('paces each token: never more than the limit per window at the server', async () => {
    const limit = 3;
    const windowMs = 300;
    const api = await client({ profile: { baseUrl: `${server.url}/api`, tokens: TOKENS, rateLimit: { limit, windowSeconds: windowMs / 1000 }, file: 't.yaml' }, paceMarginMs: 100 });
    const first = server.seen.length;
    await Promise.all(Array.from({ length: 10 }, (_, index) => api.send({ path: `/paced/${index}` })));
    await api.dispose();
    const arrivals = server.seen.slice(first).map((request) => request.at).sort((a, b) => a - b);
    assert.equal(arrivals.length, 10);
    for (let index = 0; index + limit < arrivals.length; index += 1) {
      const gap = (arrivals[index + limit] as number) - (arrivals[index] as number);
      assert.ok(gap >= windowMs, `requests ${index}..${index + limit} arrived within ${gap} ms`);
    }
  });

  it('spreads "pool" requests round-robin over the pool tokens and records which one', async () => {
    const api = await client();
    const first = server.seen.length;
    const exchanges = [];
    for (let index = 0; index < 4; index += 1) exchanges.push(await api.send({ path: '/me', auth: 'pool' }));
    await api.dispose();
    assert.deepEqual(
      exchanges.map((exchange) => exchange.request.auth),
      ['pool[0]', 'pool[1]', 'pool[2]', 'pool[0]'].map((role) => ({ kind: 'token', role })),
    );
    assert.deepEqual(
      server.seen.slice(first).map((request) => request.headers.authorization),
      [0, 1, 2, 0].map((index) => `Bearer ${TOKENS.pool[index]}`),
    );
  });

  it('sends no Authorization, or a raw bad one, when asked', async () => {
    const api = await client();
    const first = server.seen.length;
    await api.send({ path: '/me', auth: { kind: 'none' } });
    await api.send({ path: '/me', auth: { kind: 'raw', label: 'malformed', authorization: 'Bearer nonsense' } });
    await api.dispose();
    const [none, raw] = server.seen.slice(first);
    assert.equal(none?.headers.authorization, undefined);
    assert.equal(raw?.headers.authorization, 'Bearer nonsense');
  });

  it('sends a raw malformed body byte for byte, and its curl reproduces it without the token', async () => {
    const api = await client();
    const exchange = await api.send({ method: 'POST', path: '/tickets', rawBody: '{"subject": "x",' });
    await api.dispose();
    assert.equal(server.seen.at(-1)?.body, '{"subject": "x",');
    const curl = toCurl(exchange.request, createRedactor({ tokens: TOKENS }));
    assert.match(curl, /--data-raw '\{"subject": "x",'/);
    assert.match(curl, /Bearer <redacted:admin>/);
    assert.ok(!curl.includes('adminSecret'));
  });

  it('names a role the profile lacks in one sentence', async () => {
    const api = await client();
    await assert.rejects(api.send({ path: '/me', auth: 'other' }), /The profile test\.yaml has no token for the role other\./);
    await api.dispose();
  });
});
