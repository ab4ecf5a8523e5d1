// Seeds workspaces, users, memberships and tokens.
import type Database from 'better-sqlite3';
import { hashToken } from '../../http/authenticate.js';
import type { SeedContext } from '../family.js';
import { TOKENS, USERS, WORKSPACES } from './seed-data.js';

export function seedIdentity(db: Database.Database, context: SeedContext): void {
  const workspace = db.prepare('INSERT INTO workspaces (id, ulid, name, slug) VALUES (?, ?, ?, ?)');
  for (const row of WORKSPACES) workspace.run(row.id, context.ulid(), row.name, row.slug);

  const user = db.prepare(
    'INSERT INTO users (id, ulid, name, email, avatar_url, timezone) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const membership = db.prepare(
    'INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?)',
  );
  for (const row of USERS) {
    const avatar = row.avatar ? `https://avatars.there-there.test/${row.email.split('@')[0]}.png` : null;
    user.run(row.id, context.ulid(), row.name, row.email, avatar, row.timezone);
    for (const [workspaceId, role] of Object.entries(row.roles)) {
      membership.run(Number(workspaceId), row.id, role, context.at(row.id));
    }
  }

  const token = db.prepare('INSERT INTO tokens (id, user_id, name, token_hash) VALUES (?, ?, ?, ?)');
  const scope = db.prepare('INSERT INTO token_workspaces (token_id, workspace_id) VALUES (?, ?)');
  for (const row of TOKENS) {
    token.run(row.id, row.userId, `seed token ${row.id}`, hashToken(row.token));
    for (const workspaceId of row.workspaces) scope.run(row.id, workspaceId);
  }
}
