import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createVisibleInList, readAfterWrite, updatePersisted, useAfterDelete } from '../../../core/checks/lifecycle.js';
import type { Lifecycle } from '../../../core/checks/observations.js';
import { buildApp } from '../../../target/app.js';
import { brokenProxy, editJson } from './_support/broken-proxy.js';
import { handBuilt, pageOf } from './_support/hand-built.js';
import { injectSend } from './_support/inject-send.js';
import { contactLifecycle, lifecycles, ticketActions } from './_support/probes.js';
import { assertObservationFail, assertObservationPass, assertObservationSkip, judgeObservation, operation } from './_support/semantic-fixtures.js';

const ULID = '01hx00000000000000000000c1';
const contact = (fields: Record<string, unknown> = {}) => ({ id: 7, ulid: ULID, name: 'Ann', email: 'ann@example.test', notes: 'first', ...fields });
const create = (answer = contact()) =>
  handBuilt({ operation: operation('POST /contacts'), status: 201, json: { email: 'Ann@Example.TEST', name: 'Ann', notes: 'first' }, body: { data: answer } });
const read = (answer: Record<string, unknown> | null, status = 200) =>
  handBuilt({ operation: operation('GET /contacts/{contact}'), path: `/contacts/${ULID}`, status, body: answer === null ? { message: 'Not found.' } : { data: answer } });
const update = (json: Record<string, unknown>, answer: Record<string, unknown>) =>
  handBuilt({ operation: operation('PUT /contacts/{contact}'), path: `/contacts/${ULID}`, json, body: { data: answer } });
const list = (items: unknown[], query: Array<[string, string]> = []) => ({ operation: operation('GET /contacts'), pages: [pageOf(operation('GET /contacts'), items, 1, 25, query)] });

describe('lifecycle checks, hand-built', () => {
  it('pass when writes read back (emails ignoring case), lists follow filters and a delete is final', () => {
    const renamed = contact({ name: 'Bea' });
    const lifecycle: Lifecycle = {
      kind: 'lifecycle',
      create: create(),
      readsAfterCreate: [read(contact())],
      listingsAfterCreate: [list([contact()]), list([contact()], [['filter[email]', 'ANN@']]), list([], [['filter[name]', 'zed']])],
      updates: [{ before: read(contact()), update: update({ name: 'Bea' }, renamed), reads: [read(renamed)], listings: [list([renamed])] }],
      delete: handBuilt({ operation: operation('DELETE /contacts/{contact}'), path: `/contacts/${ULID}`, status: 204 }),
      afterDelete: { reads: [read(null, 404)], listings: [list([])], writes: [handBuilt({ operation: operation('PUT /contacts/{contact}'), path: `/contacts/${ULID}`, status: 404, json: { name: 'x' }, body: { message: 'Not found.' } })] },
    };
    for (const check of [readAfterWrite, updatePersisted, createVisibleInList, useAfterDelete]) assertObservationPass(check, lifecycle);
  });

  it('read-after-write fails on a field shown otherwise than sent, naming field and values', () => {
    const [finding] = assertObservationFail(readAfterWrite, { kind: 'lifecycle', create: create(contact({ name: 'ANN' })) });
    assert.match(finding?.title ?? '', /the create answer shows name otherwise than written/);
    assert.equal(finding?.expected, 'name = "Ann"');
    assert.equal(finding?.actual, 'name = "ANN"');
    const [missing] = assertObservationFail(readAfterWrite, { kind: 'lifecycle', create: create(), readsAfterCreate: [read(null, 404)] });
    assert.match(missing?.dedupKey ?? '', /read after create -> 404/);
  });

  it('update-persisted fails on an update a fresh read does not show, and on a partial update that clears another field', () => {
    const lost: Lifecycle = { kind: 'lifecycle', updates: [{ update: update({ name: 'Bea' }, contact({ name: 'Bea' })), reads: [read(contact())] }] };
    assert.match(assertObservationFail(updatePersisted, lost)[0]?.dedupKey ?? '', /fresh read after update: name/);
    const clobbered: Lifecycle = {
      kind: 'lifecycle',
      updates: [{ before: read(contact()), update: update({ name: 'Bea' }, contact({ name: 'Bea', notes: null })), reads: [read(contact({ name: 'Bea', notes: null }))] }],
    };
    assert.match(assertObservationFail(updatePersisted, clobbered)[0]?.dedupKey ?? '', /partial update changes notes/);
  });

  it('create-visible-in-list fails when the new item is missing, or listed by a filter that excludes it', () => {
    const missing = { kind: 'lifecycle' as const, create: create(), listingsAfterCreate: [list([])] };
    assert.match(assertObservationFail(createVisibleInList, missing)[0]?.dedupKey ?? '', /new item missing from its list/);
    const leaked = { kind: 'lifecycle' as const, create: create(), listingsAfterCreate: [list([contact()], [['filter[name]', 'zed']])] };
    assert.match(assertObservationFail(createVisibleInList, leaked)[0]?.dedupKey ?? '', /excludes it/);
    assert.match(assertObservationSkip(createVisibleInList, { kind: 'lifecycle' }), /no successful create/);
  });

  it('use-after-delete fails on a deleted item still readable, listed or writable', () => {
    const deleted: Lifecycle = {
      kind: 'lifecycle',
      create: create(),
      delete: handBuilt({ operation: operation('DELETE /contacts/{contact}'), path: `/contacts/${ULID}`, status: 204 }),
      afterDelete: { reads: [read(contact())], listings: [list([contact()])], writes: [update({ name: 'x' }, contact({ name: 'x' }))] },
    };
    const causes = assertObservationFail(useAfterDelete, deleted).map((finding) => finding.dedupKey);
    assert.deepEqual(causes.map((key) => key.replace(/^use-after-delete \S+ \S+ /, '')).sort(), [
      'PUT /contacts/{contact} after delete -> 200',
      'a read by id after delete -> 200',
      'deleted item still listed',
    ]);
  });
});

describe('ticket actions (x-effect), hand-built', () => {
  const TICKET = '01hx00000000000000000000t7';
  const TAG = '01hx00000000000000000000g1';
  const detail = (tags: string[], activities: string[]) =>
    handBuilt({ operation: operation('GET /tickets/{ticket}'), path: `/tickets/${TICKET}`, body: { data: { ulid: TICKET, tags: tags.map((ulid) => ({ ulid })), activities: activities.map((type) => ({ type })), messages: [] } } });
  const attach = handBuilt({ operation: operation('POST /tickets/{ticket}/tags/{tag}'), path: `/tickets/${TICKET}/tags/${TAG.toUpperCase()}`, body: { data: { ulid: TICKET, tags: [{ ulid: TAG }] } } });
  const attached = (before: ReturnType<typeof detail>, after: ReturnType<typeof detail>): Lifecycle => ({ kind: 'lifecycle', updates: [{ before, update: attach, reads: [after] }] });

  it('pass when an attach shows the tag once and one activity, and a second attach adds none', () => {
    assertObservationPass(readAfterWrite, attached(detail([], ['ticket_created']), detail([TAG], ['ticket_created', 'tag_added'])));
    assertObservationPass(updatePersisted, attached(detail([TAG], ['tag_added']), detail([TAG], ['tag_added'])));
  });

  it('fail on an attach not saved, a duplicate tag, a missing activity, or a second activity for a no-op', () => {
    const problems = (before: ReturnType<typeof detail>, after: ReturnType<typeof detail>): string =>
      assertObservationFail(updatePersisted, attached(before, after))[0]?.actual ?? '';
    assert.match(problems(detail([], []), detail([], [])), /tags\[\]\.ulid lacks 01hx00000000000000000000g1/);
    assert.match(problems(detail([], []), detail([TAG, TAG], ['tag_added'])), /holds 01hx00000000000000000000g1 2 times/);
    assert.match(problems(detail([], []), detail([TAG], [])), /no new tag_added entry/);
    assert.match(problems(detail([TAG], ['tag_added']), detail([TAG], ['tag_added', 'tag_added'])), /1 new tag_added entry for an action that changed nothing/);
  });
});

describe('lifecycle checks against the reference target in-process', () => {
  let target: FastifyInstance;
  before(async () => {
    target = await buildApp({ rateLimit: { limit: 100_000, windowSeconds: 60 } });
  });
  after(async () => {
    await target.close();
  });

  it('pass on the clean target: contacts, tags, quick replies, brains and every ticket action', async () => {
    for (const lifecycle of await lifecycles(injectSend(target))) {
      for (const check of [readAfterWrite, updatePersisted, createVisibleInList, useAfterDelete]) {
        const result = judgeObservation(check, lifecycle);
        assert.notEqual(result.outcome, 'fail', `${check.id}: ${JSON.stringify(result)}`);
      }
    }
    const actions = await ticketActions(injectSend(target));
    assertObservationPass(readAfterWrite, actions);
    assertObservationPass(updatePersisted, actions);
    assertObservationPass(createVisibleInList, actions);
  });

  it('fail on a server that answers an upper-cased name and one that keeps a contact after its delete', async () => {
    const proxy = await brokenProxy(target, {
      request: (request) =>
        request.method === 'DELETE' ? { status: 204, headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '59' }, body: '' } : request,
      answer: (answer, request) =>
        request.method === 'POST' && request.url === '/api/contacts'
          ? editJson(answer, (body) => {
              body.data.name = String(body.data.name).toUpperCase();
            })
          : answer,
    });
    const lifecycle = await contactLifecycle(injectSend(proxy));
    assert.match(assertObservationFail(readAfterWrite, lifecycle)[0]?.dedupKey ?? '', /create answer: name/);
    const causes = assertObservationFail(useAfterDelete, lifecycle).map((finding) => finding.dedupKey);
    assert.ok(causes.some((key) => key.includes('deleted item still listed')), causes.join('\n'));
    await proxy.close();
  });

  it('fail on ticket actions that answer but do not act: a reply of the wrong type, an attach that is not saved', async () => {
    const proxy = await brokenProxy(target, {
      answer: (answer, request) =>
        /\/reply$/.test(request.url)
          ? editJson(answer, (body) => {
              body.data.type = 'note';
            })
          : answer,
    });
    const causes = assertObservationFail(readAfterWrite, await ticketActions(injectSend(proxy))).map((finding) => finding.dedupKey);
    assert.ok(causes.some((key) => /type of the new entry in the answer is "note"/.test(key)), causes.join('\n'));
    await proxy.close();
    const faulty = await buildApp({ rateLimit: { limit: 100_000, windowSeconds: 60 }, faults: ['tag-attach-not-saved'] });
    const actions = await ticketActions(injectSend(faulty));
    assert.match(assertObservationFail(updatePersisted, actions)[0]?.dedupKey ?? '', /tags\[\]\.ulid lacks/);
    assert.match(assertObservationFail(readAfterWrite, actions)[0]?.dedupKey ?? '', /tags\[\]\.ulid lacks/);
    await faulty.close();
  });
});
