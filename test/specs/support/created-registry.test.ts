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

// A ticket goes with the contact the run created for it, never with a contact the run did not
// create; and cleanup waits for requests still in flight (an interrupted test).
const RUN = 'ttgate-abc123';
/** A created ticket whose contact has `email`; the request sent `sent` (default the same address). */
const ticket = (ulid: string, email: string, sent = email): Exchange => {
  const exchange = answered('POST /tickets', '/tickets', 201, { data: { ulid, contact: { ulid: `c-${ulid}`, email } } });
  return { ...exchange, request: { ...exchange.request, body: JSON.stringify({ subject: 'x', from_contact: { email: sent } }) } };
};

describe('CreatedRegistry and tickets', () => {
  it('deletes the run’s contact of a ticket, and counts the ticket deleted once a read answers 404', async () => {
    const { client, sent } = fakeClient((request) => (request.operation?.method === 'GET' ? 404 : 204));
    const created = new CreatedRegistry(client, families, {}, RUN);
    created.track(ticket('k1', `ann+${RUN}-w0-1@example.test`));
    const report = await created.cleanup();
    assert.deepEqual(sent.map((request) => `${request.operation?.key} ${request.path}`), ['DELETE /contacts/{contact} /contacts/c-k1', 'GET /tickets/{ticket} /tickets/k1']);
    assert.equal(report.deleted, 1);
    assert.deepEqual(report.leftBehind, []);
  });

  it('never deletes a contact that is not surely the run’s own: no +<run id>- stamp, or not the address it sent', async () => {
    for (const [email, sent] of [
      ['ttgateabc123w0x-0@example.test', 'ttgateabc123w0x-0@example.test'], // the run id without its dashes
      [`jane@${RUN}.example.test`, `jane@${RUN}.example.test`], // the run id outside the local part
      [`jane+${RUN}-w0-1@example.test`, 'jane@example.test'], // not the address the request sent
    ] as const) {
      const { client, sent: requests } = fakeClient(() => 200);
      const created = new CreatedRegistry(client, families, {}, RUN);
      created.track(ticket('k2', email, sent));
      await created.cleanup();
      assert.deepEqual(requests.map((request) => request.operation?.key), ['PUT /tickets/{ticket}/status'], email);
    }
  });

  it('never deletes a contact without the run id: the ticket is closed and reported instead', async () => {
    const { client, sent } = fakeClient(() => 200);
    const created = new CreatedRegistry(client, families, {}, RUN);
    created.track(ticket('k3', 'customer@example.test'));
    const report = await created.cleanup();
    assert.deepEqual(sent.map((request) => request.operation?.key), ['PUT /tickets/{ticket}/status']);
    assert.match(report.leftBehind[0]?.reason ?? '', /set to closed/);
  });

  it('closes the ticket when it is still readable after its contact was deleted', async () => {
    const { client, sent } = fakeClient((request) => (request.operation?.method === 'GET' || request.operation?.method === 'PUT' ? 200 : 204));
    const created = new CreatedRegistry(client, families, {}, RUN);
    created.track(ticket('k4', `bob+${RUN}-w1-2@example.test`));
    const report = await created.cleanup();
    assert.deepEqual(sent.map((request) => request.operation?.key), ['DELETE /contacts/{contact}', 'GET /tickets/{ticket}', 'PUT /tickets/{ticket}/status']);
    assert.equal(report.leftBehind.length, 1);
  });
});

describe('CreatedRegistry and requests in flight', () => {
  it('waits for a request still in flight and deletes what it created', async () => {
    const { client, sent } = fakeClient(() => 204);
    const created = new CreatedRegistry(client, families, {}, RUN);
    let answer: (exchange: Exchange) => void = () => undefined;
    const late = created.watchSend(new Promise<Exchange>((resolve) => (answer = resolve)));
    const cleanup = created.cleanup();
    setTimeout(() => {
      const exchange = answered('POST /tags', '/tags', 201, { data: { ulid: 't9' } });
      created.track(exchange); // what the client's onExchange listener does
      answer(exchange);
    }, 50);
    await late;
    const report = await cleanup;
    assert.deepEqual(sent.map((request) => request.path), ['/tags/t9']);
    assert.equal(report.deleted, 1);
  });

  it('lets no request of an abandoned test out once cleanup has begun, while its own go on', async () => {
    const { client, sent } = fakeClient(() => 204);
    const created = new CreatedRegistry(client, families, {}, RUN);
    created.track(answered('POST /tags', '/tags', 201, { data: { ulid: 't1' } }));
    const before = await created.admit(() => Promise.resolve('sent'));
    assert.equal(before, 'sent');
    const cleanup = created.cleanup();
    let called = false;
    await assert.rejects(created.admit(() => ((called = true), Promise.resolve('late'))), /cleaning up/);
    assert.equal(called, false, 'the late request never went out');
    await cleanup;
    assert.deepEqual(sent.map((request) => request.path), ['/tags/t1']);
  });
});
