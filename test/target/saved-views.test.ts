// Saved views of the reference target: personal and workspace views, slugs, integer ids out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { targetForThisFile } from './support/client.js';
import type { Role } from './support/tokens.js';

interface Ref {
  id: number;
  ulid: string;
}

/** Every answer is also checked against openapi.yaml by the support client. */
const { call, app } = targetForThisFile();

/** Rows of a workspace table straight from the database, to build requests from. */
function rowsOf(table: 'channels' | 'tags', workspaceId: number): Ref[] {
  return app().db
    .prepare(`SELECT id, ulid FROM ${table} WHERE workspace_id = ? ORDER BY id`)
    .all(workspaceId) as Ref[];
}

function userOfToken(tokenId: number): Ref {
  return app().db
    .prepare('SELECT u.id, u.ulid FROM users u JOIN tokens t ON t.user_id = u.id WHERE t.id = ?')
    .get(tokenId) as Ref;
}

describe('saved views', () => {
  it('lists the caller personal views and the workspace views', async () => {
    const admin = (await call('admin', 'GET', '/saved-views')).body.data;
    const member = (await call('member', 'GET', '/saved-views')).body.data;
    assert.equal(admin.filter((view: { is_personal: boolean }) => view.is_personal).length, 2);
    assert.equal(member.filter((view: { is_personal: boolean }) => view.is_personal).length, 1);
    const shared = (views: Array<{ is_personal: boolean; ulid: string }>) =>
      views.filter((view) => !view.is_personal).map((view) => view.ulid);
    assert.deepEqual(shared(admin), shared(member));
    assert.equal(shared(admin).length, 1);
    const withLinks = admin.find((view: { channel_ids: number[] }) => view.channel_ids.length > 0);
    assert.ok(Number.isInteger(withLinks.channel_ids[0]));
    const assigned = admin.find((view: { assigned_user_id: number | null }) => view.assigned_user_id !== null);
    assert.equal(assigned.assigned_user_id, userOfToken(2).id);
  });

  it("answers 404 for someone else's personal view", async () => {
    const views = (await call('member', 'GET', '/saved-views')).body.data;
    const mine = views.find((view: { is_personal: boolean }) => view.is_personal);
    assert.equal((await call('member', 'GET', `/saved-views/${mine.ulid}`)).status, 200);
    assert.equal((await call('admin', 'GET', `/saved-views/${mine.ulid}`)).status, 404);
    assert.equal((await call('admin', 'PUT', `/saved-views/${mine.ulid}`, { name: 'Taken over' })).status, 404);
    assert.equal((await call('admin', 'DELETE', `/saved-views/${mine.ulid}`)).status, 404);
    assert.equal((await call('member', 'GET', `/saved-views/${mine.ulid}`)).body.data.name, mine.name);
  });

  it('goes through create, show, update, show, delete with ids out for ULIDs in', async () => {
    const [channel1, channel2] = rowsOf('channels', 1);
    const [tag1] = rowsOf('tags', 1);
    const [channelOfB] = rowsOf('channels', 2);
    assert.ok(channel1 && channel2 && tag1 && channelOfB);
    const created = await call('member', 'POST', '/saved-views', {
      name: 'Round trip view',
      icon: 'star',
      search: 'refund',
      statuses: ['open', 'waiting'],
      assigned_to_me: true,
      assigned_user_ulid: userOfToken(1).ulid.toUpperCase(),
      channel_ulids: [channel2.ulid, channelOfB.ulid, channel1.ulid.toUpperCase(), '01hzzzzzzzzzzzzzzzzzzzzzzz'],
      tag_ulids: [tag1.ulid, tag1.ulid],
    });
    assert.equal(created.status, 201);
    const view = created.body.data;
    assert.equal(view.is_personal, true, 'personal by default');
    assert.equal(view.slug, 'round-trip-view');
    assert.equal(view.assigned_user_id, userOfToken(1).id);
    assert.deepEqual(view.channel_ids, [channel1.id, channel2.id], 'foreign and unknown channels dropped');
    assert.deepEqual(view.tag_ids, [tag1.id]);
    assert.equal(view.unassigned, false);
    assert.deepEqual((await call('member', 'GET', `/saved-views/${view.ulid}`)).body.data, view);

    const renamed = await call('member', 'PUT', `/saved-views/${view.ulid}`, { name: 'Renamed view', tag_ulids: [] });
    assert.equal(renamed.status, 200);
    assert.deepEqual(renamed.body.data, { ...view, name: 'Renamed view', slug: 'renamed-view', tag_ids: [] });
    // is_personal is not part of an update: a view never switches kind.
    const cleared = await call('member', 'PUT', `/saved-views/${view.ulid}`, {
      statuses: null,
      assigned_user_ulid: null,
      is_personal: false,
    });
    assert.deepEqual(cleared.body.data, { ...renamed.body.data, statuses: null, assigned_user_id: null });
    assert.deepEqual((await call('member', 'GET', `/saved-views/${view.ulid}`)).body.data, cleared.body.data);

    assert.equal((await call('member', 'DELETE', `/saved-views/${view.ulid}`)).status, 204);
    assert.equal((await call('member', 'GET', `/saved-views/${view.ulid}`)).status, 404);
  });

  it('needs admin to create, change or delete a workspace view', async () => {
    assert.equal((await call('member', 'POST', '/saved-views', { name: 'Team queue', is_personal: false })).status, 403);
    const created = await call('admin', 'POST', '/saved-views', { name: 'Team queue', is_personal: false });
    assert.equal(created.status, 201);
    const { ulid } = created.body.data;
    assert.equal(created.body.data.is_personal, false);
    assert.equal((await call('member', 'GET', `/saved-views/${ulid}`)).status, 200, 'visible to every member');
    assert.equal((await call('member', 'PUT', `/saved-views/${ulid}`, { name: 'Hijacked' })).status, 403);
    assert.equal((await call('member', 'DELETE', `/saved-views/${ulid}`)).status, 403);
    assert.equal((await call('admin', 'PUT', `/saved-views/${ulid}`, { icon: 'flag' })).body.data.icon, 'flag');
    assert.equal((await call('admin', 'DELETE', `/saved-views/${ulid}`)).status, 204);
  });

  it('makes slugs from names, unique per workspace', async () => {
    const slugOf = async (role: Role, name: string) => (await call(role, 'POST', '/saved-views', { name })).body.data.slug;
    assert.equal(await slugOf('admin', 'Urgent & Late!'), 'urgent-late');
    assert.equal(await slugOf('member', 'urgent late'), 'urgent-late-2', "unique across other users' views");
    assert.equal(await slugOf('admin', 'Urgent -- late'), 'urgent-late-3');
    assert.equal(await slugOf('other', 'Urgent late'), 'urgent-late', 'another workspace has its own slugs');
    assert.equal(await slugOf('admin', 'Café Ünïcode'), 'cafe-unicode');
    assert.equal(await slugOf('admin', '!!!'), 'view');

    const second = (await call('admin', 'POST', '/saved-views', { name: 'Same name' })).body.data;
    const third = (await call('admin', 'POST', '/saved-views', { name: 'Same name' })).body.data;
    assert.equal(third.slug, 'same-name-2');
    const kept = await call('admin', 'PUT', `/saved-views/${third.ulid}`, { name: 'Same name', icon: 'x' });
    assert.equal(kept.body.data.slug, 'same-name-2', 'an unchanged name keeps its slug');
    await call('admin', 'DELETE', `/saved-views/${second.ulid}`);
    const renamed = await call('admin', 'PUT', `/saved-views/${third.ulid}`, { name: 'Same  name!' });
    assert.equal(renamed.body.data.slug, 'same-name', 'a freed slug is reused on rename');
  });

  it('answers 422 with one key per invalid field', async () => {
    const missing = await call('admin', 'POST', '/saved-views', { statuses: ['open', 'bogus'], channel_ulids: ['nope'] });
    assert.equal(missing.status, 422);
    assert.deepEqual(Object.keys(missing.body.errors).sort(), ['channel_ulids.0', 'name', 'statuses.1']);

    const foreignUser = userOfToken(3);
    const notMember = await call('admin', 'POST', '/saved-views', {
      name: 'Grace view',
      assigned_user_ulid: foreignUser.ulid,
    });
    assert.equal(notMember.status, 422);
    assert.deepEqual(Object.keys(notMember.body.errors), ['assigned_user_ulid']);

    const view = (await call('admin', 'GET', '/saved-views')).body.data[0];
    const badUpdate = await call('admin', 'PUT', `/saved-views/${view.ulid}`, { name: '', assigned_to_me: 'yes' });
    assert.equal(badUpdate.status, 422);
    assert.deepEqual(Object.keys(badUpdate.body.errors).sort(), ['assigned_to_me', 'name']);
    assert.deepEqual((await call('admin', 'GET', `/saved-views/${view.ulid}`)).body.data, view);
  });

  it('hides the views of another workspace behind 404', async () => {
    const ofB = (await call('other', 'GET', '/saved-views')).body.data[0];
    assert.equal((await call('admin', 'GET', `/saved-views/${ofB.ulid}`)).status, 404);
    assert.equal((await call('admin', 'PUT', `/saved-views/${ofB.ulid}`, { name: 'x' })).status, 404);
    assert.equal((await call('admin', 'DELETE', `/saved-views/${ofB.ulid}`)).status, 404);
    const listed = (await call('admin', 'GET', '/saved-views')).body.data.map((view: { ulid: string }) => view.ulid);
    assert.ok(!listed.includes(ofB.ulid));
  });
});
