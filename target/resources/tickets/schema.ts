// Tickets with their tags, messages and activity log.
export const ticketsDdl = `
CREATE TABLE IF NOT EXISTS tickets (
  id INTEGER PRIMARY KEY,
  ulid TEXT NOT NULL UNIQUE,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  subject TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'waiting', 'closed', 'spam')),
  channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  assignee_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  team_id INTEGER REFERENCES teams(id) ON DELETE SET NULL,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  summary TEXT,
  title TEXT,
  from_address TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  last_activity_at TEXT NOT NULL,
  UNIQUE (workspace_id, number)
);
CREATE INDEX IF NOT EXISTS tickets_workspace ON tickets (workspace_id);
CREATE INDEX IF NOT EXISTS tickets_contact ON tickets (contact_id);
CREATE TABLE IF NOT EXISTS ticket_tags (
  ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (ticket_id, tag_id)
);
CREATE TABLE IF NOT EXISTS messages (
  id INTEGER PRIMARY KEY,
  ulid TEXT NOT NULL UNIQUE,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  type TEXT NOT NULL CHECK (type IN ('inbound', 'outbound', 'note')),
  body_html TEXT NOT NULL,
  body_text TEXT,
  sender_type TEXT NOT NULL CHECK (sender_type IN ('contact', 'user')),
  sender_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  sender_contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
  is_forward INTEGER NOT NULL DEFAULT 0,
  send_status TEXT CHECK (send_status IN ('pending', 'sent', 'failed')),
  to_recipients TEXT,
  cc_recipients TEXT,
  bcc_recipients TEXT,
  forwarded_from_message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_ticket ON messages (ticket_id);
CREATE TABLE IF NOT EXISTS activities (
  id INTEGER PRIMARY KEY,
  ulid TEXT NOT NULL UNIQUE,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  properties TEXT,
  description TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS activities_ticket ON activities (ticket_id);
`;
