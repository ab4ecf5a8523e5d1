// Workflows of the reference target: admin writes, trigger settings, lists replaced on update.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { targetForThisFile } from './support/client.js';
import type { Role } from './support/tokens.js';

/** Every answer is also checked against openapi.yaml by the support client. */
const { call, app } = targetForThisFile();

const SPAM = {
  name: 'Auto-close spam',
  trigger_type: 'on_new_ticket',
  condition_match_type: 'any',
  conditions: [
    { type: 'subject_contains', parameters: { value: 'unsubscribe' } },
    { type: 'from_email_contains', parameters: { value: 'newsletter' } },
  ],
  actions: [{ type: 'set_status', parameters: { status: 'spam' } }],
};

describe('workflows', () => {
  it('lists the seeded workflows in run order with their conditions and actions', async () => {
    const a = (await call('member', 'GET', '/workflows')).body.data;
    const b = (await call('other', 'GET', '/workflows')).body.data;
    assert.equal(a.length, 3);
    assert.equal(b.length, 1);
    const orders = a.map((workflow: { order_column: number }) => workflow.order_column);
    assert.deepEqual(orders, [...orders].sort((x, y) => x - y));
    for (const workflow of a) {
      assert.ok(workflow.conditions.length > 0 && workflow.actions.length > 0);
      assert.ok('trigger_parameters' in workflow);
    }
    const noReply = a.find((workflow: { trigger_type: string }) => workflow.trigger_type === 'on_no_reply');
    assert.equal(noReply.trigger_parameters.unit, 'hours');
  });

  it('goes through create, show, update, show, delete', async () => {
    const created = await call('admin', 'POST', '/workflows', SPAM);
    assert.equal(created.status, 201);
    const workflow = created.body.data;
    const seeded = (await call('admin', 'GET', '/workflows')).body.data;
    assert.equal(workflow.order_column, Math.max(...seeded.map((item: { order_column: number }) => item.order_column)));
    assert.equal(seeded.at(-1).ulid, workflow.ulid, 'new workflows go last');
    assert.equal(workflow.is_enabled, true);
    assert.equal(workflow.description, null);
    assert.equal(workflow.trigger_parameters, null);
    assert.deepEqual(
      workflow.conditions.map((step: { type: string; parameters: unknown }) => [step.type, step.parameters]),
      SPAM.conditions.map((step) => [step.type, step.parameters]),
    );
    assert.deepEqual((await call('member', 'GET', `/workflows/${workflow.ulid}`)).body.data, workflow);

    const renamed = await call('admin', 'PUT', `/workflows/${workflow.ulid}`, { name: 'Spam filter', is_enabled: false });
    assert.equal(renamed.status, 200);
    const expected = { ...workflow, name: 'Spam filter', is_enabled: false };
    assert.deepEqual(renamed.body.data, expected, 'lists untouched when not sent');

    const replaced = await call('admin', 'PUT', `/workflows/${workflow.ulid}`, {
      conditions: [{ type: 'is_first_message' }],
    });
    assert.equal(replaced.body.data.conditions.length, 1);
    assert.equal(replaced.body.data.conditions[0].type, 'is_first_message');
    assert.deepEqual(replaced.body.data.conditions[0].parameters, {});
    assert.deepEqual(replaced.body.data.actions, workflow.actions, 'actions untouched');
    const emptied = await call('admin', 'PUT', `/workflows/${workflow.ulid}`, { actions: [] });
    assert.deepEqual(emptied.body.data.actions, []);
    assert.deepEqual((await call('admin', 'GET', `/workflows/${workflow.ulid}`)).body.data, emptied.body.data);

    assert.equal((await call('admin', 'DELETE', `/workflows/${workflow.ulid}`)).status, 204);
    assert.equal((await call('admin', 'GET', `/workflows/${workflow.ulid}`)).status, 404);
  });

  it('lets a plain member read but not write', async () => {
    const first = (await call('member', 'GET', '/workflows')).body.data[0];
    assert.equal((await call('member', 'GET', `/workflows/${first.ulid}`)).status, 200);
    assert.equal((await call('member', 'POST', '/workflows', SPAM)).status, 403);
    assert.equal((await call('member', 'PUT', `/workflows/${first.ulid}`, { name: 'Mine' })).status, 403);
    assert.equal((await call('member', 'DELETE', `/workflows/${first.ulid}`)).status, 403);
    assert.deepEqual((await call('member', 'GET', `/workflows/${first.ulid}`)).body.data, first);
  });

  it('needs trigger_parameters for on_no_reply, within 30 days, and returns them', async () => {
    const base = { name: 'Nudge', trigger_type: 'on_no_reply' };
    const missing = await call('admin', 'POST', '/workflows', base);
    assert.equal(missing.status, 422);
    assert.deepEqual(Object.keys(missing.body.errors), ['trigger_parameters']);
    const tooLong = await call('admin', 'POST', '/workflows', { ...base, trigger_parameters: { value: 31, unit: 'days' } });
    assert.equal(tooLong.status, 422);
    assert.deepEqual(Object.keys(tooLong.body.errors), ['trigger_parameters.value']);

    const created = await call('admin', 'POST', '/workflows', { ...base, trigger_parameters: { value: 720 } });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.data.trigger_parameters, { value: 720, unit: 'hours', only_business_hours: false });
    const { ulid } = created.body.data;

    // Without trigger_type, new settings must suit the current trigger.
    const zero = await call('admin', 'PUT', `/workflows/${ulid}`, { trigger_parameters: { value: 0 } });
    assert.equal(zero.status, 422);
    assert.deepEqual(Object.keys(zero.body.errors), ['trigger_parameters.value']);
    const cleared = await call('admin', 'PUT', `/workflows/${ulid}`, { trigger_parameters: null });
    assert.equal(cleared.status, 422);
    const minutes = await call('admin', 'PUT', `/workflows/${ulid}`, {
      trigger_parameters: { value: 90, unit: 'minutes', only_business_hours: true },
    });
    assert.deepEqual(minutes.body.data.trigger_parameters, { value: 90, unit: 'minutes', only_business_hours: true });
    const renamed = await call('admin', 'PUT', `/workflows/${ulid}`, { name: 'Nudge later' });
    assert.deepEqual(renamed.body.data.trigger_parameters, minutes.body.data.trigger_parameters);

    const manual = await call('admin', 'PUT', `/workflows/${ulid}`, { trigger_type: 'manual' });
    assert.equal(manual.body.data.trigger_parameters, null, 'a trigger without settings has none');
    const back = await call('admin', 'PUT', `/workflows/${ulid}`, { trigger_type: 'on_no_reply' });
    assert.equal(back.status, 422);
    assert.deepEqual(Object.keys(back.body.errors), ['trigger_parameters']);
    assert.equal((await call('admin', 'GET', `/workflows/${ulid}`)).body.data.trigger_type, 'manual');
    await call('admin', 'DELETE', `/workflows/${ulid}`);
  });

  it('keeps the tag list of the tag triggers', async () => {
    const tag = app().db.prepare('SELECT ulid FROM tags WHERE workspace_id = 1 ORDER BY id LIMIT 1').get() as { ulid: string };
    const created = await call('admin', 'POST', '/workflows', {
      name: 'Tagged',
      trigger_type: 'on_tag_added',
      trigger_parameters: { tag_ulids: [tag.ulid.toUpperCase()] },
    });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.data.trigger_parameters, { tag_ulids: [tag.ulid] });
    const bad = await call('admin', 'PUT', `/workflows/${created.body.data.ulid}`, {
      trigger_parameters: { tag_ulids: ['nope'] },
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(Object.keys(bad.body.errors), ['trigger_parameters.tag_ulids.0']);
    const untagged = await call('admin', 'POST', '/workflows', { name: 'Any tag', trigger_type: 'on_tag_removed' });
    assert.equal(untagged.body.data.trigger_parameters, null);
    await call('admin', 'DELETE', `/workflows/${created.body.data.ulid}`);
    await call('admin', 'DELETE', `/workflows/${untagged.body.data.ulid}`);
  });

  it('answers 422 with one key per invalid field', async () => {
    const missing = await call('admin', 'POST', '/workflows', {});
    assert.equal(missing.status, 422);
    assert.deepEqual(Object.keys(missing.body.errors).sort(), ['name', 'trigger_type']);
    const wrong = await call('admin', 'POST', '/workflows', {
      name: 'Bad',
      trigger_type: 'sometimes',
      condition_match_type: 'most',
      conditions: [{ type: 'subject_contains' }, { type: 'moon_is_full' }],
      actions: [{ parameters: {} }],
    });
    assert.equal(wrong.status, 422);
    assert.deepEqual(Object.keys(wrong.body.errors).sort(), [
      'actions.0.type',
      'condition_match_type',
      'conditions.1.type',
      'trigger_type',
    ]);
  });

  it('hides the workflows of another workspace behind 404', async () => {
    const ofB = (await call('other', 'GET', '/workflows')).body.data[0];
    assert.equal((await call('admin', 'GET', `/workflows/${ofB.ulid}`)).status, 404);
    assert.equal((await call('admin', 'PUT', `/workflows/${ofB.ulid}`, { name: 'x' })).status, 404);
    assert.equal((await call('admin', 'DELETE', `/workflows/${ofB.ulid}`)).status, 404);
    assert.equal((await call('other', 'GET', `/workflows/${ofB.ulid}`)).body.data.name, ofB.name);
  });
});
