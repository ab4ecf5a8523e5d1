// Brains (AI knowledge bases, at most 10 per workspace) and their Markdown articles; deleting a
// brain deletes its articles.
export const brainsDdl = `
CREATE TABLE IF NOT EXISTS brains (
  id INTEGER PRIMARY KEY,
  ulid TEXT NOT NULL UNIQUE,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  additional_instructions TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS brains_workspace ON brains (workspace_id, id);
CREATE TABLE IF NOT EXISTS brain_articles (
  id INTEGER PRIMARY KEY,
  ulid TEXT NOT NULL UNIQUE,
  brain_id INTEGER NOT NULL REFERENCES brains(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  is_public INTEGER NOT NULL,
  last_edited_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS brain_articles_brain ON brain_articles (brain_id, id);
`;

/** At most this many brains per workspace; one more is a 422 on `name`. */
export const MAX_BRAINS_PER_WORKSPACE = 10;

export interface BrainRow {
  id: number;
  ulid: string;
  workspace_id: number;
  name: string;
  additional_instructions: string | null;
  created_at: string;
  updated_at: string;
}

/** A brain row with its current number of articles. */
export interface CountedBrainRow extends BrainRow {
  article_count: number;
}

export interface BrainArticleRow {
  id: number;
  ulid: string;
  brain_id: number;
  title: string;
  body: string;
  is_public: number;
  last_edited_at: string | null;
  created_at: string;
  updated_at: string;
}
