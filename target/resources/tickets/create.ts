// POST /tickets: an inbound ticket. Finds the contact by lowercased email or creates it, adds the
// first (inbound) message and the `ticket_created` activity.
import type { FastifyPluginAsync } from 'fastify';
import { nowIso } from '../../db/clock.js';
import { isUlid, newUlid } from '../../db/ids.js';
import { ValidationFailed } from '../../http/errors.js';
import type { Row } from '../family.js';
import { addActivity, addMessage } from './history.js';
import { htmlToText } from './html-text.js';
import { presentTicket } from './present.js';

interface CreateTicketBody {
  channel: string;
  subject: string;
  from_contact: { email: string; name?: string | null };
  message: { body: string };
}

export const ticketCreateRoutes: FastifyPluginAsync = async (app) => {
  app.post('/tickets', async (request, reply) => {
    const { workspaceId } = request.caller;
    const body = request.body as unknown as CreateTicketBody;
    const channel = isUlid(body.channel)
      ? (app.db
          .prepare('SELECT * FROM channels WHERE ulid = ? AND workspace_id = ?')
          .get(body.channel.toLowerCase(), workspaceId) as Row | undefined)
      : undefined;
    if (!channel) throw new ValidationFailed({ channel: ['The selected channel is invalid.'] });

    const ticketId = app.db.transaction(() => {
      const now = nowIso();
      const email = body.from_contact.email.toLowerCase();
      let contact = app.db
        .prepare('SELECT * FROM contacts WHERE workspace_id = ? AND email = ?')
        .get(workspaceId, email) as Row | undefined;
      if (!contact) {
        const created = app.db
          .prepare(
            `INSERT INTO contacts (ulid, workspace_id, name, email, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(newUlid(), workspaceId, body.from_contact.name ?? null, email, now, now);
        contact = app.db.prepare('SELECT * FROM contacts WHERE id = ?').get(created.lastInsertRowid) as Row;
      }
      app.db.prepare('UPDATE contacts SET last_activity_at = ? WHERE id = ?').run(now, contact.id);

      const { next } = app.db
        .prepare('SELECT COALESCE(MAX(number), 0) + 1 AS next FROM tickets WHERE workspace_id = ?')
        .get(workspaceId) as { next: number };
      const result = app.db
        .prepare(
          `INSERT INTO tickets (ulid, workspace_id, number, subject, status, channel_id, contact_id, from_address,
             created_at, updated_at, last_activity_at)
           VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)`,
        )
        .run(newUlid(), workspaceId, next, body.subject, channel.id, contact.id, email, now, now, now);
      const id = Number(result.lastInsertRowid);
      addMessage(app.db, {
        ulid: newUlid(),
        ticketId: id,
        type: 'inbound',
        bodyHtml: body.message.body,
        bodyText: htmlToText(body.message.body),
        sender: { type: 'contact', contactId: contact.id as number },
        at: now,
      });
      const who = (contact.name as string | null) ?? email;
      addActivity(app.db, {
        ulid: newUlid(),
        ticketId: id,
        type: 'ticket_created',
        userId: null,
        properties: { channel_ulid: channel.ulid },
        description: `Ticket created by ${who}`,
        at: now,
      });
      return id;
    })();
    const row = app.db.prepare('SELECT * FROM tickets WHERE id = ?').get(ticketId) as Row;
    return reply.code(201).send({ data: presentTicket(app.db, row) });
  });
};
