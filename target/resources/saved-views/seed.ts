// Deterministic saved views. A: two personal views of the admin user, one personal view of the
// member user, one workspace view. B: one workspace view.
import type Database from 'better-sqlite3';
import type { SeedContext } from '../family.js';
import { uniqueSlug } from './slug.js';
import { insertSavedView, replaceLinks, type SavedViewFields } from './store.js';

/** Profile token ids of targets/local.yaml: 1 admin (A), 2 member (A), 3 other (B). */
const TOKEN = { admin: 1, member: 2, other: 3 } as const;

interface SeedView {
  workspace: 'a' | 'b';
  owner: keyof typeof TOKEN;
  isPersonal: boolean;
  name: string;
  icon: string | null;
  search: string | null;
  statuses: string[] | null;
  assignedToMe: boolean;
  unassigned: boolean;
  /** Take the first N channels / tags of the workspace (by id). */
  channels: number;
  tags: number;
  /** Whose tickets the view shows, by profile token; null for nobody in particular. */
  assignee: keyof typeof TOKEN | null;
}

const SEED: readonly SeedView[] = [
  {
    workspace: 'a', owner: 'admin', isPersonal: true, name: 'My open tickets', icon: 'inbox',
    search: null, statuses: ['open'], assignedToMe: true, unassigned: false,
    channels: 0, tags: 0, assignee: null,
  },
  {
    workspace: 'a', owner: 'admin', isPersonal: true, name: 'Billing questions', icon: 'credit-card',
    search: 'invoice', statuses: ['open', 'waiting'], assignedToMe: false, unassigned: false,
    channels: 1, tags: 2, assignee: 'member',
  },
  {
    workspace: 'a', owner: 'member', isPersonal: true, name: 'Waiting on customer', icon: null,
    search: null, statuses: ['waiting'], assignedToMe: true, unassigned: false,
    channels: 0, tags: 0, assignee: null,
  },
  {
    workspace: 'a', owner: 'admin', isPersonal: false, name: 'Unassigned queue', icon: 'users',
    search: null, statuses: ['open'], assignedToMe: false, unassigned: true,
    channels: 2, tags: 1, assignee: null,
  },
  {
    workspace: 'b', owner: 'other', isPersonal: false, name: 'All open', icon: 'inbox',
    search: null, statuses: ['open', 'waiting'], assignedToMe: false, unassigned: false,
    channels: 0, tags: 0, assignee: null,
  },
];

function firstIds(db: Database.Database, table: 'channels' | 'tags', workspaceId: number, count: number): number[] {
  if (count === 0) return [];
  const rows = db
    .prepare(`SELECT id FROM ${table} WHERE workspace_id = ? ORDER BY id LIMIT ?`)
    .all(workspaceId, count) as Array<{ id: number }>;
  return rows.map((row) => row.id);
}

export function seedSavedViews(db: Database.Database, context: SeedContext): void {
  const tokenUser = db.prepare('SELECT user_id FROM tokens WHERE id = ?');
  const userOf = (who: keyof typeof TOKEN): number => {
    const row = tokenUser.get(TOKEN[who]) as { user_id: number } | undefined;
    if (!row) throw new Error(`Saved view seed: token ${TOKEN[who]} has no user.`);
    return row.user_id;
  };
  SEED.forEach((view, index) => {
    const workspaceId = context.workspaces[view.workspace];
    const fields: SavedViewFields = {
      name: view.name,
      slug: uniqueSlug(db, workspaceId, view.name),
      icon: view.icon,
      search: view.search,
      statuses: view.statuses,
      assigned_to_me: view.assignedToMe,
      unassigned: view.unassigned,
      assigned_user_id: view.assignee === null ? null : userOf(view.assignee),
    };
    const row = {
      ulid: context.ulid(),
      workspaceId,
      userId: userOf(view.owner),
      isPersonal: view.isPersonal,
      at: context.at(60 * 24 * 4 + 30 * index),
    };
    const id = insertSavedView(db, row, fields);
    replaceLinks(db, id, {
      channelIds: firstIds(db, 'channels', workspaceId, view.channels),
      tagIds: firstIds(db, 'tags', workspaceId, view.tags),
    });
  });
}
