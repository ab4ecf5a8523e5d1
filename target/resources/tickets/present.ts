// Ticket, ticket detail, message and activity objects of the contract.
import type Database from 'better-sqlite3';
import type { Row } from '../family.js';
import { presentChannel } from '../channels/present.js';
import { CONTACT_SELECT, presentContact } from '../contacts/present.js';
import { presentUser } from '../me/present.js';
import { presentTag } from '../tags/present.js';
import { presentTeam, TEAM_SELECT } from '../teams/present.js';

const PREVIEW_LENGTH = 120;

function one(db: Database.Database, sql: string, id: unknown): Row | undefined {
  return id === null || id === undefined ? undefined : (db.prepare(sql).get(id) as Row | undefined);
}

export function presentTicket(db: Database.Database, row: Row): Record<string, unknown> {
  const channel = one(db, 'SELECT * FROM channels WHERE id = ?', row.channel_id);
  const assignee = one(db, 'SELECT * FROM users WHERE id = ?', row.assignee_id);
  const team = one(db, `${TEAM_SELECT} WHERE teams.id = ?`, row.team_id);
  const contact = one(db, `${CONTACT_SELECT} WHERE contacts.id = ?`, row.contact_id);
  const tags = db
    .prepare('SELECT tags.* FROM tags JOIN ticket_tags tt ON tt.tag_id = tags.id WHERE tt.ticket_id = ? ORDER BY tags.name, tags.id')
    .all(row.id) as Row[];
  const latest = db
    .prepare("SELECT body_text FROM messages WHERE ticket_id = ? AND type != 'note' ORDER BY created_at DESC, id DESC LIMIT 1")
    .get(row.id) as { body_text: string | null } | undefined;
  const preview = latest?.body_text ?? null;
  return {
    id: row.id,
    ulid: row.ulid,
    number: row.number,
    subject: row.subject,
    status: row.status,
    channel: channel ? presentChannel(channel) : null,
    assignee: assignee ? presentUser(assignee) : null,
    assigned_team: team ? presentTeam(team) : null,
    contact: contact ? presentContact(contact) : null,
    tags: tags.map(presentTag),
    latest_message_preview: preview === null ? null : preview.slice(0, PREVIEW_LENGTH),
    summary: row.summary ?? null,
    title: row.title ?? null,
    from_address: row.from_address ?? null,
    created_at: row.created_at,
    updated_at: row.updated_at,
    last_activity_at: row.last_activity_at,
  };
}

export function presentMessage(db: Database.Database, row: Row): Record<string, unknown> {
  let sender: Record<string, unknown>;
  if (row.sender_type === 'user') {
    const user = one(db, 'SELECT * FROM users WHERE id = ?', row.sender_user_id);
    sender = { id: user?.id ?? 0, type: 'user', name: user?.name ?? null, email: user?.email ?? null, avatar_url: user?.avatar_url ?? null };
  } else {
    const contact = one(db, 'SELECT * FROM contacts WHERE id = ?', row.sender_contact_id);
    sender = {
      id: contact?.id ?? 0,
      type: 'contact',
      name: contact?.name ?? null,
      email: contact?.email ?? null,
      avatar_url: contact?.avatar_url ?? null,
    };
  }
  return {
    id: row.id,
    ulid: row.ulid,
    type: row.type,
    body_html: row.body_html,
    body_text: row.body_text ?? null,
    sender,
    attachments: [],
    inline_images: [],
    is_forward: row.is_forward === 1,
    send_status: row.send_status ?? null,
    created_at: row.created_at,
  };
}

export function presentActivity(db: Database.Database, row: Row): Record<string, unknown> {
  const user = one(db, 'SELECT * FROM users WHERE id = ?', row.user_id);
  return {
    id: row.id,
    ulid: row.ulid,
    type: row.type,
    user: user ? presentUser(user) : null,
    properties: typeof row.properties === 'string' ? (JSON.parse(row.properties) as unknown) : null,
    description: row.description,
    created_at: row.created_at,
  };
}

export function presentTicketDetail(db: Database.Database, row: Row): Record<string, unknown> {
  const messages = db.prepare('SELECT * FROM messages WHERE ticket_id = ? ORDER BY created_at, id').all(row.id) as Row[];
  const activities = db.prepare('SELECT * FROM activities WHERE ticket_id = ? ORDER BY id').all(row.id) as Row[];
  return {
    ...presentTicket(db, row),
    messages: messages.map((message) => presentMessage(db, message)),
    activities: activities.map((activity) => presentActivity(db, activity)),
  };
}
