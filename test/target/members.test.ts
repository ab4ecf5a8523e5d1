// Me, channels and members: workspace resolution, read-only channels, invitations and the
// rules for removing members.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { allPages, startTarget, type Client } from './support/client.js';
import { firstWhere, listData } from './support/seed-lookup.js';

let client: Client;

before(async () => {
  client = await startTarget();
});
after(async () => {
  await client.close();
});

describe('me', () => {
  it('shows the caller and the workspace the request resolved to', async () => {
    const me = (await client.get('member', '/me')).body.data;
    assert.equal(me.user.name, 'Ben Baker');
    assert.deepEqual(me.workspace, { ...me.workspace, id: 1, name: 'Acme Support', slug: 'acme-support' });
    const multi = await client.call('multi', 'GET', '/me', { headers: { 'x-workspace-id': '2' } });
    assert.equal(multi.body.data.workspace.slug, 'globex-help');
  });
});

describe('channels', () => {
  it('lists and shows the workspace channels', async () => {
    const channels = await listData(client, 'member', '/channels');
    assert.deepEqual(channels.map((c) => c.type), ['email', 'email', 'widget']);
    assert.equal(channels[2].email_address, null);
    assert.deepEqual((await client.get('member', `/channels/${channels[1].ulid}`)).body.data, channels[1]);
    assert.equal((await client.call('admin', 'POST', '/channels')).status, 405);
  });
});

describe('members', () => {
  it('lists members A→Z with their roles', async () => {
    const members = await listData(client, 'member', '/members');
    const names = members.map((m) => m.name);
    assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const roles = Object.fromEntries(members.map((m) => [m.name, m.role]));
    assert.equal(roles['Alice Anders'], 'owner');
    assert.equal(roles['Ben Baker'], 'member');
    assert.equal(roles['Max Mertens'], 'admin');
    assert.equal(members.filter((m) => m.name.startsWith('Pool Agent')).length, 8);
  });

  it('invites new people and refuses members, pending invites and foreign channels', async () => {
    const channels = await listData(client, 'admin', '/channels');
    const invited = await client.call('admin', 'POST', '/members/invite', {
      body: { email: 'Newbie@Example.org', name: 'Newbie', role: 'member', channel_ulids: [channels[0].ulid] },
    });
    assert.equal(invited.status, 201);
    assert.equal(invited.body.data.role, 'member');
    assert.equal(invited.body.data.name, 'Newbie');
    const cases: Array<[unknown, string[]]> = [
      [{ email: 'newbie@example.org', role: 'admin' }, ['email']],
      [{ email: 'alice@acme.test', role: 'admin' }, ['email']],
      [{ email: 'pending.invite@acme.test', role: 'member' }, ['email']],
      [{ email: 'fresh@example.org', role: 'owner' }, ['role']],
      [{ email: 'fresh@example.org', role: 'member', channel_ulids: [channels[0].ulid, '01jzzzzzzzzzzzzzzzzzzzzzzz'] }, ['channel_ulids.1']],
      [{ email: 'fresh@example.org', role: 'member', channel_ulids: ['nope'] }, ['channel_ulids.0']],
    ];
    const bChannel = (await listData(client, 'other', '/channels'))[0];
    cases.push([{ email: 'fresh@example.org', role: 'member', channel_ulids: [bChannel.ulid] }, ['channel_ulids.0']]);
    for (const [body, keys] of cases) {
      const answer = await client.call('admin', 'POST', '/members/invite', { body });
      assert.equal(answer.status, 422, JSON.stringify(body));
      assert.deepEqual(Object.keys(answer.body.errors), keys, JSON.stringify(body));
    }
  });

  it('lets admins remove members, nobody remove the owner, members remove only themselves', async () => {
    const members = await listData(client, 'admin', '/members');
    const byName = (name: string) => members.find((m) => m.name === name);
    const owner = byName('Alice Anders');
    const diego = byName('Diego Ortiz');
    const eve = byName('Eve Ng');
    const ben = byName('Ben Baker');
    assert.equal((await client.call('member', 'DELETE', `/members/${diego.ulid}`)).status, 403);
    assert.equal((await client.call('admin', 'DELETE', `/members/${owner.ulid}`)).status, 403);
    assert.equal((await client.call('multi', 'DELETE', `/members/${owner.ulid}`, { headers: { 'x-workspace-id': '1' } })).status, 403);

    // Removing a member also drops their team seats and ticket assignments in the workspace.
    const assigned = (await allPages(client, 'admin', '/tickets')).filter((t) => t.assignee?.ulid === diego.ulid);
    assert.ok(assigned.length > 0);
    const tier1 = await firstWhere(client, 'admin', '/teams', (t) => t.name === 'Tier 1');
    assert.equal((await client.call('admin', 'DELETE', `/members/${diego.ulid}`)).status, 204);
    assert.equal((await client.call('admin', 'DELETE', `/members/${diego.ulid}`)).status, 404);
    assert.equal((await listData(client, 'admin', '/members')).some((m) => m.ulid === diego.ulid), false);
    assert.equal((await firstWhere(client, 'admin', '/teams', (t) => t.name === 'Tier 1')).member_count, tier1.member_count - 1);
    for (const ticket of assigned) assert.equal((await client.get('admin', `/tickets/${ticket.ulid}`)).body.data.assignee, null);
    const refused = await client.call('admin', 'PUT', `/tickets/${assigned[0].ulid}/assignee`, { body: { assignee_ulid: diego.ulid } });
    assert.equal(refused.status, 422);

    assert.equal((await client.call('pool1', 'DELETE', `/members/${eve.ulid}`)).status, 204);
    // Self-removal: the member token loses the workspace afterwards.
    assert.equal((await client.call('member', 'DELETE', `/members/${ben.ulid}`)).status, 204);
    assert.equal((await client.get('member', '/me')).status, 403);
  });
});
