import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lifecycleSequence, type LifecycleStep } from '../../generators/lifecycle-sequence.js';
import { resolveStep } from '../../generators/resolve-step.js';
import { resourceFamilies } from '../../generators/resource-families.js';
import { contractSpec, sample } from './_support/checks.js';

const spec = contractSpec();
const families = resourceFamilies(spec);
const roles = (steps: LifecycleStep[]) => steps.map((step) => step.role);

describe('lifecycleSequence', () => {
  it('builds a sequence for every family, bindings pointing at earlier create or list steps', () => {
    for (const family of families) {
      for (const steps of sample(lifecycleSequence(family), 5)) {
        steps.forEach((step, index) => {
          assert.equal(step.pathTemplate, spec.operation(step.operation)!.path);
          for (const [name, binding] of Object.entries(step.bind)) {
            assert.ok(binding.step < index, `${family.collectionPath} step ${index} binds ${name} to a later step`);
            assert.match(steps[binding.step]!.role, /create|list/, `${name} comes from a create or list step`);
            assert.ok(step.pathTemplate.includes(`{${name}}`));
          }
        });
      }
    }
  });

  it('runs create → read → update → delete → read (404), parents first and last', () => {
    const articles = families.find((family) => family.collectionPath === '/brains/{brain}/articles')!;
    for (const steps of sample(lifecycleSequence(articles), 20)) {
      const order = roles(steps).filter((role) => role !== 'update' && role !== 'action');
      // The second read follows the (zero to two) updates: update-persisted.
      assert.deepEqual(order, ['create-parent', 'create', 'read', 'list', 'read', 'delete', 'read-deleted', 'delete-parent']);
      assert.equal(steps.at(-2)!.expect, 404);
      const create = steps[1]!;
      assert.deepEqual(create.bind, { brain: { step: 0, pointer: '/data/ulid' } });
      assert.deepEqual(steps.find((step) => step.role === 'delete')!.bind, { brain: { step: 0, pointer: '/data/ulid' }, article: { step: 1, pointer: '/data/ulid' } });
    }
    const updates = sample(lifecycleSequence(articles), 40).map((steps) => roles(steps).filter((role) => role === 'update').length);
    assert.ok(updates.includes(0) && updates.includes(2), 'zero to two updates');
  });

  it('attaches and detaches a relation, creating what it attaches', () => {
    const ticketTags = families.find((family) => family.collectionPath === '/tickets/{ticket}/tags')!;
    const [steps] = sample(lifecycleSequence(ticketTags), 1);
    assert.deepEqual(roles(steps!), ['create-parent', 'create-target', 'attach', 'read', 'detach', 'read', 'delete-target']);
    assert.deepEqual(steps![2]!.bind, { ticket: { step: 0, pointer: '/data/ulid' }, tag: { step: 1, pointer: '/data/ulid' } });
  });

  it('reads a family it cannot create from the first listed item', () => {
    const channels = families.find((family) => family.collectionPath === '/channels')!;
    const [steps] = sample(lifecycleSequence(channels), 1);
    assert.deepEqual(roles(steps!), ['list', 'read']);
    assert.deepEqual(steps![1]!.bind, { channel: { step: 0, pointer: '/data/0/ulid' } });
  });
});

describe('resolveStep', () => {
  it('fills bound path parameters from earlier response bodies', () => {
    const articles = families.find((family) => family.collectionPath === '/brains/{brain}/articles')!;
    const [steps] = sample(lifecycleSequence(articles), 1);
    const bodies = [{ data: { ulid: '01jbrain0000000000000000aa' } }, { data: { ulid: '01jarticle00000000000000bb' } }];
    const read = steps!.find((step) => step.role === 'read')!;
    const resolved = resolveStep(read, bodies);
    assert.ok(resolved.ok);
    assert.equal(resolved.request.path, '/brains/01jbrain0000000000000000aa/articles/01jarticle00000000000000bb');
    assert.deepEqual(resolveStep(read, [bodies[0]]), { ok: false, reason: 'step 1 has not run yet' });
    assert.deepEqual(resolveStep(read, [bodies[0], { data: {} }]), { ok: false, reason: 'the response of step 1 has no id at /data/ulid' });
  });
});
