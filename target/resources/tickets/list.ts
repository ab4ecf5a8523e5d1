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
  const { faults } = request.server;
  const { workspaceId, userId } = request.caller;
  const where: Where = { clauses: ['tickets.workspace_id = ?'], params: [workspaceId] };
  const add = (clause: string, ...params: unknown[]): void => {
    where.clauses.push(clause);
    where.params.push(...params);
  };

  const statuses = listValue(query['filter[status]']);
  const searched = [query['filter[search]'], query.q].some((term) => typeof term === 'string' && term.trim() !== '');
  const statusDropped = searched && faults.has('status-filter-dropped-with-search');
  if (statuses !== undefined && statuses.length > 0 && !statusDropped) {
    if (statuses.some((status) => !STATUSES.includes(status))) {
      throw new ValidationFailed({ 'filter.status': ['The selected filter.status is invalid.'] });
    }
    // Fault `closed-filter-leaks-spam`: "closed" taken to mean "done", spam included.
    if (statuses.includes('closed') && faults.has('closed-filter-leaks-spam')) statuses.push('spam');
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
  // Fault `unassigned-one-ignored`: the raw string compared with "true", so `1` does not filter.
  const unassigned = faults.has('unassigned-one-ignored')
    ? (request.query as Record<string, unknown>)['filter[unassigned]'] === 'true'
    : query['filter[unassigned]'] === true;
  if (unassigned) add('tickets.assignee_id IS NULL');
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
    // Fault `ticket-default-sort-ascending`: the default written without its minus sign.
    const sortGiven = (request.query as Record<string, unknown>).sort !== undefined;
    const sort = !sortGiven && app.faults.has('ticket-default-sort-ascending') ? 'updated_at' : request.validQuery.sort;
    const order = orderBy(sort, SORTS, '-updated_at', 'tickets.id');
    const whereSql = `WHERE ${where.clauses.join(' AND ')}`;
    // Fault `ticket-total-ignores-filters`: the count query forgets every clause but the workspace.
    const [countSql, countParams] = app.faults.has('ticket-total-ignores-filters')
      ? ['WHERE tickets.workspace_id = ?', [request.caller.workspaceId]]
      : [whereSql, where.params];
    const { total } = app.db.prepare(`SELECT COUNT(*) AS total FROM tickets ${countSql}`).get(...countParams) as { total: number };
    const page = paginate(request, { total, ...pageValues(request.validQuery) });
    const rows = app.db
      .prepare(`SELECT tickets.* FROM tickets ${whereSql} ${order} LIMIT ? OFFSET ?`)
      .all(...where.params, page.limit, page.offset) as Row[];
    return { data: rows.map((row) => presentTicket(app.db, row)), meta: page.meta, links: page.links };
  });
};
