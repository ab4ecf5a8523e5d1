// Tags and teams: order, unique names, admin writes, tag deletion detaching from tickets, and
// a team's member_count through membership changes.
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

describe('tags', () => {
  it('lists A→Z by code point', async () => {
    const tags = await listData(client, 'member', '/tags');
    assert.ok(tags.length >= 6);
    const names = tags.map((t) => t.name);
    assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('creates, shows, updates and refuses duplicate names', async () => {
    const created = await client.call('admin', 'POST', '/tags', { body: { name: 'needs-review', color: '#123ABC' } });
    assert.equal(created.status, 201);
    assert.equal(created.body.data.color, '#123ABC');
    assert.deepEqual((await client.get('member', `/tags/${created.body.data.ulid}`)).body.data, created.body.data);
    const duplicate = await client.call('admin', 'POST', '/tags', { body: { name: 'needs-review', color: '#000000' } });
    assert.equal(duplicate.status, 422);
    assert.deepEqual(Object.keys(duplicate.body.errors), ['name']);
    assert.equal((await client.call('other', 'POST', '/tags', { body: { name: 'needs-review', color: '#000000' } })).status, 201);

    const updated = await client.call('admin', 'PUT', `/tags/${created.body.data.ulid}`, { body: { name: 'reviewed', color: '#00ff00' } });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.data.name, 'reviewed');
    const partial = await client.call('admin', 'PUT', `/tags/${created.body.data.ulid}`, { body: { name: 'x' } });
    assert.equal(partial.status, 422);
    assert.deepEqual(Object.keys(partial.body.errors), ['color']);
    const clash = await client.call('admin', 'PUT', `/tags/${created.body.data.ulid}`, { body: { name: 'billing', color: '#00ff00' } });
    assert.deepEqual(Object.keys(clash.body.errors), ['name']);
    const bad = await client.call('admin', 'POST', '/tags', { body: { name: ' ', color: 'red' } });
    assert.deepEqual(Object.keys(bad.body.errors).sort(), ['color', 'name']);
  });

  it('detaches a deleted tag from its tickets', async () => {
    const tags = await listData(client, 'admin', '/tags');
    const tickets = await allPages(client, 'admin', '/tickets');
    const tag = tags.find((t) => tickets.some((ticket) => ticket.tags.some((x: any) => x.ulid === t.ulid)));
    const deleted = await client.call('admin', 'DELETE', `/tags/${tag.ulid}`);
    assert.equal(deleted.status, 204);
    assert.equal((await client.get('admin', `/tags/${tag.ulid}`)).status, 404);
    const after = await allPages(client, 'admin', '/tickets');
    assert.equal(after.length, tickets.length);
    assert.ok(after.every((ticket) => ticket.tags.every((x: any) => x.ulid !== tag.ulid)));
  });
});

describe('teams', () => {
  it('keeps member_count true through adds (idempotent) and removals', async () => {
    const created = await client.call('admin', 'POST', '/teams', { body: { name: 'Weekend', description: null } });
    assert.equal(created.status, 201);
    assert.equal(created.body.data.member_count, 0);
    const team = created.body.data;
    const members = await listData(client, 'admin', '/members');
    const [one, two] = [members[0], members[1]];
    const add = (user: any) => client.call('admin', 'POST', `/teams/${team.ulid}/members/${user.ulid}`);
    assert.equal((await add(one)).body.data.member_count, 1);
    const twice = await add(one);
    assert.equal(twice.status, 200);
    assert.equal(twice.body.data.member_count, 1);
    assert.equal((await add(two)).body.data.member_count, 2);
    const removed = await client.call('admin', 'DELETE', `/teams/${team.ulid}/members/${one.ulid}`);
    assert.equal(removed.status, 204);
    assert.equal((await client.get('admin', `/teams/${team.ulid}`)).body.data.member_count, 1);
    const ivan = await firstWhere(client, 'other', '/members', (m) => m.name === 'Ivan Petrov');
    assert.equal((await add(ivan)).status, 404);
    assert.deepEqual((await listData(client, 'admin', '/teams')).find((t) => t.ulid === team.ulid).member_count, 1);
  });

  it('updates only the fields sent and deletes (tickets lose the team)', async () => {
    const team = (await client.call('admin', 'POST', '/teams', { body: { name: 'Temp', description: 'Short lived' } })).body.data;
    const renamed = await client.call('admin', 'PUT', `/teams/${team.ulid}`, { body: { name: 'Temporary' } });
    assert.equal(renamed.body.data.description, 'Short lived');
    const cleared = await client.call('admin', 'PUT', `/teams/${team.ulid}`, { body: { description: null } });
    assert.equal(cleared.body.data.name, 'Temporary');
    assert.equal(cleared.body.data.description, null);
    const ticket = (await client.get('admin', '/tickets?per_page=1')).body.data[0];
    await client.call('admin', 'PUT', `/tickets/${ticket.ulid}/team`, { body: { team_ulid: team.ulid } });
    assert.equal((await client.call('admin', 'DELETE', `/teams/${team.ulid}`)).status, 204);
    assert.equal((await client.get('admin', `/teams/${team.ulid}`)).status, 404);
    assert.equal((await client.get('admin', `/tickets/${ticket.ulid}`)).body.data.assigned_team, null);
  });
});
