// Channels: A has two mailboxes and a widget, B one of each, Initech one mailbox.
import type Database from 'better-sqlite3';
import type { SeedContext } from '../family.js';

const CHANNELS = [
  { workspace: 'a', name: 'Support', type: 'email', color: '#3b82f6', email: 'support@acme.test' },
  { workspace: 'a', name: 'Billing', type: 'email', color: '#10b981', email: 'billing@acme.test' },
  { workspace: 'a', name: 'Website Widget', type: 'widget', color: '#8b5cf6', email: null },
  { workspace: 'b', name: 'Help Desk', type: 'email', color: '#f59e0b', email: 'help@globex.test' },
  { workspace: 'b', name: 'Chat', type: 'widget', color: '#ef4444', email: null },
  { workspace: 'c', name: 'Initech Mail', type: 'email', color: '#64748b', email: 'mail@initech.test' },
] as const;

export function seedChannels(db: Database.Database, context: SeedContext): void {
  const insert = db.prepare(
    `INSERT INTO channels (ulid, workspace_id, name, type, color, email_address, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  CHANNELS.forEach((channel, index) => {
    insert.run(
      context.ulid(),
      context.workspaces[channel.workspace],
      channel.name,
      channel.type,
      channel.color,
      channel.email,
      context.at(index * 10),
    );
  });
}
