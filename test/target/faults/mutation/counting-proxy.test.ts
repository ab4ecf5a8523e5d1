import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../../target/app.js';
import { startCountingProxy, type CountingProxy } from '../../../../target/faults/mutation/counting-proxy.js';

const ADMIN = '1|ttA7kq2Xn9PvL4mR8sW3eY6uB1cD5fG0hJ2kN4pQ';
let app: FastifyInstance;
let proxy: CountingProxy;

before(async () => {
  app = await buildApp();
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  proxy = await startCountingProxy(`${address}/api`);
});
after(async () => {
  await proxy.close();
  await app.close();
});

describe('counting proxy', () => {
  it('passes requests and answers through, numbering each one', async () => {
    const headers = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };
    const created = await fetch(`${proxy.baseUrl}/tags`, { method: 'POST', headers, body: JSON.stringify({ name: 'Proxy tag', color: '#010203' }) });
    assert.equal(created.status, 201);
    const missing = await fetch(`${proxy.baseUrl}/no-such-route`, { headers });
    assert.equal(missing.status, 404);
    assert.deepEqual(await missing.json(), { message: 'Not found.' });
    assert.deepEqual(
      proxy.requests.map((request) => [request.seq, request.method, request.path, request.status]),
      [
        [1, 'POST', '/api/tags', 201],
        [2, 'GET', '/api/no-such-route', 404],
      ],
    );
  });

  it('keeps the Host header, so the target links back through the proxy', async () => {
    const answer = await fetch(`${proxy.baseUrl}/contacts?per_page=5`, { headers: { authorization: `Bearer ${ADMIN}` } });
    const body = (await answer.json()) as { links: { next: string } };
    assert.ok(body.links.next.startsWith(`${proxy.baseUrl}/contacts?`), body.links.next);
  });
});
