// Reads of brains (always with their live article count) and articles.
import type Database from 'better-sqlite3';
import type { BrainArticleRow, CountedBrainRow } from './schema.js';

const COUNTED = `SELECT b.*, (SELECT COUNT(*) FROM brain_articles a WHERE a.brain_id = b.id) AS article_count
  FROM brains b`;

export function findBrain(db: Database.Database, id: number): CountedBrainRow {
  return db.prepare(`${COUNTED} WHERE b.id = ?`).get(id) as CountedBrainRow;
}

export function brainsOf(db: Database.Database, workspaceId: number): CountedBrainRow[] {
  return db.prepare(`${COUNTED} WHERE b.workspace_id = ? ORDER BY b.id`).all(workspaceId) as CountedBrainRow[];
}

export function brainCount(db: Database.Database, workspaceId: number): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM brains WHERE workspace_id = ?').get(workspaceId) as { n: number }).n;
}

export function findArticle(db: Database.Database, id: number): BrainArticleRow {
  return db.prepare('SELECT * FROM brain_articles WHERE id = ?').get(id) as BrainArticleRow;
}

export function articlesOf(db: Database.Database, brainId: number): BrainArticleRow[] {
  return db.prepare('SELECT * FROM brain_articles WHERE brain_id = ? ORDER BY id').all(brainId) as BrainArticleRow[];
}

/** Inserts an article created at `at`; `updated_at` is its last edit, or its creation. */
export function insertArticle(
  db: Database.Database,
  row: {
    ulid: string;
    brainId: number;
    title: string;
    body: string;
    isPublic: boolean;
    lastEditedAt: string | null;
    at: string;
  },
): number {
  const result = db
    .prepare(
      `INSERT INTO brain_articles (ulid, brain_id, title, body, is_public, last_edited_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      row.ulid,
      row.brainId,
      row.title,
      row.body,
      row.isPublic ? 1 : 0,
      row.lastEditedAt,
      row.at,
      row.lastEditedAt ?? row.at,
    );
  return Number(result.lastInsertRowid);
}

export function insertBrain(
  db: Database.Database,
  row: { ulid: string; workspaceId: number; name: string; additionalInstructions: string | null; at: string },
): number {
  const result = db
    .prepare(
      `INSERT INTO brains (ulid, workspace_id, name, additional_instructions, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(row.ulid, row.workspaceId, row.name, row.additionalInstructions, row.at, row.at);
  return Number(result.lastInsertRowid);
}
