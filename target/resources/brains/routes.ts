// /brains and /brains/{brain}/articles: everyone reads; writing needs admin (`x-admin-only`
// in openapi.yaml). A workspace holds at most 10 brains.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { nowIso } from '../../db/clock.js';
import { newUlid } from '../../db/ids.js';
import { ValidationFailed } from '../../http/errors.js';
import type { Row } from '../family.js';
import { articleRoutes } from './article-routes.js';
import { presentBrain } from './present.js';
import { MAX_BRAINS_PER_WORKSPACE, type BrainRow } from './schema.js';
import { brainCount, brainsOf, findBrain, insertBrain } from './store.js';

interface BrainInput {
  name?: string;
  additional_instructions?: string | null;
}

/** Resolves `{brain}` within the caller's workspace. */
export function resolveBrain(ulid: string, request: FastifyRequest): Row | undefined {
  return request.server.db
    .prepare('SELECT * FROM brains WHERE ulid = ? AND workspace_id = ?')
    .get(ulid, request.caller.workspaceId) as Row | undefined;
}

function brainOf(request: FastifyRequest): BrainRow {
  return request.resources.brain as unknown as BrainRow;
}

export const brainRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  app.get('/brains', async (request) => ({ data: brainsOf(db, request.caller.workspaceId).map(presentBrain) }));

  app.post('/brains', async (request, reply) => {
    const input = request.body as BrainInput;
    const { workspaceId } = request.caller;
    const id = db.transaction(() => {
      if (brainCount(db, workspaceId) >= MAX_BRAINS_PER_WORKSPACE) {
        throw new ValidationFailed({
          name: [`A workspace cannot have more than ${MAX_BRAINS_PER_WORKSPACE} brains.`],
        });
      }
      return insertBrain(db, {
        ulid: newUlid(),
        workspaceId,
        name: input.name ?? '',
        additionalInstructions: input.additional_instructions ?? null,
        at: nowIso(),
      });
    })();
    return reply.code(201).send({ data: presentBrain(findBrain(db, id)) });
  });

  app.get('/brains/:brain', async (request) => ({ data: presentBrain(findBrain(db, brainOf(request).id)) }));

  app.put('/brains/:brain', async (request) => {
    const current = brainOf(request);
    const input = request.body as BrainInput;
    db.prepare('UPDATE brains SET name = ?, additional_instructions = ?, updated_at = ? WHERE id = ?').run(
      input.name ?? current.name,
      input.additional_instructions === undefined ? current.additional_instructions : input.additional_instructions,
      nowIso(),
      current.id,
    );
    return { data: presentBrain(findBrain(db, current.id)) };
  });

  // The articles go with the brain (ON DELETE CASCADE).
  app.delete('/brains/:brain', async (request, reply) => {
    db.prepare('DELETE FROM brains WHERE id = ?').run(brainOf(request).id);
    return reply.code(204).send();
  });

  await app.register(articleRoutes);
};
