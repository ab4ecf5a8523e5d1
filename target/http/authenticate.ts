// Bearer token → caller. Tokens are Sanctum style `<id>|<secret>`; the database keeps the
// SHA-256 of the whole token, so a lookup is one indexed query.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Caller, UserRow } from './types.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The bearer token of an `Authorization` header, or undefined when it is missing or malformed. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** The caller a token belongs to, before a workspace is chosen; undefined for an unknown token. */
export function authenticate(
  db: Database.Database,
  token: string | undefined,
  options: { secretChecked?: boolean } = {},
): Omit<Caller, 'workspaceId' | 'role'> | undefined {
  if (token === undefined) return undefined;
  // Fault `token-secret-not-checked`: the lookup by the id part alone, secret never compared.
  const row = (
    options.secretChecked === false
      ? db.prepare('SELECT id, user_id FROM tokens WHERE id = ?').get(Number(token.split('|', 1)[0]))
      : db.prepare('SELECT id, user_id FROM tokens WHERE token_hash = ?').get(hashToken(token))
  ) as { id: number; user_id: number } | undefined;
  if (!row) return undefined;
  const user = db
    .prepare('SELECT id, ulid, name, email, avatar_url, timezone FROM users WHERE id = ?')
    .get(row.user_id) as UserRow | undefined;
  if (!user) return undefined;
  // A token reaches the workspaces of its scope where its user is still a member.
  const workspaceIds = (
    db
      .prepare(
        `SELECT tw.workspace_id AS id FROM token_workspaces tw
         JOIN memberships m ON m.workspace_id = tw.workspace_id AND m.user_id = ?
         WHERE tw.token_id = ? ORDER BY tw.workspace_id`,
      )
      .all(user.id, row.id) as Array<{ id: number }>
  ).map((workspace) => workspace.id);
  return { tokenId: row.id, userId: user.id, user, workspaceIds };
}
