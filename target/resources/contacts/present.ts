import type { Row } from '../family.js';

export interface ContactJson {
  id: number;
  ulid: string;
  name: string | null;
  email: string;
  avatar_url: string | null;
  ticket_count: number;
  last_activity_at: string | null;
  notes: string | null;
}

/** Selects contacts with their live ticket count, so `ticket_count` is always true. */
export const CONTACT_SELECT = `SELECT contacts.*, (SELECT COUNT(*) FROM tickets t WHERE t.contact_id = contacts.id) AS ticket_count FROM contacts`;

export function presentContact(row: Row): ContactJson {
  return {
    id: row.id as number,
    ulid: row.ulid as string,
    name: (row.name as string | null) ?? null,
    email: row.email as string,
    avatar_url: (row.avatar_url as string | null) ?? null,
    ticket_count: Number(row.ticket_count ?? 0),
    last_activity_at: (row.last_activity_at as string | null) ?? null,
    notes: (row.notes as string | null) ?? null,
  };
}
