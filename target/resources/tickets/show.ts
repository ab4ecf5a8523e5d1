// GET /tickets/{ticket} (with messages and activities) and its paginated activity log.
import type { FastifyPluginAsync } from 'fastify';
import { pageValues } from '../../http/list-query.js';
import { paginate } from '../../http/paginate.js';
import type { Row } from '../family.js';
import { presentActivity, presentTicketDetail } from './present.js';

export const ticketShowRoutes: FastifyPluginAsync = async (app) => {
  app.get('/tickets/:ticket', async (request) => ({ data: presentTicketDetail(app.db, request.resources.ticket as Row) }));

  app.get('/tickets/:ticket/activities', async (request) => {
    const ticketId = (request.resources.ticket as Row).id;
    const { total } = app.db.prepare('SELECT COUNT(*) AS total FROM activities WHERE ticket_id = ?').get(ticketId) as {
      total: number;
    };
    // Activities take `page` only; a `per_page` here is ignored.
    const page = paginate(request, { total, ...pageValues(request.validQuery, { perPage: false }) });
    const rows = app.db
      .prepare('SELECT * FROM activities WHERE ticket_id = ? ORDER BY id LIMIT ? OFFSET ?')
      .all(ticketId, page.limit, page.offset) as Row[];
    return { data: rows.map((row) => presentActivity(app.db, row)), meta: page.meta, links: page.links };
  });
};
