// Saved views: stored ticket filters, personal (one user's) or shared with the workspace.
// The channel and tag lists live in link tables so deleting a tag or channel drops the link.
export const savedViewsDdl = `
CREATE TABLE IF NOT EXISTS saved_views (
  id INTEGER PRIMARY KEY,
  ulid TEXT NOT NULL UNIQUE,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  slug TEXT NOT NULL,
  icon TEXT,
  is_personal INTEGER NOT NULL,
  search TEXT,
  statuses TEXT,
  assigned_to_me INTEGER NOT NULL DEFAULT 0,
  unassigned INTEGER NOT NULL DEFAULT 0,
  assigned_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (workspace_id, slug)
);
CREATE TABLE IF NOT EXISTS saved_view_channels (
  saved_view_id INTEGER NOT NULL REFERENCES saved_views(id) ON DELETE CASCADE,
  channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  PRIMARY KEY (saved_view_id, channel_id)
);
CREATE TABLE IF NOT EXISTS saved_view_tags (
  saved_view_id INTEGER NOT NULL REFERENCES saved_views(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (saved_view_id, tag_id)
);
`;

export interface SavedViewRow {
  id: number;
  ulid: string;
  workspace_id: number;
  /** The creator; for a personal view, its only viewer. */
  user_id: number;
  name: string;
  slug: string;
  icon: string | null;
  is_personal: number;
  search: string | null;
  /** JSON array of statuses, or NULL. */
  statuses: string | null;
  assigned_to_me: number;
  unassigned: number;
  assigned_user_id: number | null;
  created_at: string;
  updated_at: string;
}
