// Seed tickets: 130 in A and 12 in B, spread over every status, channel, assignee (some none),
// team, 0–3 tags, with distinct and tied timestamps over several months, 1–4 messages each and
// their activities; ticket 1 of A has a long activity log (more than one page).
import type Database from 'better-sqlite3';
import type { SeedContext } from '../family.js';
import { addActivity, addMessage, type ActivityType } from './history.js';
import { TOPICS } from './seed-data.js';

type Status = 'open' | 'waiting' | 'closed' | 'spam';

interface WorkspacePlan {
  workspaceId: number;
  tickets: number;
  agents: number[];
}

const STATUSES: Status[] = ['open', 'waiting', 'closed', 'open', 'spam', 'closed', 'waiting', 'open'];
const HOUR = 60;

function ids(db: Database.Database, sql: string, workspaceId: number): number[] {
  return (db.prepare(sql).all(workspaceId) as Array<{ id: number }>).map((row) => row.id);
}

function pick<T>(list: readonly T[], random: () => number): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function seedWorkspace(db: Database.Database, context: SeedContext, plan: WorkspacePlan, seedOffset: number): void {
  const channels = db
    .prepare('SELECT id, type FROM channels WHERE workspace_id = ? ORDER BY id')
    .all(plan.workspaceId) as Array<{ id: number; type: string }>;
  const contacts = db
    .prepare('SELECT id, email, name FROM contacts WHERE workspace_id = ? ORDER BY id')
    .all(plan.workspaceId) as Array<{ id: number; email: string; name: string | null }>;
  const tags = ids(db, 'SELECT id FROM tags WHERE workspace_id = ? ORDER BY id', plan.workspaceId);
  const teams = ids(db, 'SELECT id FROM teams WHERE workspace_id = ? ORDER BY id', plan.workspaceId);
  const users = db.prepare('SELECT id, name FROM users WHERE id = ?');
  const insertTicket = db.prepare(
    `INSERT INTO tickets (ulid, workspace_id, number, subject, status, channel_id, assignee_id, team_id,
       contact_id, summary, title, from_address, created_at, updated_at, last_activity_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setTimes = db.prepare('UPDATE tickets SET updated_at = ?, last_activity_at = ? WHERE id = ?');
  const insertTag = db.prepare('INSERT INTO ticket_tags (ticket_id, tag_id, created_at) VALUES (?, ?, ?)');
  const nameOf = (userId: number): string => (users.get(userId) as { name: string }).name;
  // Contacts past 85% of the list get no ticket, so some contacts have none.
  const ticketContacts = contacts.slice(0, Math.max(1, Math.floor(contacts.length * 0.85)));

  let previous = { start: 0, created: '', updated: '', last: '' };
  for (let index = 0; index < plan.tickets; index += 1) {
    const { random } = context;
    const topic = TOPICS[(index * 5 + seedOffset) % TOPICS.length] ?? TOPICS[0]!;
    const channel = channels[index % channels.length]!;
    const contact = ticketContacts[(index * 7) % ticketContacts.length]!;
    const status = STATUSES[(index + seedOffset) % STATUSES.length]!;
    const assignee = index % 4 === 3 ? null : pick(plan.agents, random);
    const team = index % 3 === 2 || teams.length === 0 ? null : pick(teams, random);
    const tagCount = [0, 1, 1, 2, 2, 3, 0][index % 7]!;
    const ticketTags = shuffled(tags, random).slice(0, Math.min(tagCount, tags.length));
    const messageCount = 1 + ((index * 3 + seedOffset) % 4);

    // Every tenth ticket copies the timestamps of the one before (ties for the sorts).
    const tied = index % 10 === 5;
    const start = tied ? previous.start : index * 18 * HOUR + (index % 3) * 7;
    const createdAt = context.at(start);
    const summary = index % 5 === 0 ? `Customer asks: ${topic.subject.toLowerCase()}.` : null;
    const title = index % 5 === 0 ? topic.subject : null;
    const result = insertTicket.run(
      context.ulid(),
      plan.workspaceId,
      index + 1,
      index % 11 === 0 ? `${topic.subject} (again)` : topic.subject,
      status,
      channel.id,
      assignee,
      team,
      contact.id,
      summary,
      title,
      channel.type === 'email' ? contact.email : null,
      createdAt,
      createdAt,
      createdAt,
    );
    const ticketId = Number(result.lastInsertRowid);
    const log = (type: ActivityType, userId: number | null, properties: Record<string, unknown> | null, description: string, at: string) =>
      addActivity(db, { ulid: context.ulid(), ticketId, type, userId, properties, description, at });
    const who = contact.name ?? contact.email;
    log('ticket_created', null, { channel_id: channel.id }, `Ticket created by ${who}`, createdAt);

    let last = start;
    const texts = [topic.inbound, topic.reply, topic.note, topic.followUp];
    for (let step = 0; step < messageCount; step += 1) {
      const at = step === 0 ? start : start + step * 2 * HOUR + (index % 4);
      last = at;
      const text = texts[step]!;
      const type = step === 1 ? 'outbound' : step === 2 ? 'note' : 'inbound';
      const author = assignee ?? plan.agents[0]!;
      const messageId = addMessage(db, {
        ulid: context.ulid(),
        ticketId,
        type,
        bodyHtml: `<p>${text}</p>`,
        bodyText: text,
        sender: type === 'inbound' ? { type: 'contact', contactId: contact.id } : { type: 'user', userId: author },
        sendStatus: type === 'outbound' ? 'sent' : null,
        to: type === 'outbound' ? [contact.email] : null,
        at: context.at(at),
      });
      if (step === 0) continue;
      if (type === 'outbound') log('reply_sent', author, { message_id: messageId }, `${nameOf(author)} replied`, context.at(at));
      else if (type === 'note') log('note_added', author, { message_id: messageId }, `${nameOf(author)} added a note`, context.at(at));
      else log('message_received', null, { message_id: messageId }, `${who} sent a message`, context.at(at));
    }

    let updated = last;
    const actor = plan.agents[0]!;
    const change = (type: ActivityType, properties: Record<string, unknown>, description: string): void => {
      updated += 30;
      log(type, actor, properties, `${nameOf(actor)} ${description}`, context.at(updated));
    };
    if (assignee !== null) change('assignee_changed', { from: null, to: assignee }, `assigned the ticket to ${nameOf(assignee)}`);
    if (team !== null) change('team_changed', { from: null, to: team }, 'assigned the ticket to a team');
    for (const tagId of ticketTags) {
      change('tag_added', { tag_id: tagId }, 'added a tag');
      insertTag.run(ticketId, tagId, context.at(updated));
    }
    if (status !== 'open') change('status_changed', { from: 'open', to: status }, `changed the status from open to ${status}`);
    if (index === 0) {
      // A long history: status flips back and forth, so the activity log spans two pages.
      for (let flip = 0; flip < 36; flip += 1) {
        const [from, to] = flip % 2 === 0 ? ['open', 'waiting'] : ['waiting', 'open'];
        change('status_changed', { from, to }, `changed the status from ${from} to ${to}`);
      }
    }
    const times = tied ? previous : { start, created: createdAt, updated: context.at(updated), last: context.at(last) };
    setTimes.run(times.updated, times.last, ticketId);
    previous = times;
  }
}

export function seedTickets(db: Database.Database, context: SeedContext): void {
  seedWorkspace(db, context, { workspaceId: context.workspaces.a, tickets: 130, agents: [1, 2, 4, 13, 14, 15, 16] }, 0);
  seedWorkspace(db, context, { workspaceId: context.workspaces.b, tickets: 12, agents: [3, 17, 18] }, 3);
  // A contact's last activity is its latest ticket activity; contacts without tickets keep null.
  db.exec(`UPDATE contacts SET last_activity_at = (
    SELECT MAX(t.last_activity_at) FROM tickets t WHERE t.contact_id = contacts.id)`);
}
