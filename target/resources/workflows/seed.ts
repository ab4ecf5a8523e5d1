// Deterministic workflows: three in workspace A (one per kind of trigger settings), one in B.
// Parameters that name tags use the workspace's first tags, so the seed stays consistent.
import type Database from 'better-sqlite3';
import type { SeedContext } from '../family.js';
import { insertWorkflow, replaceSteps, type StepInput, type WorkflowFields } from './store.js';

interface SeedWorkflow {
  workspace: 'a' | 'b';
  fields: (tagUlid: string) => WorkflowFields;
  conditions: (tagUlid: string) => StepInput[];
  actions: (tagUlid: string) => StepInput[];
}

const SEED: readonly SeedWorkflow[] = [
  {
    workspace: 'a',
    fields: () => ({
      name: 'Auto-close spam',
      description: 'Marks obvious newsletters and unsubscribe requests as spam.',
      trigger_type: 'on_new_ticket',
      trigger_parameters: null,
      condition_match_type: 'any',
      is_enabled: true,
    }),
    conditions: () => [
      { type: 'subject_contains', parameters: { value: 'unsubscribe' } },
      { type: 'from_domain_equals', parameters: { value: 'mailer.example.net' } },
    ],
    actions: () => [{ type: 'set_status', parameters: { status: 'spam' } }],
  },
  {
    workspace: 'a',
    fields: () => ({
      name: 'Nudge after four hours',
      description: null,
      trigger_type: 'on_no_reply',
      trigger_parameters: { value: 4, unit: 'hours', only_business_hours: true },
      condition_match_type: 'all',
      is_enabled: true,
    }),
    conditions: () => [{ type: 'channel_type_is', parameters: { value: 'email' } }],
    actions: (tagUlid) => [
      { type: 'add_note', parameters: { body: 'No reply for four business hours: please pick this up.' } },
      { type: 'add_tags', parameters: { tag_ulids: [tagUlid] } },
    ],
  },
  {
    workspace: 'a',
    fields: (tagUlid) => ({
      name: 'Billing tag alert',
      description: 'Posts to the billing hook when a ticket gets the billing tag.',
      trigger_type: 'on_tag_added',
      trigger_parameters: { tag_ulids: [tagUlid] },
      condition_match_type: 'all',
      is_enabled: false,
    }),
    conditions: (tagUlid) => [{ type: 'has_tag', parameters: { tag_ulid: tagUlid } }],
    actions: () => [
      {
        type: 'send_http_request',
        parameters: { method: 'POST', url: 'https://hooks.example.com/billing', format: 'json' },
      },
      { type: 'set_status', parameters: { status: 'open' } },
    ],
  },
  {
    workspace: 'b',
    fields: () => ({
      name: 'Welcome auto-reply',
      description: null,
      trigger_type: 'on_new_ticket',
      trigger_parameters: null,
      condition_match_type: 'all',
      is_enabled: true,
    }),
    conditions: () => [{ type: 'is_first_message', parameters: {} }],
    actions: () => [{ type: 'send_auto_reply', parameters: { body: '<p>Thanks, we will answer within a day.</p>' } }],
  },
];

export function seedWorkflows(db: Database.Database, context: SeedContext): void {
  const firstTag = db.prepare('SELECT ulid FROM tags WHERE workspace_id = ? ORDER BY id LIMIT 1');
  SEED.forEach((workflow, index) => {
    const workspaceId = context.workspaces[workflow.workspace];
    const tag = firstTag.get(workspaceId) as { ulid: string } | undefined;
    const tagUlid = tag?.ulid ?? context.ulid();
    const row = { ulid: context.ulid(), workspaceId, at: context.at(60 * 24 * 5 + 45 * index) };
    const id = insertWorkflow(db, row, workflow.fields(tagUlid));
    replaceSteps(db, id, 'conditions', workflow.conditions(tagUlid), context.ulid);
    replaceSteps(db, id, 'actions', workflow.actions(tagUlid), context.ulid);
  });
}
