// Every row of every table of the target's SQLite file, read through a read-only connection: what
// the safety tests compare before and after a run.

import Database from 'better-sqlite3';

/** Per table, every row JSON-serialised in rowid order (a row's exact bytes, as text). */
export type DbSnapshot = Map<string, string[]>;

export function snapshotDb(file: string): DbSnapshot {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>;
    const snapshot: DbSnapshot = new Map();
    for (const { name } of tables) {
      const withoutRowid = (db.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).get(name) as { sql: string }).sql.toUpperCase().includes('WITHOUT ROWID');
      const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY ${withoutRowid ? '1' : 'rowid'}`).raw(false).all();
      snapshot.set(name, rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : typeof value === 'bigint' ? String(value) : value))));
    }
    return snapshot;
  } finally {
    db.close();
  }
}

/** Rows of `after` that `before` does not hold, per table (only tables with some). */
export function addedRows(before: DbSnapshot, after: DbSnapshot): Map<string, string[]> {
  const added = new Map<string, string[]>();
  for (const [table, rows] of after) {
    const old = new Set(before.get(table) ?? []);
    const extra = rows.filter((row) => !old.has(row));
    if (extra.length > 0) added.set(table, extra);
  }
  return added;
}

/** Rows of `before` that are gone or changed in `after`, per table (only tables with some). */
export function missingRows(before: DbSnapshot, after: DbSnapshot): Map<string, string[]> {
  const missing = new Map<string, string[]>();
  for (const [table, rows] of before) {
    const now = new Set(after.get(table) ?? []);
    const gone = rows.filter((row) => !now.has(row));
    if (gone.length > 0) missing.set(table, gone);
  }
  return missing;
}

/** Rows anywhere in the snapshot that carry `runId` (also with its dashes dropped, as some stamps write it). */
export function rowsCarrying(snapshot: DbSnapshot, runId: string): Array<{ table: string; row: string }> {
  const compact = runId.replace(/[^a-z0-9]/gi, '').toLowerCase();
  const found: Array<{ table: string; row: string }> = [];
  for (const [table, rows] of snapshot) {
    for (const row of rows) if (row.includes(runId) || row.toLowerCase().replace(/[^a-z0-9]/g, '').includes(compact)) found.push({ table, row });
  }
  return found;
}
