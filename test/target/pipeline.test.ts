// The reference target's request pipeline: routing, auth, workspace header, path resources,
// roles, isolation, malformed input and validation, in the contract's order of answers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { allPages, startTarget, type Client } from './support/client.js';
import { firstWhere, listData } from './support/seed-lookup.js';
import { TOKENS } from './support/tokens.js';

let client: Client;
const UNKNOWN_ULID = '01jzzzzzzzzzzzzzzzzzzzzzzz';

before(async () => {
  client = await startTarget();
});
after(async () => {
  await client.close();
});

function assertRateHeaders(headers: Record<string, unknown>): void {
  assert.match(String(headers['x-ratelimit-limit']), /^\d+$/);
  assert.match(String(headers['x-ratelimit-remaining']), /^\d+$/);
}

describe('routing', () => {
  it('answers an unknown path with a JSON 404 before any auth', async () => {
    for (const path of ['/nope', '/tickets/x/y/z', '/']) {
      const answer = await client.get(null, path);
      assert.equal(answer.status, 404);
      assert.deepEqual(answer.body, { message: 'Not found.' });
      assertRateHeaders(answer.headers);
    }
  });

  it('answers a known path with another method with 405 and Allow', async () => {
    const tickets = await client.call(null, 'DELETE', '/tickets');
    assert.equal(tickets.status, 405);
    assert.equal(tickets.headers.allow, 'GET, POST');
    assert.deepEqual(tickets.body, { message: 'Method not allowed.' });
    assertRateHeaders(tickets.headers);
    const one = await client.call('admin', 'PATCH', `/tickets/${UNKNOWN_ULID}`);
    assert.equal(one.status, 405);
    assert.equal(one.headers.allow, 'GET');
    const tag = await client.call('admin', 'POST', `/tags/${UNKNOWN_ULID}`);
    assert.equal(tag.headers.allow, 'GET, PUT, DELETE');
  });
});

describe('authentication', () => {
  it('answers 401 for a missing, malformed or unknown token', async () => {
    const cases: Array<Record<string, string>> = [
      {},
      { authorization: 'Token abc' },
      { authorization: 'Bearer' },
      { authorization: `Basic ${TOKENS.admin}` },
      { authorization: 'Bearer 1|wrong-secret' },
      { authorization: `Bearer ${TOKENS.admin}x` },
    ];
    for (const headers of cases) {
      const answer = await client.call(null, 'GET', '/me', { headers });
      assert.equal(answer.status, 401, JSON.stringify(headers));
      assert.deepEqual(answer.body, { message: 'Unauthenticated.' });
      assertRateHeaders(answer.headers);
    }
  });

  it('answers 401 before a 404 of a path parameter', async () => {
    const answer = await client.get(null, `/tickets/${UNKNOWN_ULID}`);
    assert.equal(answer.status, 401);
  });
});

describe('workspace header', () => {
  const me = (role: 'admin' | 'multi' | 'other', header?: string) =>
    client.call(role, 'GET', '/me', header === undefined ? {} : { headers: { 'x-workspace-id': header } });

  it('needs the header for a multi-workspace token', async () => {
    const answer = await me('multi');
    assert.equal(answer.status, 400);
    assert.equal(typeof answer.body.message, 'string');
  });

  it('picks the workspace named by the header for a multi-workspace token', async () => {
    assert.equal((await me('multi', '1')).body.data.workspace.name, 'Acme Support');
    assert.equal((await me('multi', '2')).body.data.workspace.name, 'Globex Help');
  });

  it('answers 400 for a value that is not a positive integer', async () => {
    for (const value of ['abc', '1.5', '0', '-1', '1e2', '', ' ']) {
      for (const role of ['multi', 'admin'] as const) {
        const answer = await me(role, value);
        assert.equal(answer.status, 400, `${role} with X-Workspace-Id "${value}"`);
      }
    }
  });

  it('answers 403 for a workspace the token cannot use', async () => {
    assert.equal((await me('multi', '3')).status, 403);
    assert.equal((await me('multi', '99')).status, 403);
    assert.equal((await me('admin', '2')).status, 403);
    assert.equal((await me('admin', '3')).status, 403);
    assert.equal((await me('other', '1')).status, 403);
  });

  it('accepts a single-workspace token with or without its own id', async () => {
    assert.equal((await me('admin')).body.data.workspace.id, 1);
    assert.equal((await me('admin', '1')).body.data.workspace.id, 1);
    assert.equal((await me('other')).body.data.workspace.id, 2);
    assert.equal((await me('other', '2')).status, 200);
  });

  it('answers the workspace 400 before a missing path resource', async () => {
    const answer = await client.get('multi', `/tickets/${UNKNOWN_ULID}`);
    assert.equal(answer.status, 400);
  });
});

describe('roles', () => {
  it('refuses the member token on admin routes and leaves the data alone', async () => {
    const tag = (await listData(client, 'admin', '/tags'))[0];
    const team = (await listData(client, 'admin', '/teams'))[0];
    const contact = (await client.get('admin', '/contacts?per_page=1')).body.data[0];
    const diego = await firstWhere(client, 'admin', '/members', (m) => m.name === 'Diego Ortiz');
    const attempts: Array<[string, string, unknown?]> = [
      ['POST', '/tags', { name: 'nope', color: '#000000' }],
      ['PUT', `/tags/${tag.ulid}`, { name: 'renamed', color: '#000000' }],
      ['DELETE', `/tags/${tag.ulid}`],
      ['DELETE', `/contacts/${contact.ulid}`],
      ['POST', '/teams', { name: 'nope' }],
      ['PUT', `/teams/${team.ulid}`, { name: 'renamed' }],
      ['DELETE', `/teams/${team.ulid}`],
      ['POST', `/teams/${team.ulid}/members/${diego.ulid}`],
      ['DELETE', `/teams/${team.ulid}/members/${diego.ulid}`],
      ['POST', '/members/invite', { email: 'someone@new.test', role: 'member' }],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await client.call('member', method as 'POST', path, body === undefined ? {} : { body });
      assert.equal(answer.status, 403, `${method} ${path}`);
      assert.deepEqual(answer.body, { message: 'This action is unauthorized.' });
    }
    assert.deepEqual((await listData(client, 'admin', '/tags'))[0], tag);
    assert.equal((await client.get('admin', `/contacts/${contact.ulid}`)).status, 200);
    assert.deepEqual((await listData(client, 'admin', '/teams'))[0], team);
  });

  it('answers a missing path resource (404) before the role (403)', async () => {
    const answer = await client.call('member', 'DELETE', `/tags/${UNKNOWN_ULID}`);
    assert.equal(answer.status, 404);
  });

  it('answers the role (403) before a malformed body (400)', async () => {
    const answer = await client.call('member', 'POST', '/tags', { raw: '{"name": ' });
    assert.equal(answer.status, 403);
  });
});

describe('path parameters and isolation', () => {
  it('answers 404 for a value that is not a ULID or names nothing', async () => {
    for (const value of ['123', 'not-a-ulid', UNKNOWN_ULID, `${UNKNOWN_ULID}0`]) {
      const answer = await client.get('admin', `/tickets/${value}`);
      assert.equal(answer.status, 404, value);
      assert.deepEqual(answer.body, { message: 'Not found.' });
    }
  });

  it('accepts a ULID in upper case', async () => {
    const ticket = (await client.get('admin', '/tickets?per_page=1')).body.data[0];
    const answer = await client.get('admin', `/tickets/${ticket.ulid.toUpperCase()}`);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.data.ulid, ticket.ulid);
  });

  it('hides every workspace B resource from workspace A', async () => {
    const bTicket = (await client.get('other', '/tickets?per_page=1')).body.data[0];
    const bContact = (await client.get('other', '/contacts?per_page=1')).body.data[0];
    const bTag = (await listData(client, 'other', '/tags'))[0];
    const bTeam = (await listData(client, 'other', '/teams'))[0];
    const bChannel = (await listData(client, 'other', '/channels'))[0];
    const bMember = await firstWhere(client, 'other', '/members', (m) => m.name === 'Ivan Petrov');
    const aTicket = (await client.get('admin', '/tickets?per_page=1')).body.data[0];
    const aTeam = (await listData(client, 'admin', '/teams'))[0];
    for (const path of [
      `/tickets/${bTicket.ulid}`,
      `/tickets/${bTicket.ulid}/activities`,
      `/contacts/${bContact.ulid}`,
      `/tags/${bTag.ulid}`,
      `/teams/${bTeam.ulid}`,
      `/channels/${bChannel.ulid}`,
    ]) {
      assert.equal((await client.get('admin', path)).status, 404, path);
    }
    assert.equal((await client.call('admin', 'POST', `/tickets/${aTicket.ulid}/tags/${bTag.ulid}`)).status, 404);
    assert.equal((await client.call('admin', 'POST', `/teams/${aTeam.ulid}/members/${bMember.ulid}`)).status, 404);
    assert.equal((await client.call('admin', 'DELETE', `/members/${bMember.ulid}`)).status, 404);
    // The multi token sees B's ticket only with workspace 2 selected.
    const viaMulti = (header: string) => client.call('multi', 'GET', `/tickets/${bTicket.ulid}`, { headers: { 'x-workspace-id': header } });
    assert.equal((await viaMulti('1')).status, 404);
    assert.equal((await viaMulti('2')).status, 200);
  });

  it('never lists workspace B rows in workspace A lists', async () => {
    const bTickets = new Set((await allPages(client, 'other', '/tickets')).map((t) => t.ulid));
    const aTickets = await allPages(client, 'admin', '/tickets');
    assert.ok(bTickets.size >= 10);
    assert.ok(aTickets.every((t) => !bTickets.has(t.ulid)));
    const bContacts = new Set((await allPages(client, 'other', '/contacts')).map((c) => c.ulid));
    assert.ok((await allPages(client, 'admin', '/contacts')).every((c) => !bContacts.has(c.ulid)));
    for (const path of ['/tags', '/teams', '/channels', '/members']) {
      const bUlids = new Set((await listData(client, 'other', path)).map((item) => item.ulid));
      const aItems = await listData(client, 'admin', path);
      const shared = aItems.filter((item) => bUlids.has(item.ulid)).map((item) => item.name);
      // Max Mertens is a member of both workspaces; nothing else may be shared.
      assert.deepEqual(shared, path === '/members' ? ['Max Mertens'] : [], path);
    }
    // A search term that matches B's tickets finds only A's own.
    const found = await allPages(client, 'admin', '/tickets?filter[search]=password');
    assert.ok(found.length > 0 && found.every((t) => !bTickets.has(t.ulid)));
  });
});

describe('malformed input', () => {
  it('answers 400 for a malformed JSON body', async () => {
    const ticket = (await client.get('admin', '/tickets?per_page=1')).body.data[0];
    for (const raw of ['{', '{"body": "x",}', 'not json']) {
      const answer = await client.call('admin', 'POST', `/tickets/${ticket.ulid}/note`, { raw });
      assert.equal(answer.status, 400, raw);
      assert.deepEqual(answer.body, { message: 'Malformed JSON body.' });
    }
  });

  it('answers a missing path resource (404) before a malformed body (400)', async () => {
    const answer = await client.call('admin', 'POST', `/tickets/${UNKNOWN_ULID}/note`, { raw: '{' });
    assert.equal(answer.status, 404);
  });

  it('answers 400 for an unknown filter key or sort value', async () => {
    for (const path of [
      '/tickets?filter[bogus]=1',
      '/tickets?filter[name]=x',
      '/tickets?sort=name',
      '/tickets?sort=-bogus',
      '/contacts?filter[status]=open',
      '/contacts?sort=last_activity_at',
      '/tags?filter[name]=x',
    ]) {
      const answer = await client.get('admin', path);
      assert.equal(answer.status, 400, path);
      assert.equal(typeof answer.body.message, 'string');
    }
  });

  it('answers an unknown filter (400) before an invalid page (422)', async () => {
    const answer = await client.get('admin', '/tickets?filter[bogus]=1&per_page=0');
    assert.equal(answer.status, 400);
  });
});

describe('validation', () => {
  it('reports every invalid body field with a dotted key', async () => {
    const answer = await client.call('admin', 'POST', '/tickets', {
      body: { channel: 'nope', subject: '   ', from_contact: { email: 'not-an-email', name: 7 }, message: {} },
    });
    assert.equal(answer.status, 422);
    const keys = Object.keys(answer.body.errors).sort();
    assert.deepEqual(keys, ['channel', 'from_contact.email', 'from_contact.name', 'message.body', 'subject']);
    assert.equal(answer.body.message, (Object.values(answer.body.errors)[0] as string[])[0]);
    for (const messages of Object.values(answer.body.errors)) assert.ok((messages as string[]).length >= 1);
  });

  it('reports every missing required field, also for an empty or non-object body', async () => {
    for (const options of [{}, { body: {} }, { body: [] }, { raw: '"text"' }]) {
      const answer = await client.call('admin', 'POST', '/tickets', options);
      assert.equal(answer.status, 422, JSON.stringify(options));
      assert.deepEqual(Object.keys(answer.body.errors).sort(), ['channel', 'from_contact', 'message', 'subject']);
    }
  });

  it('keys array items by index', async () => {
    const ticket = (await client.get('admin', '/tickets?per_page=1')).body.data[0];
    const answer = await client.call('admin', 'POST', `/tickets/${ticket.ulid}/reply`, {
      body: { body: '<p>Hi</p>', to_recipients: ['ok@example.org', 'broken'], cc_recipients: 'x' },
    });
    assert.equal(answer.status, 422);
    assert.deepEqual(Object.keys(answer.body.errors).sort(), ['cc_recipients', 'to_recipients.1']);
  });

  it('reports invalid query values with filter.key names', async () => {
    const cases: Array<[string, string[]]> = [
      ['/tickets?per_page=0', ['per_page']],
      ['/tickets?per_page=101', ['per_page']],
      ['/tickets?per_page=abc', ['per_page']],
      ['/tickets?page=0', ['page']],
      ['/tickets?page=1.5', ['page']],
      ['/tickets?filter[assigned_to_me]=yes', ['filter.assigned_to_me']],
      ['/tickets?filter[unassigned]=TRUE', ['filter.unassigned']],
      ['/tickets?filter[status]=open,closedish', ['filter.status']],
      ['/tickets?filter[channel_ulids]=nope', ['filter.channel_ulids']],
      ['/tickets?filter[assigned_user_ulid]=123', ['filter.assigned_user_ulid']],
      ['/tickets?per_page=0&page=x&filter[unassigned]=2', ['filter.unassigned', 'page', 'per_page']],
      ['/contacts?per_page=1000', ['per_page']],
      [`/tickets/${UNKNOWN_ULID}/activities?page=0`, []],
    ];
    for (const [path, keys] of cases) {
      const answer = await client.get('admin', path);
      if (keys.length === 0) {
        assert.equal(answer.status, 404, path);
        continue;
      }
      assert.equal(answer.status, 422, path);
      assert.deepEqual(Object.keys(answer.body.errors).sort(), keys, path);
    }
  });

  it('ignores unknown body fields', async () => {
    const answer = await client.call('admin', 'POST', '/contacts', {
      body: { email: 'Extra.Fields@Example.org', surprise: true, nested: { a: 1 } },
    });
    assert.equal(answer.status, 201);
    assert.equal(answer.body.data.email, 'extra.fields@example.org');
  });

  it('treats booleans 1 and 0 like true and false', async () => {
    const yes = await client.get('admin', '/tickets?filter[unassigned]=1&per_page=100');
    const yesWord = await client.get('admin', '/tickets?filter[unassigned]=true&per_page=100');
    const no = await client.get('admin', '/tickets?filter[unassigned]=0&per_page=100');
    const all = await client.get('admin', '/tickets?per_page=100');
    assert.equal(yes.status, 200);
    assert.deepEqual(yes.body.data, yesWord.body.data);
    assert.deepEqual(no.body.meta.total, all.body.meta.total);
    assert.ok(yes.body.meta.total < all.body.meta.total);
  });
});
