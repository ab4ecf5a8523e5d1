export const channelsDdl = `
CREATE TABLE IF NOT EXISTS channels (
  id INTEGER PRIMARY KEY,
  ulid TEXT NOT NULL UNIQUE,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('email', 'widget')),
  color TEXT NOT NULL,
  email_address TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS channels_workspace ON channels (workspace_id);
`;
