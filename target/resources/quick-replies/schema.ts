// Quick replies: canned answers shared by everyone in a workspace.
export const quickRepliesDdl = `
CREATE TABLE IF NOT EXISTS quick_replies (
  id INTEGER PRIMARY KEY,
  ulid TEXT NOT NULL UNIQUE,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS quick_replies_workspace ON quick_replies (workspace_id, id);
`;

export interface QuickReplyRow {
  id: number;
  ulid: string;
  workspace_id: number;
  name: string;
  body: string;
  created_at: string;
  updated_at: string;
}
