// Opens the target's SQLite database, creates every family's tables and seeds each family once,
// so a file database keeps its data across restarts.
import Database from 'better-sqlite3';
import { FAMILIES } from '../resources/index.js';
import type { Family, SeedContext } from '../resources/family.js';
import { isoAt } from './clock.js';
import { SEED_BASE_TIME, seededRandom, seededUlids } from './ids.js';

const META_DDL = `CREATE TABLE IF NOT EXISTS target_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`;

export function seedContext(): SeedContext {
  return {
    ulid: seededUlids(20260105),
    at: (minutes) => isoAt(SEED_BASE_TIME + minutes * 60_000),
    random: seededRandom(424242),
    workspaces: { a: 1, b: 2, c: 3 },
  };
}

/**
 * Handlers call `db.prepare(sql)` where they need a statement; compiling SQL on every request was
 * the target's main cost, so statements are kept per SQL text (better-sqlite3 statements are reusable).
 */
function cachePreparedStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }) as typeof db.prepare;
}

export function openDatabase(path: string, families: readonly Family[] = FAMILIES): Database.Database {
  const db = new Database(path);
  cachePreparedStatements(db);
  if (path !== ':memory:' && path !== '') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // Case-insensitive substring that also folds non-ASCII letters (SQLite's LIKE folds ASCII only).
  db.function('ci_contains', { deterministic: true }, (haystack: unknown, needle: unknown) =>
    typeof haystack === 'string' && typeof needle === 'string' && haystack.toLowerCase().includes(needle.toLowerCase())
      ? 1
      : 0,
  );
  db.exec(META_DDL);
  const seeded = db.prepare('SELECT 1 FROM target_meta WHERE key = ?');
  const markSeeded = db.prepare('INSERT INTO target_meta (key, value) VALUES (?, ?)');
  const context = seedContext();
  db.transaction(() => {
    for (const family of families) db.exec(family.ddl);
    for (const family of families) {
      const key = `seeded:${family.name}`;
      if (seeded.get(key) !== undefined) continue;
      family.seed(db, context);
      markSeeded.run(key, 'yes');
    }
  })();
  return db;
}
