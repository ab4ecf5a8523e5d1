// Quick replies of the reference target: shared by the workspace, any member may write.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { targetForThisFile } from './support/client.js';
import type { Role } from './support/tokens.js';

/** Every answer is also checked against openapi.yaml by the support client. */
const { call, app } = targetForThisFile();

describe('quick replies', () => {
  it('lists the seeded replies of the caller workspace only', async () => {
    const a = await call('admin', 'GET', '/quick-replies');
    const b = await call('other', 'GET', '/quick-replies');
    assert.equal(a.status, 200);
    assert.equal(a.body.data.length, 3);
    assert.equal(b.body.data.length, 1);
    const ulidsOfA = new Set(a.body.data.map((reply: { ulid: string }) => reply.ulid));
    assert.ok(!ulidsOfA.has(b.body.data[0].ulid));
    assert.deepEqual(Object.keys(a.body.data[0]).sort(), ['body', 'id', 'name', 'ulid']);
  });

  it('goes through create, show, update, show, delete as a plain member', async () => {
    const created = await call('member', 'POST', '/quick-replies', {
      name: 'Refund sent',
      body: '<p>Your refund is on its way.</p>',
    });
    assert.equal(created.status, 201);
    const { ulid } = created.body.data;
    assert.match(ulid, /^[0-9a-hjkmnp-tv-z]{26}$/);
    assert.equal(created.body.data.name, 'Refund sent');

    const shown = await call('admin', 'GET', `/quick-replies/${ulid}`);
    assert.deepEqual(shown.body.data, created.body.data);

    const updated = await call('member', 'PUT', `/quick-replies/${ulid}`, { name: 'Refund issued' });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.data.name, 'Refund issued');
    assert.equal(updated.body.data.body, '<p>Your refund is on its way.</p>', 'body left alone');

    const bodyOnly = await call('member', 'PUT', `/quick-replies/${ulid.toUpperCase()}`, { body: 'Plain text now' });
    assert.equal(bodyOnly.body.data.name, 'Refund issued', 'name left alone');
    assert.deepEqual((await call('member', 'GET', `/quick-replies/${ulid}`)).body.data, bodyOnly.body.data);

    const deleted = await call('member', 'DELETE', `/quick-replies/${ulid}`);
    assert.equal(deleted.status, 204);
    assert.equal(deleted.body, undefined);
    assert.equal((await call('member', 'GET', `/quick-replies/${ulid}`)).status, 404);
    assert.equal((await call('member', 'DELETE', `/quick-replies/${ulid}`)).status, 404);
  });

  it('answers 422 with one key per invalid field', async () => {
    const missing = await call('admin', 'POST', '/quick-replies', {});
    assert.equal(missing.status, 422);
    assert.deepEqual(Object.keys(missing.body.errors).sort(), ['body', 'name']);
    assert.equal(missing.body.message, Object.values<string[]>(missing.body.errors)[0]?.[0]);

    const blank = await call('admin', 'POST', '/quick-replies', { name: '   ', body: 'x'.repeat(10_001) });
    assert.equal(blank.status, 422);
    assert.deepEqual(Object.keys(blank.body.errors).sort(), ['body', 'name']);

    const seeded = (await call('admin', 'GET', '/quick-replies')).body.data[0];
    const wrongType = await call('admin', 'PUT', `/quick-replies/${seeded.ulid}`, { name: 42 });
    assert.equal(wrongType.status, 422);
    assert.deepEqual(Object.keys(wrongType.body.errors), ['name']);
    assert.deepEqual((await call('admin', 'GET', `/quick-replies/${seeded.ulid}`)).body.data, seeded);
  });

  it('hides the replies of another workspace behind 404', async () => {
    const ofB = (await call('other', 'GET', '/quick-replies')).body.data[0];
    assert.equal((await call('admin', 'GET', `/quick-replies/${ofB.ulid}`)).status, 404);
    assert.equal((await call('admin', 'PUT', `/quick-replies/${ofB.ulid}`, { name: 'Mine now' })).status, 404);
    assert.equal((await call('admin', 'DELETE', `/quick-replies/${ofB.ulid}`)).status, 404);
    assert.equal((await call('admin', 'GET', '/quick-replies/not-a-ulid')).status, 404);
    assert.equal((await call('other', 'GET', `/quick-replies/${ofB.ulid}`)).body.data.name, ofB.name);
  });
});
