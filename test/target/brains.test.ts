// Brains and articles of the reference target: admin writes, the 10-brain limit, article_count.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { targetForThisFile } from './support/client.js';
import type { Role } from './support/tokens.js';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;

/** Every answer is also checked against openapi.yaml by the support client. */
const { call, app } = targetForThisFile();

async function countOf(role: Role, brainUlid: string): Promise<number> {
  return (await call(role, 'GET', `/brains/${brainUlid}`)).body.data.article_count;
}

describe('brains', () => {
  it('lists the seeded brains with true article counts', async () => {
    const a = (await call('member', 'GET', '/brains')).body.data;
    assert.equal(a.length, 2);
    assert.equal((await call('other', 'GET', '/brains')).body.data.length, 1);
    for (const brain of a) {
      const articles = (await call('member', 'GET', `/brains/${brain.ulid}/articles`)).body.data;
      assert.ok(articles.length >= 2);
      assert.equal(brain.article_count, articles.length);
      for (const article of articles) assert.equal(article.brain_id, brain.id);
    }
  });

  it('goes through create, show, update, show, delete for a brain', async () => {
    const created = await call('admin', 'POST', '/brains', { name: 'Returns KB', additional_instructions: 'Be brief.' });
    assert.equal(created.status, 201);
    const brain = created.body.data;
    assert.equal(brain.article_count, 0);
    assert.match(brain.created_at, TIMESTAMP);
    assert.deepEqual((await call('member', 'GET', `/brains/${brain.ulid}`)).body.data, brain);

    const renamed = await call('admin', 'PUT', `/brains/${brain.ulid}`, { name: 'Returns' });
    assert.equal(renamed.status, 200);
    assert.deepEqual(renamed.body.data, { ...brain, name: 'Returns' }, 'instructions left alone');
    const cleared = await call('admin', 'PUT', `/brains/${brain.ulid}`, { name: 'Returns', additional_instructions: null });
    assert.equal(cleared.body.data.additional_instructions, null);
    const noName = await call('admin', 'PUT', `/brains/${brain.ulid}`, { additional_instructions: 'x' });
    assert.equal(noName.status, 422);
    assert.deepEqual(Object.keys(noName.body.errors), ['name']);
    assert.deepEqual((await call('admin', 'GET', `/brains/${brain.ulid}`)).body.data, cleared.body.data);

    assert.equal((await call('admin', 'DELETE', `/brains/${brain.ulid}`)).status, 204);
    assert.equal((await call('admin', 'GET', `/brains/${brain.ulid}`)).status, 404);
  });

  it('goes through create, show, update, show, delete for an article and keeps article_count true', async () => {
    const brain = (await call('admin', 'GET', '/brains')).body.data[0];
    const before = await countOf('admin', brain.ulid);
    const created = await call('admin', 'POST', `/brains/${brain.ulid}/articles`, {
      title: 'Shipping times',
      body: '# Shipping\n\nTwo days.',
    });
    assert.equal(created.status, 201);
    const article = created.body.data;
    assert.equal(article.brain_id, brain.id);
    assert.equal(article.is_public, true, 'public by default');
    assert.equal(article.last_edited_at, null);
    assert.equal(await countOf('admin', brain.ulid), before + 1);
    const path = `/brains/${brain.ulid}/articles/${article.ulid}`;
    assert.deepEqual((await call('member', 'GET', path)).body.data, article);

    const updated = await call('admin', 'PUT', path, { title: 'Shipping', is_public: false });
    assert.equal(updated.status, 200);
    const changed = updated.body.data;
    const { last_edited_at: editedAt, updated_at: updatedAt } = changed;
    assert.deepEqual(changed, { ...article, title: 'Shipping', is_public: false, last_edited_at: editedAt, updated_at: updatedAt });
    assert.match(editedAt, TIMESTAMP, 'last_edited_at set on update');
    assert.ok(updatedAt >= article.updated_at);
    const bodyOnly = await call('admin', 'PUT', path, { body: 'Three days.' });
    assert.equal(bodyOnly.body.data.title, 'Shipping');
    assert.equal(bodyOnly.body.data.is_public, false);
    assert.deepEqual((await call('admin', 'GET', path)).body.data, bodyOnly.body.data);

    assert.equal((await call('admin', 'DELETE', path)).status, 204);
    assert.equal((await call('admin', 'GET', path)).status, 404);
    assert.equal(await countOf('admin', brain.ulid), before);
  });

  it('answers 404 for an article asked through another brain', async () => {
    const [first, second] = (await call('admin', 'GET', '/brains')).body.data;
    const article = (await call('admin', 'GET', `/brains/${first.ulid}/articles`)).body.data[0];
    assert.equal((await call('admin', 'GET', `/brains/${first.ulid}/articles/${article.ulid}`)).status, 200);
    assert.equal((await call('admin', 'GET', `/brains/${second.ulid}/articles/${article.ulid}`)).status, 404);
    assert.equal((await call('admin', 'DELETE', `/brains/${second.ulid}/articles/${article.ulid}`)).status, 404);
  });

  it('deletes the articles of a deleted brain', async () => {
    const brain = (await call('admin', 'POST', '/brains', { name: 'Short-lived' })).body.data;
    const posted = await call('admin', 'POST', `/brains/${brain.ulid}/articles`, { title: 'Gone soon', body: 'Bye.' });
    const article = posted.body.data;
    assert.equal(await countOf('admin', brain.ulid), 1);
    assert.equal((await call('admin', 'DELETE', `/brains/${brain.ulid}`)).status, 204);
    assert.equal((await call('admin', 'GET', `/brains/${brain.ulid}/articles/${article.ulid}`)).status, 404);
    const left = app().db
      .prepare('SELECT COUNT(*) AS n FROM brain_articles WHERE ulid = ?')
      .get(article.ulid) as { n: number };
    assert.equal(left.n, 0);
  });

  it('refuses the 11th brain of a workspace with 422 on name', async () => {
    const existing = (await call('admin', 'GET', '/brains')).body.data.length;
    const made: string[] = [];
    for (let index = existing; index < 10; index += 1) {
      const created = await call('admin', 'POST', '/brains', { name: `Filler ${index}` });
      assert.equal(created.status, 201);
      made.push(created.body.data.ulid);
    }
    const eleventh = await call('admin', 'POST', '/brains', { name: 'One too many' });
    assert.equal(eleventh.status, 422);
    assert.deepEqual(Object.keys(eleventh.body.errors), ['name']);
    assert.equal((await call('admin', 'GET', '/brains')).body.data.length, 10);
    const inB = await call('other', 'POST', '/brains', { name: 'B is not full' });
    assert.equal(inB.status, 201, 'the limit is per workspace');

    await call('admin', 'DELETE', `/brains/${made.pop()}`);
    assert.equal((await call('admin', 'POST', '/brains', { name: 'Fits again' })).status, 201);
  });

  it('lets a plain member read but not write', async () => {
    const brain = (await call('member', 'GET', '/brains')).body.data[0];
    const article = (await call('member', 'GET', `/brains/${brain.ulid}/articles`)).body.data[0];
    const path = `/brains/${brain.ulid}/articles/${article.ulid}`;
    assert.equal((await call('member', 'GET', path)).status, 200);
    assert.equal((await call('member', 'POST', '/brains', { name: 'Mine' })).status, 403);
    assert.equal((await call('member', 'PUT', `/brains/${brain.ulid}`, { name: 'Mine' })).status, 403);
    assert.equal((await call('member', 'DELETE', `/brains/${brain.ulid}`)).status, 403);
    assert.equal((await call('member', 'POST', `/brains/${brain.ulid}/articles`, { title: 't', body: 'b' })).status, 403);
    assert.equal((await call('member', 'PUT', path, { title: 'Mine' })).status, 403);
    assert.equal((await call('member', 'DELETE', path)).status, 403);
    assert.deepEqual((await call('member', 'GET', path)).body.data, article);
  });

  it('answers 422 with one key per invalid field', async () => {
    assert.deepEqual(Object.keys((await call('admin', 'POST', '/brains', { name: ' ' })).body.errors), ['name']);
    const brain = (await call('admin', 'GET', '/brains')).body.data[0];
    const missing = await call('admin', 'POST', `/brains/${brain.ulid}/articles`, { is_public: 'yes' });
    assert.equal(missing.status, 422);
    assert.deepEqual(Object.keys(missing.body.errors).sort(), ['body', 'is_public', 'title']);
    const article = (await call('admin', 'GET', `/brains/${brain.ulid}/articles`)).body.data[0];
    const bad = await call('admin', 'PUT', `/brains/${brain.ulid}/articles/${article.ulid}`, { title: '' });
    assert.equal(bad.status, 422);
    assert.deepEqual(Object.keys(bad.body.errors), ['title']);
  });

  it('hides the brains and articles of another workspace behind 404', async () => {
    const ofB = (await call('other', 'GET', '/brains')).body.data[0];
    const articleOfB = (await call('other', 'GET', `/brains/${ofB.ulid}/articles`)).body.data[0];
    const mine = (await call('admin', 'GET', '/brains')).body.data[0];
    assert.equal((await call('admin', 'GET', `/brains/${ofB.ulid}`)).status, 404);
    assert.equal((await call('admin', 'PUT', `/brains/${ofB.ulid}`, { name: 'x' })).status, 404);
    assert.equal((await call('admin', 'DELETE', `/brains/${ofB.ulid}`)).status, 404);
    assert.equal((await call('admin', 'GET', `/brains/${ofB.ulid}/articles`)).status, 404);
    assert.equal((await call('admin', 'GET', `/brains/${mine.ulid}/articles/${articleOfB.ulid}`)).status, 404);
    assert.equal((await call('member', 'GET', `/brains/${ofB.ulid}`)).status, 404);
  });
});
