// Reply, forward and note: each adds a message of its type and an activity, and bumps the
// ticket's `updated_at` and `last_activity_at`.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { nowIso } from '../../db/clock.js';
import { isUlid, newUlid } from '../../db/ids.js';
import { ValidationFailed } from '../../http/errors.js';
import type { Row } from '../family.js';
import { addActivity, addMessage, touchTicket, type ActivityType, type NewMessage } from './history.js';
import { htmlToText } from './html-text.js';
import { presentMessage } from './present.js';

interface MessageBody {
  body: string;
  to_recipients?: string[];
  cc_recipients?: string[];
  bcc_recipients?: string[];
  forwarded_from_message_ulid?: string | null;
}

export const ticketMessageRoutes: FastifyPluginAsync = async (app) => {
  const post = (
    request: FastifyRequest,
    message: Pick<NewMessage, 'type' | 'isForward' | 'sendStatus' | 'to' | 'cc' | 'bcc' | 'forwardedFromMessageId'>,
    activity: { type: ActivityType; verb: string },
  ) => {
    const ticket = request.resources.ticket as Row;
    const body = request.body as unknown as MessageBody;
    const now = nowIso();
    const id = app.db.transaction(() => {
      const messageUlid = newUlid();
      const messageId = addMessage(app.db, {
        ...message,
        ulid: messageUlid,
        ticketId: ticket.id as number,
        bodyHtml: body.body,
        bodyText: htmlToText(body.body),
        sender: { type: 'user', userId: request.caller.userId },
        at: now,
      });
      touchTicket(app.db, ticket.id as number, now, { message: true });
      addActivity(app.db, {
        ulid: newUlid(),
        ticketId: ticket.id as number,
        type: activity.type,
        userId: request.caller.userId,
        properties: { message_ulid: messageUlid },
        description: `${request.caller.user.name} ${activity.verb}`,
        at: now,
      });
      return messageId;
    })();
    return { data: presentMessage(app.db, app.db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as Row) };
  };

  app.post('/tickets/:ticket/reply', async (request, reply) => {
    const body = request.body as unknown as MessageBody;
    const contact = app.db
      .prepare('SELECT email FROM contacts WHERE id = ?')
      .get((request.resources.ticket as Row).contact_id) as { email: string } | undefined;
    const to = body.to_recipients ?? (contact ? [contact.email] : []);
    const answer = post(
      request,
      { type: 'outbound', isForward: false, sendStatus: 'sent', to, cc: body.cc_recipients, bcc: body.bcc_recipients },
      { type: 'reply_sent', verb: 'replied' },
    );
    return reply.code(201).send(answer);
  });

  app.post('/tickets/:ticket/forward', async (request, reply) => {
    const body = request.body as unknown as MessageBody;
    let forwardedFrom: number | null = null;
    const source = body.forwarded_from_message_ulid;
    if (source !== undefined && source !== null) {
      const found = isUlid(source)
        ? (app.db
            .prepare('SELECT id FROM messages WHERE ulid = ? AND ticket_id = ?')
            .get(source.toLowerCase(), (request.resources.ticket as Row).id) as { id: number } | undefined)
        : undefined;
      if (!found) {
        throw new ValidationFailed({ forwarded_from_message_ulid: ['The selected forwarded from message ulid is invalid.'] });
      }
      forwardedFrom = found.id;
    }
    const answer = post(
      request,
      {
        type: 'outbound',
        isForward: true,
        sendStatus: 'sent',
        to: body.to_recipients ?? [],
        cc: body.cc_recipients,
        bcc: body.bcc_recipients,
        forwardedFromMessageId: forwardedFrom,
      },
      { type: 'ticket_forwarded', verb: 'forwarded the ticket' },
    );
    return reply.code(201).send(answer);
  });

  app.post('/tickets/:ticket/note', async (request, reply) => {
    const answer = post(request, { type: 'note', isForward: false, sendStatus: null }, { type: 'note_added', verb: 'added a note' });
    return reply.code(201).send(answer);
  });
};
