import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiRequest } from '../../../core/client/api-client.js';
import type { Exchange } from '../../../core/exchange.js';
import { loadSpec } from '../../../core/spec/load-spec.js';
import { resourceFamilies } from '../../../generators/resource-families.js';
import { CreatedRegistry } from '../../../specs/support/created-registry.js';
import type { WorkerClient } from '../../../specs/support/worker-client.js';

const spec = loadSpec('openapi.yaml');
const families = resourceFamilies(spec);

function answered(key: string, path: string, status: number, body: unknown, role = 'pool[0]'): Exchange {
  const operation = spec.operation(key);
  return {
    operationKey: key,
    ...(operation === undefined ? {} : { operation }),
    request: { method: key.split(' ')[0] as string, url: `http://t/api${path}`, path, query: [], headers: {}, auth: { kind: 'token', role } },
    rateLimited: [],
    startedAt: 0,
    response: { status, headers: {}, bodyText: JSON.stringify(body), json: { kind: 'json', value: body }, durationMs: 1 },
  };
}

/** A client that answers every delete 204 and every status change 200, and remembers what it was asked. */
function fakeClient(status: (request: ApiRequest) => number = () => 204): { client: WorkerClient; sent: ApiRequest[] } {
  const sent: ApiRequest[] = [];
  const client = {
    send: async (request: ApiRequest): Promise<Exchange> => {
      sent.push(request);
      return answered(request.operation?.key ?? 'GET /x', request.path, status(request), {});
    },
  } as unknown as WorkerClient;
  return { client, sent };
}

describe('CreatedRegistry', () => {
  it('deletes what the run created, newest first, each by the role that created it', async () => {
    const { client, sent } = fakeClient();
    const created = new CreatedRegistry(client, families, { 'x-workspace-id': '1' });
    created.track(answered('POST /brains', '/brains', 201, { data: { ulid: 'b1' } }, 'pool[2]'));
    created.track(answered('POST /brains/{brain}/articles', '/brains/b1/articles', 201, { data: { ulid: 'a1' } }, 'pool[2]'));
    created.track(answered('POST /tags', '/tags', 201, { data: { ulid: 't1' } }, 'multi'));
    created.track(answered('GET /tags', '/tags', 200, { data: [] }));
    const report = await created.cleanup();
    assert.deepEqual(sent.map((request) => `${request.operation?.key} ${request.path} ${String(request.auth)}`), [
      'DELETE /tags/{tag} /tags/t1 multi',
      'DELETE /brains/{brain}/articles/{article} /brains/b1/articles/a1 pool[2]',
      'DELETE /brains/{brain} /brains/b1 pool[2]',
    ]);
    assert.deepEqual(sent[0]?.headers, { 'x-workspace-id': '1' }, 'a multi-workspace token names the workspace');
    assert.equal(report.deleted, 3);
    assert.deepEqual(report.leftBehind, []);
  });

  it('forgets what a test deleted itself, and counts what was already gone', async () => {
    const { client, sent } = fakeClient((request) => (request.path === '/teams/gone' ? 404 : 204));
    const created = new CreatedRegistry(client, families, {});
    created.track(answered('POST /teams', '/teams', 201, { data: { ulid: 'x1' } }));
    created.track(answered('POST /teams', '/teams', 201, { data: { ulid: 'gone' } }));
    created.track(answered('DELETE /teams/{team}', '/teams/x1', 204, {}));
    const report = await created.cleanup();
    assert.deepEqual(sent.map((request) => request.path), ['/teams/gone']);
    assert.equal(report.alreadyGone, 1);
  });

  it('closes tickets and reports them, and reports invitations, as left behind', async () => {
    const { client, sent } = fakeClient(() => 200);
    const created = new CreatedRegistry(client, families, {});
    created.track(answered('POST /tickets', '/tickets', 201, { data: { ulid: 'k1' } }));
    created.track(answered('POST /members/invite', '/members/invite', 201, { data: { ulid: 'i1' } }));
    const report = await created.cleanup();
    assert.deepEqual(sent.map((request) => [request.operation?.key, request.path, request.json]), [['PUT /tickets/{ticket}/status', '/tickets/k1/status', { status: 'closed' }]]);
    assert.deepEqual(report.leftBehind.map((item) => item.resource), ['ticket', 'invite']);
    assert.match(report.leftBehind[0]?.reason ?? '', /set to closed/);
    assert.match(report.leftBehind[1]?.reason ?? '', /no operation of the API removes it/);
  });

  it('hands a delete the creator may not make over to admin, and reports what still fails', async () => {
    const { client, sent } = fakeClient((request) => (request.auth === 'member' ? 403 : request.path === '/tags/stuck' ? 500 : 204));
    const created = new CreatedRegistry(client, families, {});
    created.track(answered('POST /tags', '/tags', 201, { data: { ulid: 'm1' } }, 'member'));
    created.track(answered('POST /tags', '/tags', 201, { data: { ulid: 'stuck' } }));
    const report = await created.cleanup();
    assert.deepEqual(sent.map((request) => `${request.path} ${String(request.auth)}`), ['/tags/stuck pool[0]', '/tags/m1 member', '/tags/m1 admin']);
    assert.equal(report.deleted, 1);
    assert.equal(report.failures.length, 1);
    assert.match(report.failures[0] ?? '', /\/tags\/stuck as pool\[0\]: status 500/);
  });
});
