// /saved-views: personal views belong to their creator alone (others get 404); workspace views
// are visible to everyone and need admin to create, change or delete (403 for a member).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { nowIso } from '../../db/clock.js';
import { newUlid } from '../../db/ids.js';
import { HttpError, MESSAGES, ValidationFailed } from '../../http/errors.js';
import type { Row } from '../family.js';
import { presentSavedView, statusesOf } from './present.js';
import type { SavedViewRow } from './schema.js';
import { uniqueSlug } from './slug.js';
import {
  findSavedView,
  idsInWorkspace,
  insertSavedView,
  linksOf,
  memberId,
  replaceLinks,
  updateSavedView,
  visibleSavedViews,
  type SavedViewFields,
} from './store.js';

interface SavedViewInput {
  name?: string;
  icon?: string | null;
  is_personal?: boolean;
  search?: string | null;
  statuses?: string[] | null;
  assigned_to_me?: boolean;
  unassigned?: boolean;
  assigned_user_ulid?: string | null;
  channel_ulids?: string[];
  tag_ulids?: string[];
}

/** Resolves `{savedTicketView}`: workspace views, and the caller's own personal views. */
export function resolveSavedView(ulid: string, request: FastifyRequest): Row | undefined {
  return request.server.db
    .prepare('SELECT * FROM saved_views WHERE ulid = ? AND workspace_id = ? AND (is_personal = 0 OR user_id = ?)')
    .get(ulid, request.caller.workspaceId, request.caller.userId) as Row | undefined;
}

function savedViewOf(request: FastifyRequest): SavedViewRow {
  return request.resources.savedTicketView as unknown as SavedViewRow;
}

function refuseMember(request: FastifyRequest): void {
  if (request.caller.role === 'member') throw new HttpError(403, MESSAGES.unauthorized);
}

/** Creating a workspace view needs admin; the body is parsed but not yet validated here. */
function authorizeCreate(request: FastifyRequest): void {
  const body = request.body as SavedViewInput | undefined;
  if (typeof body === 'object' && body !== null && body.is_personal === false) refuseMember(request);
}

/** Changing or deleting a workspace view needs admin (someone else's personal view is a 404). */
function authorizeChange(request: FastifyRequest): void {
  if (savedViewOf(request).is_personal === 0) refuseMember(request);
}

export const savedViewRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;
  const present = (row: SavedViewRow) => presentSavedView(row, linksOf(db, row.id));

  /** The assignee's user id; a ULID naming no member of the workspace is a 422. */
  const assignedUserId = (request: FastifyRequest, ulid: string | null): number | null => {
    if (ulid === null) return null;
    const id = memberId(db, request.caller.workspaceId, ulid);
    if (id === undefined) {
      throw new ValidationFailed({ assigned_user_ulid: ['The selected assigned user ulid is invalid.'] });
    }
    return id;
  };

  const linksFrom = (request: FastifyRequest, input: SavedViewInput) => ({
    channelIds: input.channel_ulids && idsInWorkspace(db, 'channels', request.caller.workspaceId, input.channel_ulids),
    tagIds: input.tag_ulids && idsInWorkspace(db, 'tags', request.caller.workspaceId, input.tag_ulids),
  });

  app.get('/saved-views', async (request) => ({
    data: visibleSavedViews(db, request.caller.workspaceId, request.caller.userId).map(present),
  }));

  app.post('/saved-views', { config: { authorize: authorizeCreate } }, async (request, reply) => {
    const input = request.body as SavedViewInput;
    const { workspaceId, userId } = request.caller;
    const name = input.name ?? '';
    const fields: SavedViewFields = {
      name,
      slug: uniqueSlug(db, workspaceId, name),
      icon: input.icon ?? null,
      search: input.search ?? null,
      statuses: input.statuses ?? null,
      assigned_to_me: input.assigned_to_me ?? false,
      unassigned: input.unassigned ?? false,
      assigned_user_id: assignedUserId(request, input.assigned_user_ulid ?? null),
    };
    const links = linksFrom(request, input);
    const id = db.transaction(() => {
      const viewId = insertSavedView(
        db,
        { ulid: newUlid(), workspaceId, userId, isPersonal: input.is_personal ?? true, at: nowIso() },
        fields,
      );
      replaceLinks(db, viewId, links);
      return viewId;
    })();
    return reply.code(201).send({ data: present(findSavedView(db, id)) });
  });

  app.get('/saved-views/:savedTicketView', async (request) => ({ data: present(savedViewOf(request)) }));

  app.put('/saved-views/:savedTicketView', { config: { authorize: authorizeChange } }, async (request) => {
    const current = savedViewOf(request);
    const input = request.body as SavedViewInput;
    const name = input.name ?? current.name;
    const fields: SavedViewFields = {
      name,
      slug: name === current.name ? current.slug : uniqueSlug(db, current.workspace_id, name, current.id),
      icon: input.icon === undefined ? current.icon : input.icon,
      search: input.search === undefined ? current.search : input.search,
      statuses: input.statuses === undefined ? statusesOf(current) : input.statuses,
      assigned_to_me: input.assigned_to_me ?? current.assigned_to_me === 1,
      unassigned: input.unassigned ?? current.unassigned === 1,
      assigned_user_id:
        input.assigned_user_ulid === undefined
          ? current.assigned_user_id
          : assignedUserId(request, input.assigned_user_ulid),
    };
    const links = linksFrom(request, input);
    db.transaction(() => {
      updateSavedView(db, current.id, fields, nowIso());
      replaceLinks(db, current.id, links);
    })();
    return { data: present(findSavedView(db, current.id)) };
  });

  app.delete('/saved-views/:savedTicketView', { config: { authorize: authorizeChange } }, async (request, reply) => {
    db.prepare('DELETE FROM saved_views WHERE id = ?').run(savedViewOf(request).id);
    return reply.code(204).send();
  });
};
