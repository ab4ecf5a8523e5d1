// Slugs of saved views: kebab case of the name, unique per workspace with `-2`, `-3`, ...
import type Database from 'better-sqlite3';

const MAX_LENGTH = 255;

/** Kebab case of a name: accents dropped, every run of other characters one dash. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'view' : slug;
}

/** The slug for `name` in the workspace, skipping the slugs of other views (not `exceptId`). */
export function uniqueSlug(db: Database.Database, workspaceId: number, name: string, exceptId = 0): string {
  const base = slugify(name);
  const taken = db.prepare('SELECT 1 FROM saved_views WHERE workspace_id = ? AND slug = ? AND id != ?');
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? '' : `-${n}`;
    const candidate = base.slice(0, MAX_LENGTH - suffix.length).replace(/-+$/, '') + suffix;
    if (taken.get(workspaceId, candidate, exceptId) === undefined) return candidate;
  }
}
