// Writes a ticket's messages and activity log. Shared by the seed (fixed ULIDs and times) and
// the handlers (fresh ones), so both produce the same shapes.
import type Database from 'better-sqlite3';

export type ActivityType =
  | 'ticket_created'
  | 'message_received'
  | 'reply_sent'
  | 'note_added'
  | 'ticket_forwarded'
  | 'status_changed'
  | 'assignee_changed'
  | 'team_changed'
  | 'tag_added'
  | 'tag_removed';

export interface NewActivity {
  ulid: string;
  ticketId: number;
  type: ActivityType;
  userId: number | null;
  properties: Record<string, unknown> | null;
  description: string;
  at: string;
}

export function addActivity(db: Database.Database, activity: NewActivity): void {
  db.prepare(
    `INSERT INTO activities (ulid, ticket_id, type, user_id, properties, description, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    activity.ulid,
    activity.ticketId,
    activity.type,
    activity.userId,
    activity.properties === null ? null : JSON.stringify(activity.properties),
    activity.description,
    activity.at,
  );
}

export interface NewMessage {
  ulid: string;
  ticketId: number;
  type: 'inbound' | 'outbound' | 'note';
  bodyHtml: string;
  bodyText: string;
  sender: { type: 'contact'; contactId: number } | { type: 'user'; userId: number };
  isForward?: boolean;
  sendStatus?: 'pending' | 'sent' | 'failed' | null;
  to?: string[] | null;
  cc?: string[] | null;
  bcc?: string[] | null;
  forwardedFromMessageId?: number | null;
  at: string;
}

/** Inserts the message and returns its row id. */
export function addMessage(db: Database.Database, message: NewMessage): number {
  const json = (list: string[] | null | undefined) => (list ? JSON.stringify(list) : null);
  const result = db
    .prepare(
      `INSERT INTO messages (ulid, ticket_id, type, body_html, body_text, sender_type, sender_user_id,
         sender_contact_id, is_forward, send_status, to_recipients, cc_recipients, bcc_recipients,
         forwarded_from_message_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      message.ulid,
      message.ticketId,
      message.type,
      message.bodyHtml,
      message.bodyText,
      message.sender.type,
      message.sender.type === 'user' ? message.sender.userId : null,
      message.sender.type === 'contact' ? message.sender.contactId : null,
      message.isForward ? 1 : 0,
      message.sendStatus ?? null,
      json(message.to),
      json(message.cc),
      json(message.bcc),
      message.forwardedFromMessageId ?? null,
      message.at,
    );
  return Number(result.lastInsertRowid);
}

/** Marks a change: `updated_at` always, `last_activity_at` too for a new message. */
export function touchTicket(db: Database.Database, ticketId: number, at: string, options: { message: boolean }): void {
  const sql = options.message
    ? 'UPDATE tickets SET updated_at = ?, last_activity_at = ? WHERE id = ?'
    : 'UPDATE tickets SET updated_at = ? WHERE id = ?';
  if (options.message) db.prepare(sql).run(at, at, ticketId);
  else db.prepare(sql).run(at, ticketId);
}
