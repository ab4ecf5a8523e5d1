// Attach (idempotent, 200 with the ticket) and detach (204, also when not attached) a tag.
import type { FastifyPluginAsync } from 'fastify';
import { nowIso } from '../../db/clock.js';
import { newUlid } from '../../db/ids.js';
import type { Row } from '../family.js';
import { addActivity, touchTicket } from './history.js';
import { presentTag } from '../tags/present.js';
import { presentTicket } from './present.js';

export const ticketTagRoutes: FastifyPluginAsync = async (app) => {
  const isAttached = app.db.prepare('SELECT 1 FROM ticket_tags WHERE ticket_id = ? AND tag_id = ?');

  app.post('/tickets/:ticket/tags/:tag', async (request) => {
    const ticket = request.resources.ticket as Row;
    const tag = request.resources.tag as Row;
    if (app.faults.has('tag-attach-not-saved')) {
      // The answer is built from the request; the write went to a queue that never runs.
      const answer = presentTicket(app.db, ticket);
      const tags = answer.tags as Array<Record<string, unknown>>;
      if (!tags.some((item) => item.ulid === tag.ulid)) tags.push({ ...presentTag(tag) });
      return { data: answer };
    }
    if (isAttached.get(ticket.id, tag.id) === undefined) {
      const now = nowIso();
      app.db.transaction(() => {
        app.db.prepare('INSERT INTO ticket_tags (ticket_id, tag_id, created_at) VALUES (?, ?, ?)').run(ticket.id, tag.id, now);
        touchTicket(app.db, ticket.id as number, now, { message: false });
        addActivity(app.db, {
          ulid: newUlid(),
          ticketId: ticket.id as number,
          type: 'tag_added',
          userId: request.caller.userId,
          properties: { tag_ulid: tag.ulid, tag_name: tag.name },
          description: `${request.caller.user.name} added the tag ${String(tag.name)}`,
          at: now,
        });
      })();
    }
    return { data: presentTicket(app.db, app.db.prepare('SELECT * FROM tickets WHERE id = ?').get(ticket.id) as Row) };
  });

  app.delete('/tickets/:ticket/tags/:tag', async (request, reply) => {
    const ticket = request.resources.ticket as Row;
    const tag = request.resources.tag as Row;
    if (isAttached.get(ticket.id, tag.id) !== undefined) {
      const now = nowIso();
      app.db.transaction(() => {
        app.db.prepare('DELETE FROM ticket_tags WHERE ticket_id = ? AND tag_id = ?').run(ticket.id, tag.id);
        touchTicket(app.db, ticket.id as number, now, { message: false });
        addActivity(app.db, {
          ulid: newUlid(),
          ticketId: ticket.id as number,
          type: 'tag_removed',
          userId: request.caller.userId,
          properties: { tag_ulid: tag.ulid, tag_name: tag.name },
          description: `${request.caller.user.name} removed the tag ${String(tag.name)}`,
          at: now,
        });
      })();
    }
    return reply.code(204).send();
  });
};
