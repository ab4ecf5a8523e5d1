// One pending invitation in A, so "already invited" can be seen without creating one first.
import type Database from 'better-sqlite3';
import type { SeedContext } from '../family.js';

export function seedInvitations(db: Database.Database, context: SeedContext): void {
  db.prepare(
    `INSERT INTO invitations (ulid, workspace_id, email, name, role, invited_by, invited_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(context.ulid(), context.workspaces.a, 'pending.invite@acme.test', 'Pending Person', 'member', 1, context.at(200));
}
