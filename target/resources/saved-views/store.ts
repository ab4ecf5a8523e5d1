// Reads and writes of saved views and their channel/tag links.
import type Database from 'better-sqlite3';
import type { SavedViewLinks } from './present.js';
import type { SavedViewRow } from './schema.js';

/** Every column a create or update writes (the link lists are separate). */
export interface SavedViewFields {
  name: string;
  slug: string;
  icon: string | null;
  search: string | null;
  statuses: string[] | null;
  assigned_to_me: boolean;
  unassigned: boolean;
  assigned_user_id: number | null;
}

export function findSavedView(db: Database.Database, id: number | bigint): SavedViewRow {
  return db.prepare('SELECT * FROM saved_views WHERE id = ?').get(id) as SavedViewRow;
}

/** The views a user can see in a workspace: their personal ones and every workspace view. */
export function visibleSavedViews(db: Database.Database, workspaceId: number, userId: number): SavedViewRow[] {
  return db
    .prepare('SELECT * FROM saved_views WHERE workspace_id = ? AND (is_personal = 0 OR user_id = ?) ORDER BY id')
    .all(workspaceId, userId) as SavedViewRow[];
}

export function linksOf(db: Database.Database, viewId: number): SavedViewLinks {
  const ids = (sql: string): number[] =>
    (db.prepare(sql).all(viewId) as Array<{ id: number }>).map((row) => row.id);
  return {
    channelIds: ids('SELECT channel_id AS id FROM saved_view_channels WHERE saved_view_id = ? ORDER BY channel_id'),
    tagIds: ids('SELECT tag_id AS id FROM saved_view_tags WHERE saved_view_id = ? ORDER BY tag_id'),
  };
}

/** Ids of the rows of `table` in the workspace named by these ULIDs; others are dropped. */
export function idsInWorkspace(
  db: Database.Database,
  table: 'channels' | 'tags',
  workspaceId: number,
  ulids: readonly string[],
): number[] {
  const lookup = db.prepare(`SELECT id FROM ${table} WHERE workspace_id = ? AND ulid = ?`);
  const ids = new Set<number>();
  for (const ulid of ulids) {
    const row = lookup.get(workspaceId, ulid.toLowerCase()) as { id: number } | undefined;
    if (row) ids.add(row.id);
  }
  return [...ids].sort((a, b) => a - b);
}

/** The id of the workspace member with this ULID, or undefined. */
export function memberId(db: Database.Database, workspaceId: number, ulid: string): number | undefined {
  const row = db
    .prepare(
      `SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id AND m.workspace_id = ?
       WHERE u.ulid = ?`,
    )
    .get(workspaceId, ulid.toLowerCase()) as { id: number } | undefined;
  return row?.id;
}

function columns(fields: SavedViewFields): unknown[] {
  return [
    fields.name,
    fields.slug,
    fields.icon,
    fields.search,
    fields.statuses === null ? null : JSON.stringify(fields.statuses),
    fields.assigned_to_me ? 1 : 0,
    fields.unassigned ? 1 : 0,
    fields.assigned_user_id,
  ];
}

export function insertSavedView(
  db: Database.Database,
  row: { ulid: string; workspaceId: number; userId: number; isPersonal: boolean; at: string },
  fields: SavedViewFields,
): number {
  const result = db
    .prepare(
      `INSERT INTO saved_views (ulid, workspace_id, user_id, is_personal, name, slug, icon, search, statuses,
         assigned_to_me, unassigned, assigned_user_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(row.ulid, row.workspaceId, row.userId, row.isPersonal ? 1 : 0, ...columns(fields), row.at, row.at);
  return Number(result.lastInsertRowid);
}

export function updateSavedView(db: Database.Database, id: number, fields: SavedViewFields, at: string): void {
  db.prepare(
    `UPDATE saved_views SET name = ?, slug = ?, icon = ?, search = ?, statuses = ?, assigned_to_me = ?,
       unassigned = ?, assigned_user_id = ?, updated_at = ? WHERE id = ?`,
  ).run(...columns(fields), at, id);
}

/** Replaces the channel links (when given) and the tag links (when given). */
export function replaceLinks(db: Database.Database, viewId: number, links: Partial<SavedViewLinks>): void {
  if (links.channelIds) {
    db.prepare('DELETE FROM saved_view_channels WHERE saved_view_id = ?').run(viewId);
    const add = db.prepare('INSERT INTO saved_view_channels (saved_view_id, channel_id) VALUES (?, ?)');
    for (const channelId of links.channelIds) add.run(viewId, channelId);
  }
  if (links.tagIds) {
    db.prepare('DELETE FROM saved_view_tags WHERE saved_view_id = ?').run(viewId);
    const add = db.prepare('INSERT INTO saved_view_tags (saved_view_id, tag_id) VALUES (?, ?)');
    for (const tagId of links.tagIds) add.run(viewId, tagId);
  }
}
