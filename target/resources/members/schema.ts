// Invitations; the members themselves are the memberships of the identity tables (family "me").
export const membersDdl = `
CREATE TABLE IF NOT EXISTS invitations (
  id INTEGER PRIMARY KEY,
  ulid TEXT NOT NULL UNIQUE,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  name TEXT,
  role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
  invited_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  invited_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS invitation_channels (
  invitation_id INTEGER NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
  channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  PRIMARY KEY (invitation_id, channel_id)
);
`;
