// GET /tickets: the workspace's tickets, filtered, sorted and paginated.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { isUlid } from '../../db/ids.js';
import { ValidationFailed } from '../../http/errors.js';
import { listValue, pageValues } from '../../http/list-query.js';
import { paginate } from '../../http/paginate.js';
import { orderBy } from '../../http/sort.js';
import type { Row } from '../family.js';
import { presentTicket } from './present.js';

const SORTS = { created_at: 'tickets.created_at', updated_at: 'tickets.updated_at', last_activity_at: 'tickets.last_activity_at' };
const STATUSES = ['open', 'waiting', 'closed', 'spam'];

interface Where {
  clauses: string[];
  params: unknown[];
}

function ulidList(query: Record<string, unknown>, key: string): string[] | undefined {
  const values = listValue(query[`filter[${key}]`]);
  if (values === undefined) return undefined;
  if (values.some((value) => !isUlid(value))) {
    throw new ValidationFailed({ [`filter.${key}`]: [`The filter.${key} field must hold ULIDs.`] });
  }
  return values.map((value) => value.toLowerCase());
}

function marks(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/** The WHERE clauses of the ticket filters (all combined with AND). */
export function ticketFilters(request: FastifyRequest): Where {
  const query = request.validQuery;
  const { workspaceId, userId } = request.caller;
  const where: Where = { clauses: ['tickets.workspace_id = ?'], params: [workspaceId] };
  const add = (clause: string, ...params: unknown[]): void => {
    where.clauses.push(clause);
    where.params.push(...params);
  };

  const statuses = listValue(query['filter[status]']);
  if (statuses !== undefined && statuses.length > 0) {
    if (statuses.some((status) => !STATUSES.includes(status))) {
      throw new ValidationFailed({ 'filter.status': ['The selected filter.status is invalid.'] });
    }
    add(`tickets.status IN (${marks(statuses)})`, ...statuses);
  }
  const channels = ulidList(query, 'channel_ulids');
  if (channels !== undefined && channels.length > 0) {
    add(`tickets.channel_id IN (SELECT id FROM channels WHERE workspace_id = ? AND ulid IN (${marks(channels)}))`, workspaceId, ...channels);
  }
  const tags = ulidList(query, 'tag_ulids');
  if (tags !== undefined && tags.length > 0) {
    add(
      `EXISTS (SELECT 1 FROM ticket_tags tt JOIN tags ON tags.id = tt.tag_id
        WHERE tt.ticket_id = tickets.id AND tags.ulid IN (${marks(tags)}))`,
      ...tags,
    );
  }
  if (query['filter[assigned_to_me]'] === true) add('tickets.assignee_id = ?', userId);
  if (query['filter[unassigned]'] === true) add('tickets.assignee_id IS NULL');
  const assignee = ulidList(query, 'assigned_user_ulid');
  if (assignee !== undefined && assignee.length > 0) {
    add(`tickets.assignee_id IN (SELECT id FROM users WHERE ulid IN (${marks(assignee)}))`, ...assignee);
  }
  // `q` is semantic search in the product; without AI the target treats it as keyword search.
  for (const term of [query['filter[search]'], query.q]) {
    if (typeof term !== 'string' || term.trim() === '') continue;
    add(
      `(ci_contains(tickets.subject, ?)
        OR EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = tickets.id AND ci_contains(m.body_text, ?))
        OR EXISTS (SELECT 1 FROM contacts c WHERE c.id = tickets.contact_id
                   AND (ci_contains(c.name, ?) OR ci_contains(c.email, ?))))`,
      term,
      term,
      term,
      term,
    );
  }
  return where;
}

export const ticketListRoutes: FastifyPluginAsync = async (app) => {
  app.get('/tickets', async (request) => {
    const where = ticketFilters(request);
    const order = orderBy(request.validQuery.sort, SORTS, '-updated_at', 'tickets.id');
    const whereSql = `WHERE ${where.clauses.join(' AND ')}`;
    const { total } = app.db.prepare(`SELECT COUNT(*) AS total FROM tickets ${whereSql}`).get(...where.params) as { total: number };
    const page = paginate(request, { total, ...pageValues(request.validQuery) });
    const rows = app.db
      .prepare(`SELECT tickets.* FROM tickets ${whereSql} ${order} LIMIT ? OFFSET ?`)
      .all(...where.params, page.limit, page.offset) as Row[];
    return { data: rows.map((row) => presentTicket(app.db, row)), meta: page.meta, links: page.links };
  });
};
