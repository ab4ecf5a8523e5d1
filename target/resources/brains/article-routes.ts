// /brains/{brain}/articles: Markdown articles of a brain. An update changes only the fields
// sent and stamps `last_edited_at`.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { nowIso } from '../../db/clock.js';
import { newUlid } from '../../db/ids.js';
import type { Row } from '../family.js';
import { presentArticle } from './present.js';
import type { BrainArticleRow, BrainRow } from './schema.js';
import { articlesOf, findArticle, insertArticle } from './store.js';

interface ArticleInput {
  title?: string;
  body?: string;
  is_public?: boolean;
}

/** Resolves `{article}` within the brain already resolved from the same path. */
export function resolveArticle(ulid: string, request: FastifyRequest): Row | undefined {
  const brain = request.resources.brain as unknown as BrainRow | undefined;
  if (!brain) return undefined;
  return request.server.db
    .prepare('SELECT * FROM brain_articles WHERE ulid = ? AND brain_id = ?')
    .get(ulid, brain.id) as Row | undefined;
}

function brainOf(request: FastifyRequest): BrainRow {
  return request.resources.brain as unknown as BrainRow;
}

function articleOf(request: FastifyRequest): BrainArticleRow {
  return request.resources.article as unknown as BrainArticleRow;
}

export const articleRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  app.get('/brains/:brain/articles', async (request) => ({
    data: articlesOf(db, brainOf(request).id).map(presentArticle),
  }));

  app.post('/brains/:brain/articles', async (request, reply) => {
    const input = request.body as ArticleInput;
    const id = insertArticle(db, {
      ulid: newUlid(),
      brainId: brainOf(request).id,
      title: input.title ?? '',
      body: input.body ?? '',
      isPublic: input.is_public ?? true,
      lastEditedAt: null,
      at: nowIso(),
    });
    return reply.code(201).send({ data: presentArticle(findArticle(db, id)) });
  });

  app.get('/brains/:brain/articles/:article', async (request) => ({ data: presentArticle(articleOf(request)) }));

  app.put('/brains/:brain/articles/:article', async (request) => {
    const current = articleOf(request);
    const input = request.body as ArticleInput;
    const now = nowIso();
    db.prepare(
      'UPDATE brain_articles SET title = ?, body = ?, is_public = ?, last_edited_at = ?, updated_at = ? WHERE id = ?',
    ).run(
      input.title ?? current.title,
      input.body ?? current.body,
      (input.is_public ?? current.is_public === 1) ? 1 : 0,
      now,
      now,
      current.id,
    );
    return { data: presentArticle(findArticle(db, current.id)) };
  });

  app.delete('/brains/:brain/articles/:article', async (request, reply) => {
    db.prepare('DELETE FROM brain_articles WHERE id = ?').run(articleOf(request).id);
    return reply.code(204).send();
  });
};
