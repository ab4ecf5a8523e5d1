// Contacts: 64 in A (some without a name, names with ties, non-ASCII and lower-case initials,
// several domains), 7 in B. `last_activity_at` is filled in by the tickets seed.
import type Database from 'better-sqlite3';
import type { SeedContext } from '../family.js';

const FIRST = ['John', 'Maria', 'Sam', 'Priya', 'Lucas', 'Chloé', 'Omar', 'Hana', 'Noah', 'Zoë', 'Ines', 'Tom', 'Ada'];
const LAST = ['Doe', 'Garcia', 'Lee', 'Patel', 'Silva', 'Dubois', 'Haddad', 'Sato', 'Berg', 'de Vries', 'Ålund'];
const DOMAINS = ['customer.test', 'example.org', 'mail.test', 'bigcorp.test', 'startup.io'];

export function seedContacts(db: Database.Database, context: SeedContext): void {
  const insert = db.prepare(
    `INSERT INTO contacts (ulid, workspace_id, name, email, avatar_url, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (let index = 0; index < 64; index += 1) {
    const first = FIRST[index % FIRST.length] ?? 'Sam';
    const last = LAST[(index * 7) % LAST.length] ?? 'Lee';
    // Every ninth contact has no name; a few share the same name as an earlier one.
    const name = index % 9 === 4 ? null : index % 13 === 12 ? 'Sam Lee' : `${first} ${last}`;
    const local = `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '');
    const email = `${local}${index}@${DOMAINS[index % DOMAINS.length]}`;
    // Created over about four months; every fifth shares its timestamp with the one before.
    const minutes = (index - (index % 5 === 0 && index > 0 ? 1 : 0)) * 2 * 24 * 60;
    const avatar = index % 4 === 0 ? `https://avatars.there-there.test/c${index}.png` : null;
    const notes = index % 6 === 0 ? `Key account; prefers email. Contact #${index}.` : null;
    insert.run(context.ulid(), context.workspaces.a, name, email, avatar, notes, context.at(minutes), context.at(minutes));
  }
  const globex = ['Paula Novak', 'Rui Santos', null, 'Mei Chen', 'Olaf Lind', 'Kemal Arslan', 'Nina Ross'];
  globex.forEach((name, index) => {
    const email = `${(name ?? 'anonymous').toLowerCase().replace(/\s+/g, '.')}${index}@globex-customer.test`;
    insert.run(context.ulid(), context.workspaces.b, name, email, null, null, context.at(index * 3000), context.at(index * 3000));
  });
}
