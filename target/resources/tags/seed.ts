// Tags: eight in A (one capitalised, so code-point order differs from dictionary order), three in B.
import type Database from 'better-sqlite3';
import type { SeedContext } from '../family.js';

const TAGS: Array<{ workspace: 'a' | 'b'; name: string; color: string }> = [
  { workspace: 'a', name: 'billing', color: '#fbbf24' },
  { workspace: 'a', name: 'bug', color: '#ef4444' },
  { workspace: 'a', name: 'feature-request', color: '#3b82f6' },
  { workspace: 'a', name: 'urgent', color: '#dc2626' },
  { workspace: 'a', name: 'vip', color: '#8b5cf6' },
  { workspace: 'a', name: 'refund', color: '#10b981' },
  { workspace: 'a', name: 'onboarding', color: '#06b6d4' },
  { workspace: 'a', name: 'Escalated', color: '#F97316' },
  { workspace: 'b', name: 'billing', color: '#eab308' },
  { workspace: 'b', name: 'question', color: '#22c55e' },
  { workspace: 'b', name: 'spam-check', color: '#a855f7' },
];

export function seedTags(db: Database.Database, context: SeedContext): void {
  const insert = db.prepare('INSERT INTO tags (ulid, workspace_id, name, color, created_at) VALUES (?, ?, ?, ?, ?)');
  TAGS.forEach((tag, index) => {
    insert.run(context.ulid(), context.workspaces[tag.workspace], tag.name, tag.color, context.at(60 + index));
  });
}
