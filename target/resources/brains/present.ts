// Brain and article rows as the contract's Brain and BrainArticle objects.
import type { BrainArticleRow, CountedBrainRow } from './schema.js';

export function presentBrain(row: CountedBrainRow): Record<string, unknown> {
  return {
    id: row.id,
    ulid: row.ulid,
    name: row.name,
    additional_instructions: row.additional_instructions,
    article_count: row.article_count,
    created_at: row.created_at,
  };
}

export function presentArticle(row: BrainArticleRow): Record<string, unknown> {
  return {
    id: row.id,
    ulid: row.ulid,
    brain_id: row.brain_id,
    title: row.title,
    body: row.body,
    is_public: row.is_public === 1,
    last_edited_at: row.last_edited_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
